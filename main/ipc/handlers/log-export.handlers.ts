import { AppError } from '../../../shared/errors';
import type { ExportFormat, ExportOutcome } from '../../../shared/ipc/vault.contract';
import type { LogExport } from '../../export/log-export';
import type { VaultService } from '../../vault/vault-service';
import type { HandlersFor } from '../handler-types';

/** The system's save dialog for exports, so the renderer never names a path. The app passes Electron's dialog. */
export interface ExportDialogPort {
  /** Where to save; null when the user cancels. "text" is the client preparation sheet's plain-text file. */
  chooseExportDestination(suggestedName: string, format: ExportFormat | 'text'): Promise<string | null>;
}

export interface LogExportHandlerDeps {
  readonly vault: Pick<VaultService, 'status'>;
  readonly exporter: LogExport;
  /** Absent where there is no window and no stand-in: exports answer UNAVAILABLE. */
  readonly dialogs?: ExportDialogPort;
}

/** `logs:export`: the window has already told the user the file leaves the vault unencrypted. */
export function createLogExportHandlers(deps: LogExportHandlerDeps): HandlersFor<'logs:export'> {
  return {
    'logs:export': async (request): Promise<ExportOutcome> => {
      if (!deps.dialogs)
        throw new AppError('UNAVAILABLE', 'Exports need the ReadyRoom app; they are not available here.');
      if (deps.vault.status().state !== 'unlocked')
        throw new AppError('LOCKED', 'Your logs are locked. Unlock them with your passphrase first.');
      const path = await deps.dialogs.chooseExportDestination(deps.exporter.suggestedName(request), request.format);
      if (!path) return { saved: false, format: request.format, count: 0, unreadablePeriods: [] };
      const written = await deps.exporter.write(request, path);
      return {
        saved: true,
        format: request.format,
        count: written.count,
        unreadablePeriods: written.unreadablePeriods,
      };
    },
  };
}
