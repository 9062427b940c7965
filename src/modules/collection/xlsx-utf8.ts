// exceljs 4.4.0's streaming reader decodes every chunk of XML on its own (utils/parse-sax.js:
// TextDecoder.decode(chunk) without {stream: true}), so a Chinese character whose three UTF-8 bytes
// straddle two chunks turns into U+FFFD — about one row in 1,500 of a real sheet came out garbled
// (“法人及非法���组织”). This reader hands exceljs text decoded across chunk boundaries instead:
// parse-sax passes strings through untouched. Only the worksheet and shared-strings streams are
// wrapped, through the reader's own (undocumented) hooks; check them when upgrading exceljs.
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type ExcelJSModule from 'exceljs';

async function* decoded(source: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

type ReaderClass = typeof ExcelJSModule.stream.xlsx.WorkbookReader;
interface ReaderHooks {
  _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string): Generator<unknown>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
}

/** A WorkbookReader class whose worksheets and shared strings are decoded as whole UTF-8 text. */
export function utf8SafeReader(ExcelJS: typeof ExcelJSModule): ReaderClass {
  const Base = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (...args: unknown[]) => ReaderHooks;
  class Utf8SafeWorkbookReader extends Base {
    _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string) {
      return super._parseWorksheet(decoded(iterator) as unknown as AsyncIterable<Buffer>, sheetNo);
    }

    _parseSharedStrings(entry: Readable) {
      return super._parseSharedStrings(Readable.from(decoded(entry), { objectMode: true }));
    }
  }
  return Utf8SafeWorkbookReader as unknown as ReaderClass;
}
