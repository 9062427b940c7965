// The credit report as a printable zh-CN page (A4; the browser's 打印/另存为 PDF makes the file): no
// server-side font or PDF engine to install, and the text stays searchable and accessible.
import { beijingTime, type CreditReport } from './report.js';

const esc = (v: unknown) => String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const KIND: Record<string, string> = { organization: '法人和非法人组织', individual_business: '个体工商户' };

function table(headers: string[], rows: unknown[][], empty: string): string {
  if (!rows.length) return `<p class="none">${esc(empty)}</p>`;
  return `<table><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${
    rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

function entries(list: CreditReport['black']): string {
  return table(['名单', '认定部门', '认定文书号', '认定日期', '有效期', '列入事由', '依据'],
    list.map((e) => [e.listTypeName, e.department, e.decisionNo, e.decidedOn, `${e.startsOn} 至 ${e.endsOn ?? '移出之日'}`, e.reason, e.legalBasis]), '无');
}

function records(list: CreditReport['records']): string {
  if (!list.length) return '<p class="none">无</p>';
  return list.map((r) => `<section class="record"><h3>${esc(r.infoTypeName)} · ${esc(r.department)} · ${esc(r.decidedOn)}${r.mark ? `（${esc(r.mark)}）` : ''}</h3>${
    table(['项目', '内容'], r.fields.map((f) => [f.label, f.value]), '')}<p class="until">公示截止：${esc(r.publishUntil ?? '—')}</p></section>`).join('');
}

export function creditReportHtml(r: CreditReport): string {
  const s = r.subject;
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
<p class="meta">报告编号：<strong data-testid="report-no">${esc(r.no)}</strong>　数据截至：${esc(r.asOf)}　出具：${esc(r.issuer.siteName)}</p>
<h2>一、基本信息</h2>
${table(['项目', '内容'], [['名称', s.name], ['统一社会信用代码', s.uscc], ['主体类别', KIND[s.kind] ?? s.kind], ['登记地', s.regionName ?? s.regionCode ?? '—'], ...(s.formerNames.length ? [['曾用名', s.formerNames.join('、')]] : [])], '')}
<h2>二、守信激励（红名单）</h2>
${entries(r.red)}
<h2>三、失信惩戒（黑名单）</h2>
${entries(r.black)}
<h2>四、行政许可、行政处罚等公示信息</h2>
${records(r.records)}
<h2>五、信用承诺及履行情况</h2>
${table(['承诺编号', '类型', '事项', '承诺内容', '承诺日期', '接收部门', '履行情况'], r.commitments.map((c) => [c.code, c.type, c.matter, c.content, c.madeOn, c.department, c.fulfilmentOn ? `${c.fulfilmentLabel}（${c.fulfilmentOn}）` : c.fulfilmentLabel]), '无')}
<div class="note">
<p>本报告内容为本平台依法公开的信用信息，来源于各认定、报送部门；不含依法不予公开的信息和个人隐私。${r.truncated ? '条目较多，本报告仅列出前 500 条，完整信息请在平台查询。' : ''}</p>
<p>对报告内容有异议的，可在平台「异议申诉」提交，或联系：${esc(r.issuer.contact)}。</p>
<p>核验：在平台输入报告编号可查验本报告的出具时间、主体和内容摘要（SM3：<code>${esc(r.digest)}</code>）。出具单位：${esc(r.issuer.operator)}　出具时间：${esc(beijingTime(r.issuedAt))}</p>
</div>
</body></html>`;
}
