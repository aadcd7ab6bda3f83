import PDFDocument from 'pdfkit';
import type { EvidenceSummary } from './evidence-summary.js';
import { type SummaryTable, summarySections } from './summary-sections.js';

/** Characters the PDF's standard fonts (WinAnsi) lack, written the nearest way they have. */
const plain: Record<string, string> = {
  '\u2013': '-',
  '\u2014': '-',
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2192': '->',
  '\u2265': '>=',
  '\u2264': '<=',
};

/** Text the standard fonts can show: Latin-1 as it is, a few symbols spelt out, anything else as '?'. */
export function pdfSafeText(s: string): string {
  let out = '';
  for (const c of s) {
    const code = c.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) out += c;
    else out += plain[c] ?? (c === '\n' || c === '\t' ? ' ' : '?');
  }
  return out;
}

export interface PdfRenderOptions {
  /** Deflate the page streams (default true). Tests turn it off to read the text back. */
  compress?: boolean;
}

/** Column widths in proportion to each column's widest cell (capped), filling the page's width. */
function columnWidths(doc: PDFKit.PDFDocument, rows: string[][]): number[] {
  const available = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const want = rows[0]!.map((_, i) =>
    Math.min(Math.max(...rows.map((r) => doc.widthOfString(r[i] ?? ''))) + 8, available * 0.45),
  );
  const total = want.reduce((a, b) => a + b, 0);
  return want.map((w) => (w * available) / total);
}

function drawTable(doc: PDFKit.PDFDocument, t: SummaryTable): void {
  const header = t.header.map(pdfSafeText);
  const rows = t.rows.map((r) => r.map(pdfSafeText));
  doc.fontSize(7.5).font('Helvetica-Bold');
  const headerWidths = columnWidths(doc, [header]);
  doc.font('Helvetica');
  const bodyWidths = columnWidths(doc, rows.length ? rows : [header]);
  const widths = bodyWidths.map((w, i) => Math.max(w, headerWidths[i]!));
  const scale = bodyWidths.reduce((a, b) => a + b, 0) / widths.reduce((a, b) => a + b, 0);
  doc.table({
    columnStyles: (i: number) => ({
      width: widths[i]! * scale,
      align: { x: t.numeric.includes(i) ? 'right' : 'left', y: 'top' },
    }),
    data: [header.map((h) => ({ text: h, font: { src: 'Helvetica-Bold' }, type: 'TH' as const })), ...rows],
  });
  doc.font('Helvetica').moveDown(0.5);
}

/**
 * `summary.pdf`: the board summary as an A4 document made with PDFKit and its built-in fonts (nothing fetched): the
 * same sections and figures as `summary.html`, each naming its source file, then a sign-off block with name, role,
 * signature and date lines. Deterministic: the document's creation date is the run's start.
 */
export function renderSummaryPdf(summary: EvidenceSummary, options: PdfRenderOptions = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 42,
    compress: options.compress ?? true,
    info: {
      Title: pdfSafeText(`Migration evidence summary: ${summary.run.pack}, run ${summary.run.runId}`),
      Subject: `Verdict ${summary.verdict.outcome}`,
      Creator: 'Ferry',
      CreationDate: new Date(summary.run.startedAt),
    },
  });
  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Uint8Array) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc
    .font('Helvetica-Bold')
    .fontSize(15)
    .text(pdfSafeText(`Migration evidence summary: ${summary.run.pack}`));
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(pdfSafeText(`Run ${summary.run.runId}`));
  doc
    .moveDown(0.3)
    .text(
      "Every figure below is taken from the file named beside its section; manifest.json gives each file's sha256. " +
        'This document and summary.html are rendered from evidence_summary.json. Keys, counts and hashes only, no patient values.',
    );
  for (const section of summarySections(summary)) {
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(11.5).text(pdfSafeText(section.title));
    doc.font('Helvetica-Oblique').fontSize(8).fillColor('#444444');
    doc.text(pdfSafeText(`From: ${section.from.length ? section.from.join(', ') : '(nothing recorded)'}`));
    doc.fillColor('black').font('Helvetica').fontSize(9);
    for (const line of section.lines) doc.moveDown(0.2).text(pdfSafeText(line));
    for (const t of section.tables) {
      doc.moveDown(0.3);
      drawTable(doc, t);
    }
  }
  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(11.5).text('Sign-off');
  doc.font('Helvetica').fontSize(9).moveDown(0.3);
  doc.text('Decision (circle one):   GO   /   NO-GO   /   ROLLBACK');
  doc.moveDown(0.3).text('By signing, each person confirms they have read this summary and the files it names.');
  doc.moveDown(0.8);
  for (const role of summary.signOff.roles) {
    doc.font('Helvetica-Bold').text(pdfSafeText(role));
    doc.font('Helvetica');
    for (const label of ['Name', 'Signature', 'Date']) {
      doc.moveDown(0.9);
      const y = doc.y + 9;
      doc.text(`${label}:`, { continued: false });
      doc
        .moveTo(doc.page.margins.left + 60, y)
        .lineTo(doc.page.margins.left + 330, y)
        .stroke();
    }
    doc.moveDown(1.2);
  }
  doc.end();
  return done;
}
