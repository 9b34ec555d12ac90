import { randomBytes } from 'node:crypto';

import { DateTime } from 'luxon';

import { AppError } from '../../shared/errors';
import {
  awaitingDecision,
  closingNoteSchema,
  icoDecisionInputSchema,
  icoDecisionProblem,
  incidentDeadlinesSchema,
  incidentInputProblem,
  incidentLogSchema,
  pendingDeadlines,
  reportDeadline,
  type IcoDecisionRecord,
  type Incident,
  type IncidentDeadline,
  type IncidentLog,
  type ParsedIncidentInput,
} from '../../shared/incidents/incident';
import type { IncidentView } from '../../shared/ipc/incidents.contract';
import { checkClientCode, clientCodeKey } from '../../shared/logs/client-code';
import { createClientCodeRedactor } from '../../shared/text/client-code-redaction';
import { createLogger } from '../logging/logger';
import { createPlainRecord } from '../schedule/plain-record';
import type { StoreFactory } from '../store/store-factory';
import type { VaultService } from '../vault/vault-service';

const log = createLogger('incidents');

/** A clock a few minutes fast elsewhere (a phone) must not make "just now" a time in the future. */
const futureSlackMs = 5 * 60 * 1000;

/** What an erasure did to the incident log. */
export interface IncidentErasure {
  /** Incidents the client's code was removed from. */
  readonly removedFrom: number;
  /** Incidents whose own words (what happened, actions, notes) still contain the code: only the therapist can reword them. */
  readonly stillInText: readonly string[];
}

/**
 * The incident log. The incidents are one vault document ("incidents"); the deadlines of those
 * still awaiting a decision (id and instant only) are copied to a plain file so the home screen and
 * the tray can count down while the vault is locked.
 */
export interface IncidentService {
  /** Newest discovery first. LOCKED while the vault is locked. */
  list(): readonly IncidentView[];
  add(input: ParsedIncidentInput): IncidentView;
  update(id: string, input: ParsedIncidentInput): IncidentView;
  /** Closes the practical work; the 72-hour clock runs on until the ICO decision is recorded. */
  close(id: string, note: string): IncidentView;
  /**
   * Records whether it was reported to the ICO (open or closed): this stops the clock. A decision
   * already recorded is replaced only when asked (`replace`), so a form left open in one window
   * cannot quietly overwrite what was recorded since in another, or on the command line.
   */
  decide(id: string, ico: IcoDecisionRecord, options?: { readonly replace?: boolean }): IncidentView;
  /** The incidents discovered in [from, to) (ISO instants), for reports. LOCKED while locked. */
  discoveredBetween(from: string, to: string): readonly IncidentView[];
  /** Deadlines of incidents awaiting a decision (open or closed), soonest first; works while the vault is locked. */
  pendingDeadlines(): readonly IncidentDeadline[];
  /** Takes a client's code out of every incident (an erasure request). */
  removeClient(client: string): IncidentErasure;
  /** After the log changed underneath (a restore): the plain deadlines follow, and the listeners are told. */
  refresh(): void;
  /** Called after each change to the log (the tray's clock follows it); returns the unsubscribe function. */
  onChange(listener: () => void): () => void;
}

export interface IncidentServiceDeps {
  readonly dataDir: string;
  readonly storeFactory: StoreFactory;
  readonly vault: Pick<VaultService, 'status' | 'readDocument' | 'writeDocument'>;
  readonly now?: () => Date;
  readonly newId?: () => string;
}

const emptyLog: IncidentLog = { incidents: [] };

function toIncidentView(incident: Incident): IncidentView {
  return { ...incident, deadline: reportDeadline(incident.discoveredAt) };
}

