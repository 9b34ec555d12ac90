import type { IncidentReportSection } from '../../shared/incidents/incident-report';
import type { ReportModel, ReportTable } from '../../shared/logs/log-report';
import { weekShortLabel, type WeekBucket } from '../../shared/logs/log-trends';
import { outcomeLabels, outcomes, type Outcome } from '../../shared/logs/readiness-log';
import { pdfSafeText } from './pdf-text';

type Doc = PDFKit.PDFDocument;

const margin = 50;
const colours: Record<Outcome, string> = {
  ready: '#2e7d32',
  'ready-with-advice': '#b26a00',
  'not-ready': '#c62828',
};
const ink = '#1a1a1a';
const muted = '#555555';
const rule = '#bbbbbb';
/** The report's text colours, for other PDFs made in the same style. */
export const pdfColours = { ink, muted } as const;

const safe = (text: string) => pdfSafeText(text);

function bottom(doc: Doc): number {
  return doc.page.height - margin - 20; // room for the footer
}

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

/** A section heading, moved to a new page when too little room is left under it. Shared with other PDFs. */
export function heading(doc: Doc, text: string): void {
  ensureRoom(doc, 60);
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor(ink).text(safe(text), margin, doc.y);
  doc.moveDown(0.3).font('Helvetica').fontSize(10);
}

/** Wrapped body text in the report's font. Shared with other PDFs. */
export function paragraph(
  doc: Doc,
  text: string,
  colour = ink,
  font: 'Helvetica' | 'Helvetica-Bold' = 'Helvetica',
): void {
  const width = doc.page.width - 2 * margin;
  doc.font(font).fontSize(10);
  ensureRoom(doc, doc.heightOfString(safe(text), { width }));
  doc.fillColor(colour).text(safe(text), margin, doc.y, { width });
}

/** Stacked bars: one per week, outcomes in the legend's order from the bottom. */
function trendChart(doc: Doc, weeks: readonly WeekBucket[]): void {
  const width = doc.page.width - 2 * margin;
  const height = 140;
  ensureRoom(doc, height + 50);
  const top = doc.y + 6;
  const left = margin + 24;
  const plotWidth = width - 24;
  const max = Math.max(1, ...weeks.map((w) => w.count));
  const slot = plotWidth / Math.max(1, weeks.length);
  const barWidth = Math.max(0.5, slot * 0.75);
  doc.save();
  doc.lineWidth(0.5).strokeColor(rule);
  doc
    .moveTo(left, top)
    .lineTo(left, top + height)
    .lineTo(left + plotWidth, top + height)
    .stroke();
  doc.font('Helvetica').fontSize(7).fillColor(muted);
  doc.text(String(max), margin, top - 3, { width: 20, align: 'right' });
  doc.text('0', margin, top + height - 4, { width: 20, align: 'right' });
  weeks.forEach((week, i) => {
    let y = top + height;
    for (const outcome of outcomes) {
      const n = week.byOutcome[outcome];
      if (n === 0) continue;
      const h = (n / max) * height;
      y -= h;
      doc.rect(left + i * slot + (slot - barWidth) / 2, y, barWidth, h).fill(colours[outcome]);
    }
  });
  // A label under the first, middle and last weeks; more would collide on a long period.
  const labelled = weeks.length <= 8 ? weeks.map((_, i) => i) : [0, Math.floor(weeks.length / 2), weeks.length - 1];
  doc.fillColor(muted);
  for (const i of labelled) {
    const week = weeks[i];
    if (!week) continue;
    const x = Math.min(left + plotWidth - 50, Math.max(left - 20, left + i * slot + slot / 2 - 25));
    doc.text(safe(weekShortLabel(week.weekStart)), x, top + height + 4, { width: 50, align: 'center' });
  }
  let x = left;
  const legendY = top + height + 18;
  for (const outcome of outcomes) {
    doc.rect(x, legendY, 8, 8).fill(colours[outcome]);
    doc.fillColor(ink).text(safe(outcomeLabels[outcome]), x + 12, legendY, { lineBreak: false });
    x += 110;
  }
  doc.restore();
  doc.x = margin;
  doc.y = legendY + 16;
}

function tableRowHeight(doc: Doc, cells: readonly string[], widths: readonly number[]): number {
  return Math.max(...cells.map((cell, i) => doc.heightOfString(safe(cell), { width: (widths[i] ?? 0) - 6 }))) + 4;
}

