import { AppError } from '../../../shared/errors';
import { createLogger, describeError } from '../../logging/logger';
import type { LoginItem } from '../../login-item/login-item-types';
import type { HandlersFor } from '../handler-types';

const log = createLogger('login-item');

/** `login-item:get` and `login-item:set`: on only when the therapist turns it on, off from Settings. */
export function createLoginItemHandlers(loginItem: LoginItem): HandlersFor<'login-item:get' | 'login-item:set'> {
  return {
    'login-item:get': () => loginItem.status(),
    'login-item:set': async ({ enabled }) => {
      try {
        return await loginItem.setEnabled(enabled);
      } catch (error) {
        log.warn('could not change the login item', { enabled, error: describeError(error) });
        throw new AppError(
          'UNAVAILABLE',
          enabled
            ? 'ReadyRoom could not set itself to start at login. Nothing was changed.'
            : 'ReadyRoom could not remove itself from the programs that start at login.',
        );
      }
    },
  };
}
