import { z } from 'zod';

import {
  icoDecisionEntrySchema,
  incidentIdSchema,
  incidentInputSchema,
  incidentNoteMaxLength,
  type Incident,
} from '../incidents/incident';
import { boundedText, channel, noRequest } from './contract-kit';

/** An incident as the window shows it: the stored record and its deadline (an ISO instant). */
export type IncidentView = Incident & { readonly deadline: string };

export interface IncidentList {
  /** Newest discovery first. */
  readonly incidents: readonly IncidentView[];
}

export const incidentsChannels = {
  /** Needs the vault unlocked: the log is kept in it. */
  'incidents:list': channel<IncidentList>()(noRequest),
  'incidents:add': channel<IncidentView>()(z.strictObject({ incident: incidentInputSchema })),
  'incidents:update': channel<IncidentView>()(z.strictObject({ id: incidentIdSchema, incident: incidentInputSchema })),
  'incidents:close': channel<IncidentView>()(
    z.strictObject({ id: incidentIdSchema, note: boundedText(incidentNoteMaxLength) }),
  ),
  /**
   * Records the ICO decision alone (open or closed incident), stopping the clock. The incident's
   * other words are not checked again: one an earlier version saved can still be decided.
   */
  'incidents:decide': channel<IncidentView>()(z.strictObject({ id: incidentIdSchema, ico: icoDecisionEntrySchema })),
  /** Opens the ICO's self-assessment in the browser; main holds the address, the window never passes one. */
  'incidents:open-ico-guide': channel<{ readonly opened: boolean }>()(noRequest),
} as const;