export function createIncidentService(deps: IncidentServiceDeps): IncidentService {
  const deadlines = createPlainRecord(
    deps.dataDir,
    deps.storeFactory,
    'incident-deadlines',
    incidentDeadlinesSchema,
    [],
  );
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? (() => `inc-${randomBytes(4).toString('hex')}`);

  /** The log in the vault (LOCKED when locked). A form this version cannot read is refused, never written over. */
  function read(): IncidentLog {
    const stored = deps.vault.readDocument('incidents');
    if (stored === null) return emptyLog;
    const parsed = incidentLogSchema.safeParse(stored);
    if (!parsed.success)
      throw new AppError(
        'CORRUPT',
        'Your incident log is in a form this version of ReadyRoom cannot read, so nothing was changed. It is kept as it is.',
      );
    return parsed.data;
  }

  /**
   * Deadlines read from the vault that the plain copy could not take (a full disk): shown from
   * memory, so Home and the tray never say "nothing waiting" while a clock runs.
   */
  let unsaved: IncidentDeadline[] | null = null;
  const currentDeadlines = () => unsaved ?? deadlines.get();

  /** The plain copy follows the vault on every read and write, so a restore or another computer's change shows up. */
  function syncDeadlines(record: IncidentLog): void {
    const pending = pendingDeadlines(record.incidents);
    if (JSON.stringify(pending) === JSON.stringify(deadlines.get())) {
      unsaved = null;
      return;
    }
    try {
      deadlines.set(pending);
      unsaved = null;
    } catch {
      unsaved = pending;
      log.warn('the incident deadlines could not be copied for the locked view');
    }
  }

  const listeners = new Set<() => void>();
  function write(record: IncidentLog): void {
    deps.vault.writeDocument('incidents', incidentLogSchema.parse(record));
    syncDeadlines(record);
    for (const listener of listeners) listener();
  }

  function find(record: IncidentLog, id: string): Incident {
    const found = record.incidents.find((i) => i.id === id);
    if (!found) throw new AppError('NOT_FOUND', 'There is no incident with that id.');
    return found;
  }

  /** Today on this computer's calendar, as the therapist dates a decision. */
  const today = () => DateTime.fromJSDate(now()).toISODate() ?? '';

  /** The checks zod cannot make alone: times not in the future, codes that may be saved. */
  function checked(input: ParsedIncidentInput): ParsedIncidentInput {
    const problem = incidentInputProblem(input);
    if (problem) throw new AppError('BAD_REQUEST', problem.message);
    const decisionProblem =
      input.ico.decision === 'undecided' ? null : icoDecisionProblem(input.ico, today(), input.discoveredAt);
    if (decisionProblem) throw new AppError('BAD_REQUEST', decisionProblem);
    const latest = now().getTime() + futureSlackMs;
    if (Date.parse(input.discoveredAt) > latest)
      throw new AppError('BAD_REQUEST', 'The time it was discovered cannot be in the future.');
    if (input.occurredAt !== null && Date.parse(input.occurredAt) > latest)
      throw new AppError('BAD_REQUEST', 'The time it happened cannot be in the future.');
    const clientCodes = input.clientCodes.map((raw) => {
      const check = checkClientCode(raw);
      if (!check.valid) throw new AppError('BAD_REQUEST', `Client code: ${check.error ?? 'not valid.'}`);
      return check.code;
    });
    return { ...input, clientCodes };
  }

  /** Instants stored in one form (UTC), whatever offset they came with. */
  const utc = (iso: string) => new Date(iso).toISOString();

  function fields(input: ParsedIncidentInput) {
    return {
      kind: input.kind,
      what: input.what.trim(),
      occurredAt: input.occurredAt === null ? null : utc(input.occurredAt),
      discoveredAt: utc(input.discoveredAt),
      clientCodes: input.clientCodes,
      actions: input.actions,
      ico: input.ico,
    };
  }

  const byDiscovery = (a: Incident, b: Incident) => Date.parse(b.discoveredAt) - Date.parse(a.discoveredAt);

  return {
    list() {
      const record = read();
      syncDeadlines(record);
      return [...record.incidents].sort(byDiscovery).map(toIncidentView);
    },
    add(raw) {
      const input = checked(raw);
      const record = read();
      const taken = new Set(record.incidents.map((i) => i.id));
      let id = newId();
      while (taken.has(id)) id = newId();
      const incident: Incident = {
        id,
        ...fields(input),
        status: 'open',
        closedAt: null,
        closingNote: '',
        recordedAt: now().toISOString(),
      };
      write({ incidents: [...record.incidents, incident] });
      log.info('incident recorded', { kind: incident.kind });
      return toIncidentView(incident);
    },
    update(id, raw) {
      const input = checked(raw);
      const record = read();
      const updated: Incident = { ...find(record, id), ...fields(input) };
      write({ incidents: record.incidents.map((i) => (i.id === id ? updated : i)) });
      log.info('incident updated');
      return toIncidentView(updated);
    },
    close(id, raw) {
      const parsedNote = closingNoteSchema.safeParse(raw);
      if (!parsedNote.success)
        throw new AppError('BAD_REQUEST', parsedNote.error.issues[0]?.message ?? 'That note cannot be kept.');
      const note = parsedNote.data;
      const record = read();
      const current = find(record, id);
      if (current.status === 'closed') throw new AppError('STALE', 'This incident is already closed.');
      const closed: Incident = { ...current, status: 'closed', closedAt: now().toISOString(), closingNote: note };
      write({ incidents: record.incidents.map((i) => (i.id === id ? closed : i)) });
      log.info('incident closed', { awaitingDecision: awaitingDecision(closed) });
      return toIncidentView(closed);
    },
    decide(id, raw, options = {}) {
      const parsed = icoDecisionInputSchema.safeParse(raw);
      if (!parsed.success)
        throw new AppError('BAD_REQUEST', parsed.error.issues[0]?.message ?? 'That decision cannot be kept.');
      const ico = parsed.data;
      const record = read();
      const current = find(record, id);
      if (!options.replace && !awaitingDecision(current))
        throw new AppError(
          'STALE',
          'A decision about telling the ICO has already been recorded for this incident, so nothing was changed. To change it, use "Change this incident".',
        );
      const problem = icoDecisionProblem(ico, today(), current.discoveredAt);
      if (problem) throw new AppError('BAD_REQUEST', problem);
      const decided: Incident = { ...current, ico };
      write({ incidents: record.incidents.map((i) => (i.id === id ? decided : i)) });
      log.info('ICO decision recorded', { decision: ico.decision, status: decided.status });
      return toIncidentView(decided);
    },
    discoveredBetween(from, to) {
      const start = Date.parse(from);
      const end = Date.parse(to);
      return read()
        .incidents.filter((i) => {
          const at = Date.parse(i.discoveredAt);
          return at >= start && at < end;
        })
        .sort((a, b) => Date.parse(a.discoveredAt) - Date.parse(b.discoveredAt))
        .map(toIncidentView);
    },
    pendingDeadlines: currentDeadlines,
    removeClient(client) {
      const key = clientCodeKey(client);
      const record = read();
      let removedFrom = 0;
      const incidents = record.incidents.map((i) => {
        const kept = i.clientCodes.filter((code) => clientCodeKey(code) !== key);
        if (kept.length === i.clientCodes.length) return i;
        removedFrom += 1;
        return { ...i, clientCodes: kept };
      });
      if (removedFrom > 0) write({ incidents });
      // The export's own matcher, so "AB 017" or "AB–017" is named here exactly when an export would blank it.
      const code = createClientCodeRedactor([client]);
      const stillInText = incidents
        .filter((i) => [i.what, i.actions, i.closingNote, i.ico.reason].some((text) => code.redact(text) !== text))
        .map((i) => i.id);
      log.info('a client code was removed from the incident log', { incidents: removedFrom });
      return { removedFrom, stillInText };
    },
    refresh() {
      syncDeadlines(read());
      for (const listener of listeners) listener();
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
