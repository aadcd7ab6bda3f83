import type { EvidenceSummary } from './evidence-summary.js';
import { type SummaryTable, summarySections } from './summary-sections.js';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => escapes[c]!);

function table(t: SummaryTable): string {
  const cell = (tag: 'td' | 'th', v: string, i: number) =>
    `<${tag}${t.numeric.includes(i) ? ' class="num"' : ''}>${esc(v)}</${tag}>`;
  return [
    '<table>',
    `<thead><tr>${t.header.map((h, i) => cell('th', h, i)).join('')}</tr></thead>`,
    '<tbody>',
    ...t.rows.map((r) => `<tr>${r.map((v, i) => cell('td', v, i)).join('')}</tr>`),
    '</tbody></table>',
  ].join('\n');
}

const style = `body{font-family:system-ui,sans-serif;font-size:14px;margin:2em;color:#111;max-width:70em}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #999}
.from{color:#555;font-size:.85em;margin:.2em 0 .6em}.PASS{color:#0a6b2b}.FAIL{color:#a40000}
table{border-collapse:collapse;margin:.5em 0;font-size:.9em}th,td{border:1px solid #bbb;padding:2px 6px;text-align:left}
td.num,th.num{text-align:right}.sign td{height:2.2em;min-width:12em}
@media print{body{margin:0}h2{break-after:avoid}table{break-inside:auto}}`;

/**
 * `summary.html`: the board summary as one self-contained page (no script, no external resource), printable, with the
 * verdict, each section's figures and the file they come from, and a sign-off block to fill in.
 */
export function renderSummaryHtml(summary: EvidenceSummary): string {
  const outcome = summary.verdict.outcome;
  const body = summarySections(summary).map((section, i) =>
    [
      `<section>`,
      i === 0 ? `<h2 class="${outcome}">${esc(section.title)}</h2>` : `<h2>${esc(section.title)}</h2>`,
      `<p class="from">From: ${section.from.length ? section.from.map(esc).join(', ') : '(nothing recorded)'}</p>`,
      ...section.lines.map((l) => `<p>${esc(l)}</p>`),
      ...section.tables.map(table),
      `</section>`,
    ].join('\n'),
  );
  const signRows = summary.signOff.roles
    .map((role) => `<tr><td></td><td>${esc(role)}</td><td></td><td></td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>Evidence summary: ${esc(summary.run.pack)} run ${esc(summary.run.runId)}</title>
<style>${style}</style></head>
<body>
<h1>Migration evidence summary: ${esc(summary.run.pack)}, run ${esc(summary.run.runId)}</h1>
<p>Every figure below is taken from the file named beside its section; manifest.json gives each file's sha256.
This page and summary.pdf are rendered from evidence_summary.json. It holds keys, counts and hashes only, no patient values.</p>
${body.join('\n')}
<section>
<h2>Sign-off</h2>
<p>Decision (circle one): GO / NO-GO / ROLLBACK. By signing, each person confirms they have read this summary and the files it names.</p>
<table class="sign"><thead><tr><th>Name</th><th>Role</th><th>Signature</th><th>Date</th></tr></thead>
<tbody>
${signRows}
</tbody></table>
</section>
</body>
</html>
`;
}