function drawRow(doc: Doc, cells: readonly string[], widths: readonly number[], bold: boolean): void {
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
  const height = tableRowHeight(doc, cells, widths);
  const y = doc.y;
  let x = margin;
  cells.forEach((cell, i) => {
    const w = widths[i] ?? 0;
    doc.fillColor(ink).text(safe(cell), x + 3, y + 2, { width: w - 6 });
    x += w;
  });
  doc
    .moveTo(margin, y + height)
    .lineTo(x, y + height)
    .lineWidth(0.3)
    .strokeColor(rule)
    .stroke();
  doc.x = margin;
  doc.y = y + height;
}

/** The table, its header repeated at the top of each page it runs onto. */
function table(doc: Doc, spec: ReportTable): void {
  const total = doc.page.width - 2 * margin;
  const widths = spec.widths.map((w) => w * total);
  doc.font('Helvetica-Bold').fontSize(8);
  ensureRoom(doc, tableRowHeight(doc, spec.columns, widths) * 2);
  drawRow(doc, spec.columns, widths, true);
  for (const row of spec.rows) {
    doc.font('Helvetica').fontSize(8);
    if (doc.y + tableRowHeight(doc, row, widths) > bottom(doc)) {
      doc.addPage();
      drawRow(doc, spec.columns, widths, true);
    }
    drawRow(doc, row, widths, false);
  }
}

/** "Page 2 of 5" and the report's title on every page. Shared with other PDFs. */
export function footers(doc: Doc, title: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Below the bottom margin, where pdfkit would otherwise start a new page for the text.
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - margin;
    doc.font('Helvetica').fontSize(7).fillColor(muted);
    doc.text(safe(title), margin, y, { width: 300, lineBreak: false, height: 10 });
    doc.text(`Page ${i + 1} of ${range.count}`, doc.page.width - margin - 100, y, {
      width: 100,
      align: 'right',
      lineBreak: false,
      height: 10,
    });
    doc.page.margins.bottom = keep;
  }
}

/**
 * An A4 document in the report's layout, collected into a Buffer once `doc.end()` is called.
 * pdfkit is loaded only when a PDF is made, so other commands do not pay for it.
 */
export async function openPdf(title: string): Promise<{ readonly doc: Doc; readonly done: Promise<Buffer> }> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margin,
    bufferPages: true,
    info: { Title: safe(title), Creator: 'ReadyRoom', Producer: 'ReadyRoom' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

/**
 * The report as a PDF, made directly (no print dialog) with pdfkit, in the app and the CLI alike.
 * pdfkit is loaded only when a report is made, so other commands do not pay for it.
 */
export async function renderReportPdf(model: ReportModel, incidents?: IncidentReportSection): Promise<Buffer> {
  const { doc, done } = await openPdf(model.practiceName ? `${model.title}: ${model.practiceName}` : model.title);

  doc.font('Helvetica-Bold').fontSize(18).fillColor(ink).text(safe(model.title));
  if (model.practiceName) doc.font('Helvetica').fontSize(13).text(safe(model.practiceName));
  doc.moveDown(0.5);
  paragraph(doc, `Period: ${model.period}`);
  paragraph(doc, `Clients: ${model.scope}`);
  paragraph(doc, `Produced: ${model.generated}`, muted);

  heading(doc, 'Summary');
  for (const line of model.summary) paragraph(doc, line);

  if (model.weeks.length > 0) {
    heading(doc, 'Outcomes per week');
    trendChart(doc, model.weeks);
  }

  heading(doc, 'What keeps coming up');
  if (model.problems.length === 0) paragraph(doc, 'No problem came up more than once in this period.');
  for (const p of model.problems) {
    paragraph(doc, `${p.title}: ${p.howOften}.`, ink, 'Helvetica-Bold');
    if (p.advice) paragraph(doc, `What to do: ${p.advice}${p.source ? ` (${p.source})` : ''}`, muted);
    doc.moveDown(0.3);
  }
  if (model.couldNotCheck.length > 0) {
    heading(doc, 'ReadyRoom could not check these here');
    paragraph(doc, 'Not problems you had, but checks ReadyRoom cannot make on this computer.', muted);
    for (const line of model.couldNotCheck) paragraph(doc, `${line}.`);
  }

  heading(doc, model.table.caption);
  table(doc, model.table);

  doc.moveDown(1);
  for (const note of model.notes) paragraph(doc, note, muted);

  // After the logs' own notes, which are about the logs alone.
  if (incidents) {
    heading(doc, incidents.caption);
    if (incidents.empty) paragraph(doc, incidents.empty);
    else table(doc, incidents.table);
  }

  footers(doc, model.practiceName ? `${model.title}, ${model.practiceName}` : model.title);
  doc.end();
  return done;
}
