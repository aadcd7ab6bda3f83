import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { evidenceSummaryInput, fixturePatientKey } from '../testing/evidence-summary-fixture.js';
import { buildEvidenceSummary, signOffRoles } from './evidence-summary.js';
import { renderSummaryHtml } from './summary-html.js';
import { pdfSafeText, renderSummaryPdf } from './summary-pdf.js';

const summary = buildEvidenceSummary(evidenceSummaryInput());

/** The text of an uncompressed PDFKit document: its `[<hex> kerning <hex>] TJ` runs, one per line. */
function pdfText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString('latin1');
  return [...raw.matchAll(/\[([^\]]*)\] TJ/g)]
    .map((m) => [...m[1]!.matchAll(/<([0-9a-f]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''))
    .join('\n');
}

describe('renderSummaryHtml', () => {
  const html = renderSummaryHtml(summary);

  it('shows the verdict, each section with its source file, and the figures', () => {
    expect(html).toContain('<h2 class="FAIL">Verdict: FAIL</h2>');
    expect(html).toContain('<p class="from">From: migration_report.json</p>');
    expect(html).toContain('<p class="from">From: migration_report.json, rejects.csv</p>');
    expect(html).toContain('<p class="from">From: quality_report.json, issues.csv</p>');
    expect(html).toContain('<p class="from">From: inputs.json, crosswalks.csv, mapping_contract.csv</p>');
    expect(html).toContain(
      '<tr><td>PATIENT</td><td>LOAD_PMI</td><td class="num">5</td><td class="num">3</td><td class="num">1</td><td class="num">1</td><td>yes</td></tr>',
    );
    expect(html).toContain(`<td>PATIENT.csv</td><td class="num">1,234</td><td>${'a'.repeat(64)}</td>`);
    expect(html).toContain('rejects.csv has 2 lines for 1 rejected rows because it has one line per problem');
  });

  it('escapes text, holds no patient key, and ends with a sign-off block for every role', () => {
    expect(html).toContain('fail &lt;above&gt; the limit');
    expect(html).not.toContain('<above>');
    expect(html).not.toContain(fixturePatientKey);
    expect(html).not.toMatch(/<script|https?:\/\//);
    for (const role of signOffRoles) expect(html).toContain(`<tr><td></td><td>${role}</td><td></td><td></td></tr>`);
    expect(html).toContain('<th>Name</th><th>Role</th><th>Signature</th><th>Date</th>');
  });
});

describe('renderSummaryPdf', () => {
  it('renders the same sections and figures, and a sign-off page', async () => {
    const pdf = await renderSummaryPdf(summary, { compress: false });
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const want of [
      'Verdict: FAIL',
      'From: migration_report.json, rejects.csv',
      'From: release_gate_report.json',
      'Conservation holds: 7 rows read = 3 loaded + 1 rejected + 3 out of scope.',
      'LOAD_PMI',
      'Sign-off',
      ...signOffRoles,
    ])
      expect({ want, found: text.includes(want) }).toEqual({ want, found: true });
    expect(text).not.toContain(fixturePatientKey);
  });

  it('is byte-identical for the same summary (its creation date is the run start), and compressed by default', async () => {
    const a = await renderSummaryPdf(summary);
    const b = await renderSummaryPdf(summary);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const raw = Buffer.from(a).toString('latin1');
    expect(raw).toContain('/FlateDecode');
    expect(raw).toContain('D:20261122090000Z');
    // A compressed page stream still inflates to the same text.
    const stream = raw.indexOf('stream\n');
    expect(() =>
      inflateSync(Buffer.from(raw.slice(stream + 7, raw.indexOf('\nendstream', stream)), 'latin1')),
    ).not.toThrow();
  });

  it('writes characters the standard fonts lack the nearest way they have', () => {
    expect(pdfSafeText('a → b ≥ c – “d” é 日')).toBe('a -> b >= c - "d" é ?');
  });
});
