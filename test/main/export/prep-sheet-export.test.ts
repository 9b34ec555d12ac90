import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { createPrepSheetExport, renderPrepSheetPdf } from '../../../main/export/prep-sheet-export';
import { clientPrepSheet } from '../../../shared/safety/client-prep';

const dir = mkdtempSync(join(tmpdir(), 'readyroom-prep-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pdfText(path: string): string {
  // pdftotext wraps lines; join them so phrases can be searched whole.
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('the client preparation sheet as a PDF', () => {
  it('holds every section, the platform’s risks and the sources', async () => {
    const exporter = createPrepSheetExport();
    const path = join(dir, exporter.suggestedName({ platform: 'whatsapp', format: 'pdf' }));
    await exporter.write({ platform: 'whatsapp', format: 'pdf' }, path);
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(path);
    expect(text).toContain('Getting ready for your online session (WhatsApp)');
    for (const heading of ['A private space', 'Headphones', 'A charged device', 'If the call drops'])
      expect(text).toContain(heading);
    expect(text).toContain('What to know about WhatsApp');
    expect(text).toContain('Tap the red button to hang up.');
    expect(text).toContain('ACTO guidance, 2020');
    expect(text).toMatch(/Page 1 of \d/);
    // Typographic apostrophes survive the standard font (Windows-1252 has them).
    expect(text).not.toContain('<U+');
  });

  it('is saved readable by its owner only, with no temp file left behind', async () => {
    const exporter = createPrepSheetExport();
    const path = join(dir, 'owner-only.pdf');
    await exporter.write({ platform: 'zoom', format: 'pdf' }, path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('renders every platform without falling back to unprintable characters', async () => {
    for (const platform of ['zoom', 'doxy-me', 'signal', 'other'] as const) {
      const path = join(dir, `${platform}.pdf`);
      writeFileSync(path, await renderPrepSheetPdf(clientPrepSheet(platform)));
      expect(pdfText(path)).toContain(clientPrepSheet(platform).platformName);
    }
  });
});

describe('the client preparation sheet as text', () => {
  it('writes the plain-text sheet, 0600, with a .txt name', async () => {
    const exporter = createPrepSheetExport();
    const name = exporter.suggestedName({ platform: 'teams', format: 'text' });
    expect(name).toBe('Getting ready for your session (Microsoft Teams).txt');
    const path = join(dir, name);
    await exporter.write({ platform: 'teams', format: 'text' }, path);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('Getting ready for your online session (Microsoft Teams)');
    expect(text).toContain('red Leave or End button');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('says plainly when the folder is gone, and leaves nothing', async () => {
    const exporter = createPrepSheetExport();
    await expect(exporter.write({ platform: 'zoom', format: 'text' }, join(dir, 'missing', 'x.txt'))).rejects.toThrow(
      /no longer exists/,
    );
  });
});
