import { AppError } from '../../../shared/errors';
import type { PrepSheetOutcome } from '../../../shared/ipc/safety.contract';
import type { PrepSheetExport } from '../../export/prep-sheet-export';
import type { HandlersFor } from '../handler-types';
import type { ExportDialogPort } from './log-export.handlers';

export interface SafetyHandlerDeps {
  readonly prepSheets: PrepSheetExport;
  /** The same save dialog as the log exports; absent where there is no window: answers UNAVAILABLE. */
  readonly dialogs?: ExportDialogPort;
}

/**
 * `safety:prep-sheet`: the sheet holds no client details, so it needs no unlocked vault; the window has
 * already said the file will not be encrypted.
 */
export function createSafetyHandlers(deps: SafetyHandlerDeps): HandlersFor<'safety:prep-sheet'> {
  return {
    'safety:prep-sheet': async (request): Promise<PrepSheetOutcome> => {
      if (!deps.dialogs)
        throw new AppError('UNAVAILABLE', 'Saving files needs the ReadyRoom app; it is not available here.');
      const path = await deps.dialogs.chooseExportDestination(deps.prepSheets.suggestedName(request), request.format);
      if (!path) return { saved: false, format: request.format };
      await deps.prepSheets.write(request, path);
      return { saved: true, format: request.format };
    },
  };
}
