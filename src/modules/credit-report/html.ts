// The credit report as a printable zh-CN page (A4), searchable and accessible, needing no font on the
// server; pdf.ts draws the same sections (sections.ts) as a PDF.
import type { CreditReport } from './report.js';
import type { Table } from '../documents/pdf.js';
import { basicInfo, commitments, entries, issued, notes, record, SECTION_HEADINGS as H } from './sections.js';

const esc = (v: unknown) => String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
function table(t: Table): string {
  if (!t.rows.length) return `<p class="none">${esc(t.empty)}</p>`;
  return `<table><thead><tr>${t.headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${
    t.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

function records(list: CreditReport['records']): string {
  if (!list.length) return '<p class="none">无</p>';
  return list.map(record).map((r) => `<section class="record"><h3>${esc(r.heading)}</h3>${table(r.fields)}<p class="until">${esc(r.until)}</p></section>`).join('');
}

export function creditReportHtml(r: CreditReport): string {
  const s = r.subject;
  const n = notes(r);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>信用报告 ${esc(s.name)} ${esc(r.no)}</title>
<style>
body{font-family:"WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",sans-serif;max-width:900px;margin:32px auto;padding:0 16px;color:#222;line-height:1.7}
h1{text-align:center;letter-spacing:.2em;color:#a61b1b;margin-bottom:4px}h2{border-left:4px solid #a61b1b;padding-left:8px;margin-top:28px}
h3{font-size:15px;margin:16px 0 4px}.meta{text-align:center;color:#555}table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border:1px solid #bbb;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f4f4f4;white-space:nowrap}
.none{color:#666}.until{color:#555;font-size:13px;margin:2px 0}.note{font-size:13px;color:#444;border-top:1px solid #ccc;margin-top:32px;padding-top:8px}
@media print{body{margin:0}a{color:inherit;text-decoration:none}}
</style></head><body>
<h1>信用报告</h1>
<p class="meta">报告编号：<strong data-testid="report-no">${esc(r.no)}</strong>　${esc(issued(r))}</p>
<h2>${H[0]}</h2>
${table(basicInfo(r))}
<h2>${H[1]}</h2>
${table(entries(r.red))}
<h2>${H[2]}</h2>
${table(entries(r.black))}
<h2>${H[3]}</h2>
${records(r.records)}
<h2>${H[4]}</h2>
${table(commitments(r))}
<div class="note">
<p>${esc(n.scope)}</p>
<p>${esc(n.objections)}</p>
<p>${esc(n.verify[0])}<code>${esc(r.digest)}</code>${esc(n.verify[1])}</p>
</div>
</body></html>`;
}
