import { clientPrepSheet, clientPrepText, type PrepSheet } from '../../shared/safety/client-prep';
import type { PrepSheetFormat, PrepSheetRequest } from '../../shared/ipc/safety.contract';
import type { SessionPlatformId } from '../../shared/session/platforms';
import { createLogger } from '../logging/logger';
import { nodeVaultFs, type VaultFs } from '../vault/vault-fs';
import { writeError } from './log-export';
import { footers, heading, openPdf, paragraph, pdfColours } from './pdf-report';
import { pdfSafeText } from './pdf-text';

const log = createLogger('export');

export const prepSheetExtensions: Record<PrepSheetFormat, string> = { pdf: 'pdf', text: 'txt' };

/** The preparation sheet as a PDF in the report's layout (same fonts, headings and footers). */
export async function renderPrepSheetPdf(sheet: PrepSheet): Promise<Buffer> {
  const { doc, done } = await openPdf(sheet.title);
  doc.font('Helvetica-Bold').fontSize(18).fillColor(pdfColours.ink).text(pdfSafeText(sheet.title));
  doc.moveDown(0.5);
  paragraph(doc, sheet.intro);
  for (const section of sheet.sections) {
    heading(doc, section.heading);
    for (const point of section.points) {
      paragraph(doc, `•  ${point}`);
      doc.moveDown(0.2);
    }
  }
  heading(doc, 'Based on');
  for (const source of sheet.sources) paragraph(doc, source, pdfColours.muted);
  doc.moveDown(1);
  paragraph(doc, 'Made with ReadyRoom. It holds no details about you.', pdfColours.muted);
  footers(doc, `Getting ready for your online session: ${sheet.platformName}`);
  doc.end();
  return done;
}

export interface PrepSheetExport {
  /** "Getting ready for your session (Zoom).pdf" */
  suggestedName(request: PrepSheetRequest): string;
  /** Writes the sheet to `path` through a 0600 temp file renamed into place, so a failure leaves nothing half-written. */
  write(request: PrepSheetRequest, path: string): Promise<{ readonly bytes: number }>;
}

/** The sheet's bytes in the chosen format. */
async function prepSheetBytes(platform: SessionPlatformId, format: PrepSheetFormat): Promise<Buffer> {
  const sheet = clientPrepSheet(platform);
  return format === 'pdf' ? renderPrepSheetPdf(sheet) : Buffer.from(clientPrepText(sheet), 'utf8');
}

/** The preparation sheet export, for the window's `safety:prep-sheet` and the CLI's `prep-sheet`. */
export function createPrepSheetExport(
  deps: { readonly fs?: Pick<VaultFs, 'writeAtomicStream'> } = {},
): PrepSheetExport {
  const fs = deps.fs ?? nodeVaultFs;
  return {
    suggestedName(request) {
      const name = clientPrepSheet(request.platform).platformName.replace(/[/\\:*?"<>|]/g, '-');
      return `Getting ready for your session (${name}).${prepSheetExtensions[request.format]}`;
    },
    async write(request, path) {
      const data = await prepSheetBytes(request.platform, request.format);
      try {
        fs.writeAtomicStream(path, (write) => write(data));
      } catch (error) {
        log.warn('a preparation sheet could not be written', {
          format: request.format,
          code: (error as { code?: string }).code,
        });
        throw writeError(error);
      }
      log.info('preparation sheet written', { format: request.format, platform: request.platform });
      return { bytes: data.length };
    },
  };
}
