// What the credit report says, section by section — its tables and sentences — once, for both of its
// forms: the printable page (html.ts) and the PDF (pdf.ts). Pure: no markup, no drawing.
import type { Table } from '../documents/pdf.js';
import { beijingTime, type CreditReport } from './report.js';

const KIND: Record<string, string> = { organization: '法人和非法人组织', individual_business: '个体工商户' };

/** What follows the report number under the title. */
export const issued = (r: CreditReport) => `数据截至：${r.asOf}　出具：${r.issuer.siteName}`;

export function basicInfo(r: CreditReport): Table {
  const s = r.subject;
  return {
    headers: ['项目', '内容'], empty: '',
    rows: [['名称', s.name], ['统一社会信用代码', s.uscc], ['主体类别', KIND[s.kind] ?? s.kind], ['登记地', s.regionName ?? s.regionCode ?? '—'],
      ...(s.formerNames.length ? [['曾用名', s.formerNames.join('、')]] : [])],
  };
}

export function entries(list: CreditReport['black']): Table {
  return {
    headers: ['名单', '认定部门', '认定文书号', '认定日期', '有效期', '列入事由', '依据'], empty: '无',
    rows: list.map((e) => [e.listTypeName, e.department, e.decisionNo, e.decidedOn, `${e.startsOn} 至 ${e.endsOn ?? '移出之日'}`, e.reason, e.legalBasis]),
  };
}

/** One record: its heading, its fields, and the end of its publication. */
export function record(r: CreditReport['records'][number]): { heading: string; fields: Table; until: string } {
  return {
    heading: `${r.infoTypeName} · ${r.department} · ${r.decidedOn ?? ''}${r.mark ? `（${r.mark}）` : ''}`,
    fields: { headers: ['项目', '内容'], rows: r.fields.map((f) => [f.label, f.value]), empty: '' },
    until: `公示截止：${r.publishUntil ?? '—'}`,
  };
}

export function commitments(r: CreditReport): Table {
  return {
    headers: ['承诺编号', '类型', '事项', '承诺内容', '承诺日期', '接收部门', '履行情况'], empty: '无',
    rows: r.commitments.map((c) => [c.code, c.type, c.matter, c.content, c.madeOn, c.department, c.fulfilmentOn ? `${c.fulfilmentLabel}（${c.fulfilmentOn}）` : c.fulfilmentLabel]),
  };
}

export const SECTION_HEADINGS = ['一、基本信息', '二、守信激励（红名单）', '三、失信惩戒（黑名单）', '四、行政许可、行政处罚等公示信息', '五、信用承诺及履行情况'] as const;

/** The closing notes; the digest is returned apart so the page can set it as code. */
export function notes(r: CreditReport): { scope: string; objections: string; verify: [string, string] } {
  return {
    scope: `本报告内容为本平台依法公开的信用信息，来源于各认定、报送部门；不含依法不予公开的信息和个人隐私。${r.truncated ? '条目较多，本报告仅列出前 500 条，完整信息请在平台查询。' : ''}`,
    objections: `对报告内容有异议的，可在平台「异议申诉」提交，或联系：${r.issuer.contact}。`,
    verify: ['核验：在平台输入报告编号可查验本报告的出具时间、主体和内容摘要（SM3：', `）。出具单位：${r.issuer.operator}　出具时间：${beijingTime(r.issuedAt)}`],
  };
}
