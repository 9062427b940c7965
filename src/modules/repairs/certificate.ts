// The repair certificate (信用修复证明) the subject downloads with its receipt code: a PDF, or a printable
// zh-CN page, naming the subject, the list it left (or the record whose publication ended), the date
// and the certificate number, which anyone can verify on the platform.
import type { AppContext } from '../../context.js';
import { errors } from '../../errors.js';
import { paragraph, pdfFontOf, renderPdf, title } from '../documents/pdf.js';
import * as store from './store.js';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export async function certificateData(ctx: AppContext, receiptCode: string) {
  const r = await store.findByReceipt(ctx.db, receiptCode.trim().toUpperCase());
  if (!r || r.status !== 'approved' || !r.certificate_no) throw errors.notFound('该回执码对应的修复证明');
  const decidedOn = (r.decided_at as Date).toISOString().slice(0, 10);
  if (r.target_type === 'record') return { certificateNo: r.certificate_no, decidedOn, record: true, ...await recordFacts(ctx, r.target_id) };
  const row = await ctx.db.selectFrom('list_entry as e').innerJoin('list_type as lt', 'lt.id', 'e.list_type_id').innerJoin('subject as s', 's.id', 'e.subject_id')
    .innerJoin('department as d', 'd.id', 'e.department_id')
    .select(['s.name', 's.uscc', 's.id_masked', 'lt.name as list_name', 'e.decision_no', 'd.name as department']).where('e.id', '=', r.target_id).executeTakeFirstOrThrow();
  return { certificateNo: r.certificate_no, decidedOn, record: false, ...row };
}

/** The repaired record's current version: subject, info type name (as list_name), decision number, provider. */
async function recordFacts(ctx: AppContext, recordId: string) {
  const row = await ctx.db.selectFrom('credit_record as c').innerJoin('subject as s', 's.id', 'c.subject_id').innerJoin('department as d', 'd.id', 'c.department_id')
    .innerJoin('info_type as t', 't.code', 'c.info_type')
    .select(['s.name', 's.uscc', 's.id_masked', 't.name as list_name', 'c.fields', 'd.name as department'])
    .where('c.record_id', '=', recordId).where('c.is_current', '=', true).executeTakeFirstOrThrow();
  const fields = row.fields as Record<string, unknown>;
  return { name: row.name, uscc: row.uscc, id_masked: row.id_masked, list_name: row.list_name, department: row.department, decision_no: String(fields.decision_no ?? fields.case_no ?? '—') };
}

type Certificate = Awaited<ReturnType<typeof certificateData>>;

/** What the certificate says, the same words on the page and in the PDF. */
function statement(c: Certificate): { body: string; source: string } {
  const code = c.uscc ? `统一社会信用代码：${c.uscc}` : `身份证号码：${c.id_masked}`;
  return c.record
    ? { body: `${c.name}（${code}）的「${c.list_name}」信息（决定文书 ${c.decision_no}）依规公示。经申请和审核，该主体已完成信用修复，该信息自 ${c.decidedOn} 起终止公示，停止共享。`, source: `数源单位：${c.department}` }
    : { body: `${c.name}（${code}）因「${c.list_name}」（认定文书 ${c.decision_no}）被列入失信名单。经申请和审核，该主体已完成信用修复，自 ${c.decidedOn} 起移出该名单，停止公示和共享，相关联合惩戒措施不再执行。`, source: `认定部门：${c.department}` };
}

export async function certificateHtml(ctx: AppContext, receiptCode: string): Promise<string> {
  const c = await certificateData(ctx, receiptCode);
  const { body, source } = statement(c);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>信用修复证明 ${escapeHtml(c.certificateNo)}</title>
<style>body{font-family:"WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;max-width:720px;margin:40px auto;line-height:2;color:#222}
h1{text-align:center;letter-spacing:.3em;color:#a61b1b}.no{text-align:right;color:#555}.seal{text-align:right;margin-top:3em}</style></head>
<body><h1>信用修复证明</h1><p class="no">证明编号：${escapeHtml(c.certificateNo)}</p>
<p>${escapeHtml(body)}</p>
<p>${escapeHtml(source)}</p><p>本证明可在平台凭证明编号核验真伪。</p>
<p class="seal">${escapeHtml(ctx.config.siteName)}<br>${escapeHtml(c.decidedOn)}</p></body></html>`;
}

export async function certificatePdf(ctx: AppContext, receiptCode: string): Promise<{ no: string; pdf: Buffer }> {
  pdfFontOf(ctx.config);
  const c = await certificateData(ctx, receiptCode);
  const { body, source } = statement(c);
  const pdf = await renderPdf(ctx.config, { title: `信用修复证明 ${c.certificateNo}`, subject: c.name, keywords: c.certificateNo }, (doc) => {
    title(doc, '信用修复证明', `证明编号：${c.certificateNo}`);
    doc.moveDown(1.5);
    paragraph(doc, body, 12);
    doc.moveDown(0.5);
    paragraph(doc, source, 12);
    paragraph(doc, '本证明可在平台凭证明编号核验真伪。', 12);
    doc.moveDown(2).fontSize(12).text(ctx.config.siteName, { align: 'right' }).text(c.decidedOn, { align: 'right' });
  });
  return { no: c.certificateNo, pdf };
}
