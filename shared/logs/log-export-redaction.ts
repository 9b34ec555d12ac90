import { withClientCodes, type ClientCodeRedactor } from '../text/client-code-redaction';
import type { ReadinessLog } from './readiness-log';

/**
 * A log's free text with every known client code blanked, for an export without codes: its note,
 * the notes of the therapist's judgements, the text of its addenda, and a platform address the
 * therapist typed. The log's own code is blanked even if the known codes somehow lack it. What
 * ReadyRoom itself recorded (check summaries, evidence, program names) is left as it is.
 */
export function logWithoutClientCodes(log: ReadinessLog, knownCodes: ClientCodeRedactor): ReadinessLog {
  const codes = withClientCodes(knownCodes, [log.clientCode]);
  const redact = (text: string) => codes.redact(text);
  return {
    ...log,
    note: redact(log.note),
    ...(log.platformHost !== undefined ? { platformHost: redact(log.platformHost) } : {}),
    ...(log.judgements
      ? {
          judgements: log.judgements.map((j) => (j.note !== undefined ? { ...j, note: redact(j.note) } : j)),
        }
      : {}),
    addenda: log.addenda.map((a) => (a.text !== undefined ? { ...a, text: redact(a.text) } : a)),
  };
}
