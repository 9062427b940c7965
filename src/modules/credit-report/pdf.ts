// The credit report as a PDF (A4): the sections of sections.ts, drawn (the printable page is html.ts).
import type { Config } from '../../config.js';
import { heading, paragraph, renderPdf, table, title, type Pdf } from '../documents/pdf.js';
import type { CreditReport } from './report.js';
import { basicInfo, commitments, entries, issued, notes, record, SECTION_HEADINGS as H } from './sections.js';

const ENTRY_WIDTHS = [62, 68, 72, 56, 66, '*', '*'];
const FIELD_WIDTHS = [110, '*'];

function records(doc: Pdf, list: CreditReport['records']): void {
  if (!list.length) return paragraph(doc, '无');
  for (const r of list.map(record)) {
    doc.moveDown(0.4).fontSize(10).fillColor('#222').text(r.heading);
    table(doc, r.fields, FIELD_WIDTHS);
    paragraph(doc, r.until, 9);
  }
}

export function creditReportPdf(config: Config, r: CreditReport): Promise<Buffer> {
  const s = r.subject;
  const n = notes(r);
  return renderPdf(config, { title: `信用报告 ${s.name}`, subject: `${s.uscc ?? ''} ${r.no}`, keywords: `${r.no} ${s.uscc ?? ''}` }, (doc) => {
    title(doc, '信用报告', `报告编号：${r.no}　${issued(r)}`);
    heading(doc, H[0]);
    table(doc, basicInfo(r), FIELD_WIDTHS);
    heading(doc, H[1]);
    table(doc, entries(r.red), ENTRY_WIDTHS);
    heading(doc, H[2]);
    table(doc, entries(r.black), ENTRY_WIDTHS);
    heading(doc, H[3]);
    records(doc, r.records);
    heading(doc, H[4]);
    table(doc, commitments(r), [66, 52, 70, '*', 56, 70, 62]);
    doc.moveDown(1);
    paragraph(doc, n.scope, 9);
    paragraph(doc, n.objections, 9);
    paragraph(doc, `${n.verify[0]}${r.digest}${n.verify[1]}`, 9);
  });
}
