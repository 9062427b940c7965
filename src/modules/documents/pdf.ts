// PDF documents the platform issues (credit reports, repair certificates): A4, zh-CN, with the CJK
// font found at boot (config.pdfFont; DESIGN §2: pdfkit with Debian's fonts-wqy-microhei). Only the
// glyphs used are embedded. The same content is offered as a printable page (HTML) as well.
import PDFDocument from 'pdfkit';
import type { Config } from '../../config.js';
import { AppError } from '../../errors.js';

export type Pdf = PDFKit.PDFDocument;

const MARGIN = 50;
const ACCENT = '#a61b1b';

/** A font collection (.ttc) holds several faces: pdfkit needs the face's PostScript name. */
function faceOf(file: string): string | undefined {
  if (!file.endsWith('.ttc')) return undefined;
  if (file.includes('wqy-microhei')) return 'WenQuanYiMicroHei';
  if (file.includes('wqy-zenhei')) return 'WenQuanYiZenHei';
  if (file.includes('NotoSansCJK')) return 'NotoSansCJKsc-Regular';
  if (file.includes('uming')) return 'AR-PLUMingCN-Light';
  return undefined;
}

/** The font PDFs are set in; 503 when the server has none with Chinese glyphs (ask before issuing anything). */
export function pdfFontOf(config: Config): string {
  if (!config.pdfFont) {
    throw new AppError('PDF_UNAVAILABLE', 503, '服务器未安装中文字体，暂不能生成 PDF；请使用网页版本（可打印），或请管理员安装 fonts-wqy-microhei 或设置 XINYONG_PDF_FONT。');
  }
  return config.pdfFont;
}

/** Renders a document drawn by `draw` into a Buffer. */
export async function renderPdf(config: Config, info: { title: string; subject: string; keywords: string }, draw: (doc: Pdf) => void): Promise<Buffer> {
  const font = pdfFontOf(config);
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: info.title, Subject: info.subject, Keywords: info.keywords, Creator: 'Xinyong' }, lang: 'zh-CN', bufferPages: true });
  doc.registerFont('cjk', font, faceOf(font));
  doc.font('cjk');
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  pageNumbers(doc);
  doc.end();
  return done;
}

function pageNumbers(doc: Pdf): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not open a new page
    doc.fontSize(9).fillColor('#666').text(`第 ${i + 1} 页 / 共 ${range.count} 页`, MARGIN, doc.page.height - 35, { width: doc.page.width - 2 * MARGIN, align: 'center' });
    doc.page.margins.bottom = bottom;
  }
}

export function heading(doc: Pdf, text: string): void {
  doc.moveDown(0.8).fontSize(13).fillColor(ACCENT).text(text, MARGIN, undefined).fillColor('#222').moveDown(0.3);
}

export function title(doc: Pdf, text: string, meta: string): void {
  doc.fontSize(22).fillColor(ACCENT).text(text, { align: 'center', characterSpacing: 4 });
  doc.moveDown(0.3).fontSize(10).fillColor('#555').text(meta, { align: 'center' }).fillColor('#222');
}

export function paragraph(doc: Pdf, text: string, size = 10): void {
  doc.fontSize(size).fillColor('#333').text(text, MARGIN, undefined, { lineGap: 2 }).fillColor('#222');
}

/** A table: a header row and its rows, or the sentence `empty` when there are none. */
export interface Table { headers: string[]; rows: unknown[][]; empty: string }

export function table(doc: Pdf, { headers, rows, empty }: Table, widths?: (number | string)[]): void {
  doc.fontSize(9);
  if (!rows.length) return void paragraph(doc, empty, 10);
  doc.table({
    position: { x: MARGIN },
    ...(widths ? { columnStyles: widths } : {}),
    defaultStyle: { border: 0.5, borderColor: '#bbb', padding: 3 },
    data: [
      headers.map((h) => ({ text: h, backgroundColor: '#f4f4f4', type: 'TH' as const })),
      ...rows.map((r) => r.map((c) => (c === null || c === undefined || c === '' ? '—' : String(c)))),
    ],
  });
  doc.x = MARGIN;
}
