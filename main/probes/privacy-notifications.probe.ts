import { outcome, unresolved } from './probe-kit';
import type { Probe } from './probe-types';

/** Pop-ups can show private messages on a shared screen and break concentration. */
export const privacyNotificationsProbe: Probe = {
  id: 'privacy.notifications',
  async run({ facts }) {
    const fact = await facts.notifications();
    if (fact.state !== 'known') return unresolved(fact, 'Could not tell whether Do Not Disturb is on');
    const evidence = { ...fact.evidence, doNotDisturb: fact.value.doNotDisturb };
    if (fact.value.doNotDisturb)
      return outcome('pass', 'Do Not Disturb is on: notifications will stay quiet.', evidence);
    return outcome(
      'warn',
      'Notifications are on: pop-ups could appear during the session or on a shared screen.',
      evidence,
    );
  },
};
