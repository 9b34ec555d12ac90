import { mkdirSync } from 'node:fs';
import { basename } from 'node:path';

import { mergeClientProfiles } from '../../shared/clients/client-profile-merge';
import { mergeIncidentLogs } from '../../shared/incidents/incident-merge';
import { channelNames, type ChannelName } from '../../shared/ipc/contract';
import type { Outcome } from '../../shared/logs/readiness-log';
import { toOsName } from '../../shared/platform';
import { mergeReviewRecords } from '../../shared/review/review-merge';
import { createClientProfileService, type ClientProfileService } from '../clients/client-profile-service';
import { createAppHandlers } from '../ipc/handlers/app.handlers';
import { createClientsHandlers } from '../ipc/handlers/clients.handlers';
import { createLogExport, type LogExport } from '../export/log-export';
import { createLogExportHandlers, type ExportDialogPort } from '../ipc/handlers/log-export.handlers';
import { createLogSaveHandlers } from '../ipc/handlers/log-save.handlers';
import { createSafetyHandlers } from '../ipc/handlers/safety.handlers';
import { createPrepSheetExport } from '../export/prep-sheet-export';
import { createLogger, describeError } from '../logging/logger';
import { createLoginItemHandlers } from '../ipc/handlers/login-item.handlers';
import { createProgramsHandlers } from '../ipc/handlers/programs.handlers';
import { createScanHandlers } from '../ipc/handlers/scan.handlers';
import type { EventSink, HandlerTable } from '../ipc/handler-types';
import { createVaultHandlers, type BackupDialogPort } from '../ipc/handlers/vault.handlers';
import { unsupportedLoginItem, type LoginItem } from '../login-item/login-item-types';
import type { ExecFn } from '../platform/exec';
import { createScanRecords, type ScanRecords } from '../probes/scan-records';
import { createScanService, type ScanService, type ScanServiceDeps } from '../probes/scan-service';
import { createProgramsService, type ProgramsService } from '../programs/programs-service';
import { createUnsupportedProgramsService } from '../programs/unsupported-programs';
import { createHomeService } from '../home/home-service';
import { createIncidentService, type IncidentService } from '../incidents/incident-service';
import { createIncidentHandlers } from '../ipc/handlers/incidents.handlers';
import { createLastCheckRecord, type LastCheck as LastCheckRecord } from '../home/last-check-record';
import { createScheduleHandlers } from '../ipc/handlers/schedule.handlers';
import { createReviewService, type ReviewService } from '../review/review-service';
import { createReminderEngine, type Notifier, type ReminderEngine } from '../schedule/reminder-engine';
import { nodeReminderClock, systemZone } from '../schedule/reminder-clock';
import { createScheduleService, type ScheduleService } from '../schedule/schedule-service';
import type { Occurrence } from '../../shared/schedule/schedule';
import { createSettingsService, type SettingsService } from '../settings/settings-service';
import type { StoreFactory } from '../store/store-factory';
import type { KeychainPort } from '../vault/key-slots';
import type { EraseResult } from '../vault/vault-erasure';
import { createVaultService, nodeIdleTimers, type VaultService, type VaultServiceDeps } from '../vault/vault-service';

/** Everything the services need from their host (Electron app, CLI or browser test host). */
export interface ServiceGraphOptions {
  readonly dataDir: string;
  readonly platform: NodeJS.Platform;
  readonly appVersion: string;
  readonly exec: ExecFn;
  readonly storeFactory: StoreFactory;
  /** Where events go (the window, the test host's stream); the CLI has none. */
  readonly events?: EventSink;
  readonly testHost: boolean;
  /** The environment for programs and probes; the CLI passes its own, the app uses process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Lock the vault after the idle time in the settings (default on); off for the CLI, whose commands end by themselves. */
  readonly idleLock?: boolean;
  /** Test hooks for the vault, such as a cheaper scrypt cost. */
  readonly vaultOverrides?: Partial<VaultServiceDeps>;
  readonly openExternal?: (url: string) => Promise<void>;
  /** Keeps the app's window small and on top (the crisis card); the app only. */
  readonly keepOnTop?: (on: boolean) => boolean;
  /** ReadyRoom's own processes (Electron: main, renderer, GPU…), never listed or closed. */
  readonly ownPids?: () => readonly number[];
  /** The OS keychain (Electron safeStorage); absent in Node, where keychain unlock is refused. */
  readonly keychain?: KeychainPort;
  /** Native file dialogs for backup and restore; absent in the test host. */
  readonly dialogs?: BackupDialogPort;
  /** The save dialog for exports; absent in the test host unless it brings a stand-in. */
  readonly exportDialogs?: ExportDialogPort;
  /** Replaces the connection checks' network calls (browser tests: no traffic leaves the machine). */
  readonly probeNetwork?: Pick<ScanServiceDeps, 'quality' | 'throughput'>;
  /** Session reminders (the app only): where notifications go and what a click on one opens. */
  readonly reminders?: { readonly notifier: Notifier; readonly onOpen: (occurrence: Occurrence) => void };
  /** Starting at login (Electron's app, or an autostart file); absent: not offered (the CLI). */
  readonly loginItem?: LoginItem;
  /** Told the outcome of each log saved, so the tray can show the last check. */
  readonly onLogSaved?: (saved: { readonly outcome: Outcome; readonly savedAt: string }) => void;
}

