// The credit report as a PDF (A4), the same content and wording as the printable page (html.ts).
import type { Config } from '../../config.js';
import { heading, paragraph, renderPdf, table, title, type Pdf } from '../documents/pdf.js';
import { beijingTime, type CreditReport } from './report.js';

const KIND: Record<string, string> = { organization: '法人和非法人组织', individual_business: '个体工商户' };

function entries(doc: Pdf, list: CreditReport['black']): void {
  table(doc, ['名单', '认定部门', '认定文书号', '认定日期', '有效期', '列入事由', '依据'],
    list.map((e) => [e.listTypeName, e.department, e.decisionNo, e.decidedOn, `${e.startsOn} 至 ${e.endsOn ?? '移出之日'}`, e.reason, e.legalBasis]), '无',
    [62, 68, 72, 56, 66, '*', '*']);
}

function records(doc: Pdf, list: CreditReport['records']): void {
  if (!list.length) return paragraph(doc, '无');
  for (const r of list) {
    doc.moveDown(0.4).fontSize(10).fillColor('#222').text(`${r.infoTypeName} · ${r.department} · ${r.decidedOn ?? ''}${r.mark ? `（${r.mark}）` : ''}`);
    table(doc, ['项目', '内容'], r.fields.map((f) => [f.label, f.value]), '', [110, '*']);
    paragraph(doc, `公示截止：${r.publishUntil ?? '—'}`, 9);
  }
}

export function creditReportPdf(config: Config, r: CreditReport): Promise<Buffer> {
  const s = r.subject;
  return renderPdf(config, { title: `信用报告 ${s.name}`, subject: `${s.uscc ?? ''} ${r.no}`, keywords: `${r.no} ${s.uscc ?? ''}` }, (doc) => {
    title(doc, '信用报告', `报告编号：${r.no}　数据截至：${r.asOf}　出具：${r.issuer.siteName}`);
    heading(doc, '一、基本信息');
    table(doc, ['项目', '内容'], [['名称', s.name], ['统一社会信用代码', s.uscc], ['主体类别', KIND[s.kind] ?? s.kind], ['登记地', s.regionName ?? s.regionCode ?? '—'],
      ...(s.formerNames.length ? [['曾用名', s.formerNames.join('、')]] : [])], '', [110, '*']);
    heading(doc, '二、守信激励（红名单）');
    entries(doc, r.red);
    heading(doc, '三、失信惩戒（黑名单）');
    entries(doc, r.black);
    heading(doc, '四、行政许可、行政处罚等公示信息');
    records(doc, r.records);
    heading(doc, '五、信用承诺及履行情况');
    table(doc, ['承诺编号', '类型', '事项', '承诺内容', '承诺日期', '接收部门', '履行情况'], r.commitments.map((c) => [c.code, c.type, c.matter, c.content, c.madeOn, c.department, c.fulfilmentOn ? `${c.fulfilmentLabel}（${c.fulfilmentOn}）` : c.fulfilmentLabel]), '无',
      [66, 52, 70, '*', 56, 70, 62]);
    doc.moveDown(1);
    paragraph(doc, `本报告内容为本平台依法公开的信用信息，来源于各认定、报送部门；不含依法不予公开的信息和个人隐私。${r.truncated ? '条目较多，本报告仅列出前 500 条，完整信息请在平台查询。' : ''}`, 9);
    paragraph(doc, `对报告内容有异议的，可在平台「异议申诉」提交，或联系：${r.issuer.contact}。`, 9);
    paragraph(doc, `核验：在平台输入报告编号可查验本报告的出具时间、主体和内容摘要（SM3：${r.digest}）。出具单位：${r.issuer.operator}　出具时间：${beijingTime(r.issuedAt)}`, 9);
  });
}
