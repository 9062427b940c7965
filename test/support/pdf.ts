// The text of a PDF as a reader sees it (pdf.js, as in browsers): for tests of the documents the
// platform issues.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string; title: string | null }> {
  const doc = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((it) => ('str' in it ? it.str : '')).join('') + '\n';
  }
  const meta = await doc.getMetadata();
  const title = (meta.info as { Title?: string }).Title ?? null;
  await doc.destroy();
  return { pages: doc.numPages, text, title };
}
