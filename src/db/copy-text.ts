// PostgreSQL's COPY text format, for the statements that send rows with COPY (record versions in
// imports, the write-behind check log). Pure: no database imports.
export const COPY_NULL = '\\N';
const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A text value: backslash, tab and line breaks escaped; null as \N. */
export function copyText(v: string | null | undefined): string {
  if (v === null || v === undefined) return COPY_NULL;
  return SPECIAL.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : v;
}

/** A number, or \N. */
export const copyNumber = (v: number | null | undefined): string => (v === null || v === undefined ? COPY_NULL : String(v));

/** A json/jsonb value (serialised, then escaped), or \N. */
export const copyJson = (v: unknown): string => (v === null || v === undefined ? COPY_NULL : copyText(JSON.stringify(v)));
