import { describe, expect, it } from 'vitest';

import { known } from '../../../main/probes/platform/platform-types';
import { privacyNotificationsProbe } from '../../../main/probes/privacy-notifications.probe';
import { fakeFacts, probeContext } from './helpers/probe-test-kit';

describe('privacy.notifications', () => {
  it('passes with Do Not Disturb on and warns with it off', async () => {
    const on = await privacyNotificationsProbe.run(
      probeContext({ facts: fakeFacts({ notifications: async () => known({ doNotDisturb: true, source: 'x' }) }) }),
    );
    const off = await privacyNotificationsProbe.run(
      probeContext({ facts: fakeFacts({ notifications: async () => known({ doNotDisturb: false, source: 'x' }) }) }),
    );
    expect([on.status, off.status]).toEqual(['pass', 'warn']);
  });

  it('is unknown where it cannot be read', async () => {
    expect((await privacyNotificationsProbe.run(probeContext())).status).toBe('unknown');
  });
});