export interface ServiceGraph {
  readonly settings: SettingsService;
  readonly programs: ProgramsService;
  readonly scan: ScanService;
  readonly vault: VaultService;
  /** Main's own record of each scan, from which `logs:save` takes the automatic results. */
  readonly scanRecords: ScanRecords;
  readonly schedule: ScheduleService;
  readonly review: ReviewService;
  readonly incidents: IncidentService;
  /** Per-client set-ups, kept in the vault. */
  readonly clients: ClientProfileService;
  /** PDF, CSV and JSON exports of the logs (the window's save dialog and `logs export`). */
  readonly exporter: LogExport;
  /** When the last log was saved and its outcome (kept outside the vault); the tray starts from it. */
  readonly lastCheck: { get(): LastCheckRecord | null };
  /** Running only when `reminders` was given; its nextSession() is for the tray menu. */
  readonly reminders: ReminderEngine | null;
  readonly handlers: HandlerTable;
  /** Stops timers and releases locks. */
  dispose(): Promise<void>;
}

const log = createLogger('composition');

/** For a host without a window: events have nowhere to go. */
const noEvents: EventSink = { emit: () => undefined };

/** The composition root for the app, the CLI and the test host: builds the services once and the one handler table over them. */
export function createServiceGraph(options: ServiceGraphOptions): ServiceGraph {
  const events = options.events ?? noEvents;
  // Before any store opens it: conf would create the folder readable by everyone (0755).
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const settings = createSettingsService(options.dataDir, options.storeFactory);
  const os = toOsName(options.platform);
  const ownPids = () => [process.pid, ...(options.ownPids?.() ?? [])];
  const programs: ProgramsService = os
    ? createProgramsService({
        os,
        dataDir: options.dataDir,
        exec: options.exec,
        getSettings: () => settings.get(),
        ownPid: process.pid,
        excludePids: ownPids,
        ...(options.env ? { env: { ...options.env } } : {}),
      })
    : createUnsupportedProgramsService(options.platform);
  const scan = createScanService({
    os: options.platform,
    exec: options.exec,
    listPrograms: (request) => programs.list(request),
    getSettings: () => settings.get(),
    ownPids,
    win32: { ownExeNames: [basename(process.execPath)] },
    ...(options.env ? { env: options.env } : {}),
    ...options.probeNetwork,
  });
  const vaultService = createVaultService({
    dataDir: options.dataDir,
    appVersion: options.appVersion,
    storeFactory: options.storeFactory,
    keychain: options.keychain,
    ...(options.idleLock === false ? {} : { timers: nodeIdleTimers }),
    getSettings: () => settings.get(),
    events,
    // A restore adds the backup's documents through their own domains' rules (ours win; erasures hold).
    documentMergers: {
      incidents: mergeIncidentLogs,
      'client-profiles': mergeClientProfiles,
      'practice-review': mergeReviewRecords,
    },
    ...options.vaultOverrides,
  });
  // Every saved log leaves its time and outcome (nothing else) outside the vault, for the locked home screen and tray.
  const lastCheck = createLastCheckRecord(options.dataDir, options.storeFactory);
  const vault: VaultService = {
    ...vaultService,
    save(log) {
      const saved = vaultService.save(log);
      const at = new Date().toISOString();
      try {
        lastCheck.set({ at, outcome: saved.outcome });
      } catch {
        // The log is saved; only the locked view's copy is behind.
      }
      options.onLogSaved?.({ outcome: saved.outcome, savedAt: at });
      return saved;
    },
    async restore(filePath, secret) {
      const result = await vaultService.restore(filePath, secret);
      // Restored incidents and review dates: their plain copies outside the vault (the locked home
      // screen, the tray) follow now, not only at the next read.
      if (result.status === 'restored' && result.documents) {
        try {
          incidents.refresh();
        } catch (error) {
          log.warn('the incident deadlines could not be brought up to date after a restore', {
            error: describeError(error),
          });
        }
        try {
          review.get();
        } catch (error) {
          log.warn('the review dates could not be brought up to date after a restore', { error: describeError(error) });
        }
      }
      return result;
    },
    eraseClient(client, expectedCount) {
      const result = vaultService.eraseClient(client, expectedCount);
      // An erasure request covers the schedule, the client's set-up and the incident log too: they go with the logs.
      // The logs are already erased either way: say what is left, rather than "nothing was changed".
      let out: EraseResult = result;
      try {
        schedule.removeClient(client);
      } catch (error) {
        log.warn('an erasure could not remove the client from the schedule', { error: describeError(error) });
        out = { ...out, scheduleNotCleared: true };
      }
      try {
        clients.removeClient(client);
      } catch (error) {
        log.warn('an erasure could not remove the client set-up', { error: describeError(error) });
        out = { ...out, profileNotCleared: true };
      }
      try {
        const { stillInText } = incidents.removeClient(client);
        if (stillInText.length > 0) out = { ...out, incidentsNamingClient: stillInText };
      } catch (error) {
        log.warn('an erasure could not remove the client from the incident log', { error: describeError(error) });
        out = { ...out, incidentsNotCleared: true };
      }
      try {
        // The client's own logs are gone, so any match is another client's log whose note names this code.
        const { ids } = vaultService.searchNotes(client);
        if (ids.length > 0) out = { ...out, logsNamingClient: ids };
      } catch (error) {
        log.warn('an erasure could not search the notes of the other logs', { error: describeError(error) });
        out = { ...out, notesNotSearched: true };
      }
      return out;
    },
  };
  const clients = createClientProfileService({ vault: vaultService });
  const incidents = createIncidentService({ dataDir: options.dataDir, storeFactory: options.storeFactory, vault });
  const schedule = createScheduleService({ dataDir: options.dataDir, storeFactory: options.storeFactory, vault });
  const review = createReviewService({
    dataDir: options.dataDir,
    storeFactory: options.storeFactory,
    vault,
    intervalMonths: () => settings.get().reviewIntervalMonths,
  });
  const home = createHomeService({ vault, schedule, review, incidents, lastCheck, displayZone: systemZone });
  const reminders = options.reminders
    ? createReminderEngine({
        clock: nodeReminderClock,
        notifier: options.reminders.notifier,
        entries: () => schedule.entries(),
        clientCode: (id) => schedule.clientCode(id),
        namesClientInNotifications: () => settings.get().reminderShowsClientCode,
        leadMinutes: () => settings.get().reminderLeadMinutes,
        displayZone: systemZone,
        onOpen: options.reminders.onOpen,
      })
    : null;
  if (reminders) {
    schedule.onChange(() => reminders.refresh());
    settings.onChange(() => reminders.refresh());
    reminders.start();
  }
  const exporter = createLogExport({
    vault,
    getSettings: () => settings.get(),
    appVersion: options.appVersion,
    os,
    incidents,
    clients,
    schedule,
  });
  const scanRecords = createScanRecords();
  const handlers: HandlerTable = withActivity(vault, {
    ...createAppHandlers({
      version: options.appVersion,
      platform: options.platform,
      testHost: options.testHost,
      settings,
      openExternal: options.openExternal,
      ...(options.keepOnTop ? { keepOnTop: options.keepOnTop } : {}),
    }),
    ...createScanHandlers(scan, events, scanRecords),
    ...createProgramsHandlers(programs),
    ...createVaultHandlers(vault, { dialogs: options.dialogs }),
    ...createLogSaveHandlers({ vault, records: scanRecords, getSettings: () => settings.get() }),
    ...createLogExportHandlers({
      vault,
      exporter,
      dialogs: options.exportDialogs,
    }),
    ...createScheduleHandlers({ schedule, review, home }),
    ...createIncidentHandlers({ incidents, openExternal: options.openExternal }),
    ...createClientsHandlers(clients),
    ...createSafetyHandlers({ prepSheets: createPrepSheetExport(), dialogs: options.exportDialogs }),
    ...createLoginItemHandlers(
      options.loginItem ?? unsupportedLoginItem('Starting at login can be set only in the ReadyRoom app.'),
    ),
  });
  return {
    settings,
    programs,
    scan,
    vault,
    scanRecords,
    schedule,
    review,
    incidents,
    clients,
    exporter,
    lastCheck,
    reminders,
    handlers,
    async dispose() {
      reminders?.stop();
      vault.close();
    },
  };
}

/** Requests that do not count as the therapist using ReadyRoom (a status poll must not keep the vault open). */
const passiveChannels: ReadonlySet<ChannelName> = new Set(['app:info', 'vault:status', 'settings:get']);

/** Every request the therapist makes postpones the idle lock. */
function withActivity(vault: VaultService, handlers: HandlerTable): HandlerTable {
  const wrapped: Record<string, (request: never) => unknown> = {};
  for (const channel of channelNames) {
    const handler = handlers[channel] as (request: never) => unknown;
    wrapped[channel] = passiveChannels.has(channel)
      ? handler
      : (request) => {
          vault.touch();
          return handler(request);
        };
  }
  return wrapped as unknown as HandlerTable;
}
