// Which encoding a delivered text file is in, without asking the clerk: a BOM says so; otherwise a
// sample that decodes as strict UTF-8 is UTF-8, and anything else is taken as GB18030 (a superset
// of GBK and GB2312, what Excel's "CSV" writes on a Chinese Windows). Headers are Chinese, so the
// first kilobytes decide reliably: GBK text is almost never valid UTF-8.
import { open } from 'node:fs/promises';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'gb18030';

const SAMPLE = 256 * 1024;

export function detectEncodingOf(sample: Buffer): TextEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8-bom';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  try {
    // stream: true tolerates a character cut at the end of the sample
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

export async function detectEncoding(file: string): Promise<TextEncoding> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(SAMPLE);
    const { bytesRead } = await fh.read(buf, 0, SAMPLE, 0);
    return detectEncodingOf(buf.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}

/** The name iconv-lite knows the encoding by (the BOM itself is stripped by the CSV parser). */
export function iconvName(enc: TextEncoding): string {
  return enc === 'utf-8-bom' ? 'utf-8' : enc;
}
