// The rejects report in the two forms clerks open: FILE.rejects.csv beside the imported file
// (UTF-8 with BOM, so Excel on Windows shows the Chinese correctly) and an Excel download.
import { createWriteStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { RejectView } from './batches.js';

const HEADERS = ['行号', '字段', '代码', '原因'];

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Writes FILE.rejects.csv from the rejects as they pass on to the caller, so that one read of them
 * serves the file and, say, the `--json` summary; the file is complete when the iteration ends.
 */
export async function* rejectsCsvAlong(file: string, rejects: AsyncIterable<RejectView> | Iterable<RejectView>): AsyncGenerator<RejectView> {
  const out = createWriteStream(file);
  out.write('\uFEFF' + HEADERS.join(',') + '\r\n');
  for await (const r of rejects) {
    if (!out.write([r.row, r.field, r.code, r.reason].map(csvCell).join(',') + '\r\n')) await new Promise<void>((ok) => out.once('drain', () => ok()));
    yield r;
  }
  out.end();
  await finished(out);
}

export async function writeRejectsCsv(file: string, rejects: AsyncIterable<RejectView> | Iterable<RejectView>): Promise<void> {
  const along = rejectsCsvAlong(file, rejects);
  while (!(await along.next()).done); // drain: the file is written as they pass
}

/** A streamed .xlsx of the rejects (the in-memory workbook would hold every row at once). */
export async function rejectsXlsxStream(rejects: AsyncIterable<RejectView>, title: string): Promise<PassThrough> {
  const { default: ExcelJS } = await import('exceljs');
  const stream = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const sheet = wb.addWorksheet('被拒绝的行');
  sheet.columns = [{ header: HEADERS[0], width: 8 }, { header: HEADERS[1], width: 30 }, { header: HEADERS[2], width: 24 }, { header: HEADERS[3], width: 90 }];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  void (async () => {
    for await (const r of rejects) {
      sheet.addRow([r.row, r.field, r.code, r.reason]).commit();
      // the response is read as fast as the client takes it: wait for it rather than buffer the rest
      if (stream.writableNeedDrain) await new Promise<void>((ok) => { stream.once('drain', ok); stream.once('close', ok); });
      if (stream.destroyed) return; // the client went away
    }
    sheet.addRow([]).commit();
    sheet.addRow(['', title]).commit();
    sheet.commit();
    await wb.commit();
  })().catch((e: Error) => stream.destroy(e));
  return stream;
}
