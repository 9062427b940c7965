// The repair certificate (信用修复证明) the subject downloads with its receipt code: a printable
// zh-CN page naming the subject, the list it left, the date and the certificate number, which anyone
// can verify on the platform.
import type { AppContext } from '../../context.js';
import { errors } from '../../errors.js';
import * as store from './store.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export async function certificateData(ctx: AppContext, receiptCode: string) {
  const r = await store.findByReceipt(ctx.db, receiptCode.trim().toUpperCase());
  if (!r || r.status !== 'approved' || !r.certificate_no) throw errors.notFound('该回执码对应的修复证明');
  const row = await ctx.db.selectFrom('list_entry as e').innerJoin('list_type as lt', 'lt.id', 'e.list_type_id').innerJoin('subject as s', 's.id', 'e.subject_id')
    .innerJoin('department as d', 'd.id', 'e.department_id')
    .select(['s.name', 's.uscc', 's.id_masked', 'lt.name as list_name', 'e.decision_no', 'd.name as department']).where('e.id', '=', r.target_id).executeTakeFirstOrThrow();
  return { certificateNo: r.certificate_no, decidedOn: (r.decided_at as Date).toISOString().slice(0, 10), ...row };
}

export async function certificateHtml(ctx: AppContext, receiptCode: string): Promise<string> {
  const c = await certificateData(ctx, receiptCode);
  const code = c.uscc ? `统一社会信用代码：${c.uscc}` : `身份证号码：${c.id_masked}`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>信用修复证明 ${escapeHtml(c.certificateNo)}</title>
<style>body{font-family:"WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;max-width:720px;margin:40px auto;line-height:2;color:#222}
h1{text-align:center;letter-spacing:.3em;color:#a61b1b}.no{text-align:right;color:#555}.seal{text-align:right;margin-top:3em}</style></head>
<body><h1>信用修复证明</h1><p class="no">证明编号：${escapeHtml(c.certificateNo)}</p>
<p>${escapeHtml(c.name)}（${escapeHtml(code)}）因「${escapeHtml(c.list_name)}」（认定文书 ${escapeHtml(c.decision_no)}）被列入失信名单。经申请和审核，
该主体已完成信用修复，自 ${escapeHtml(c.decidedOn)} 起移出该名单，停止公示和共享，相关联合惩戒措施不再执行。</p>
<p>认定部门：${escapeHtml(c.department)}</p><p>本证明可在平台凭证明编号核验真伪。</p>
<p class="seal">${escapeHtml(ctx.config.siteName)}<br>${escapeHtml(c.decidedOn)}</p></body></html>`;
}
