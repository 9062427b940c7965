// JSON documents as interfaces deliver them: an array of objects (`[{…}, {…}]`), an object wrapping
// one (`{"code": 0, "data": [{…}, …]}`, `{"data": {"list": [{…}], "total": 9}}` — the first array of
// objects reached through objects only), a table (`{"columns": ["名称", …], "rows": [[…], …]}` — each
// row array becomes an object keyed by the columns, which must come first), or
// objects one after another (JSON Lines saved as .json). Read as a stream: a small scanner (strings,
// escapes, nesting) cuts out each element's text, which is parsed alone — a file of a million rows is
// never in memory whole, and one bad element is one rejected row, not a failed file.
// No I/O here: readers.ts feeds it text.

export interface JsonElement {
  /** Array elements: their place in the array (1, 2…); root objects: the line they start on. */
  rowNo: number;
  text: string;
}

export class JsonShapeError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

/** A table's column names; where wrappers keep rows (an array of arrays elsewhere is a record's value). */
const DATA_KEYS = /^(data|list|records|rows|items|result|results|content)$/i;
const COLUMN_KEYS = /^(columns|header|headers|fields|titles)$/i;

type Mode = 'start' | 'array' | 'objects' | 'wrapped' | 'after' | 'done';

const [QUOTE, BACKSLASH, COMMA, LF] = [0x22, 0x5c, 0x2c, 0x0a];
const [OPEN_OBJECT, CLOSE_OBJECT, OPEN_ARRAY, CLOSE_ARRAY] = [0x7b, 0x7d, 0x5b, 0x5d];
const isSpace = (c: number) => c === 0x20 || c === LF || c === 0x0d || c === 0x09 || c === 0xfeff;

/** Feed text chunks with `push`, then call `end`; each returns the elements completed so far. */
export function createJsonScanner() {
  let mode: Mode = 'start';
  const stack: number[] = []; // open brackets
  let inString = false;
  let escaped = false;
  let line = 1;
  let count = 0; // elements of the row array so far
  // the element being cut out: its text from earlier chunks, and where it starts in this one
  let capturing = false;
  let captureDepth = 0; // the stack depth of the element's container (0: root values)
  let startLine = 0;
  let buf = '';
  let from = -1;
  let candidate = false; // objects mode: an array opened in a root object; is its first element an object?
  let rowsDepth = 2; // wrapped: the stack depth inside the row array
  // wrapper keys, tracked outside row elements only: the last string, and the key a ':' made of it
  let strFrom = -1;
  let strBuf = '';
  let lastString = '';
  let key = '';
  let columns: string[] | null = null; // a table's column names
  let colFrom = -1; // the columns array being cut out (its text so far in colBuf)
  let colBuf = '';
  let colDepth = 0;
  let tuples = false; // wrapped rows are arrays, mapped by `columns`

  const fail = (message: string): never => { throw new JsonShapeError(message, line); };
  /** The stack depth inside the row array: 1 in a root array, 2 in an array that a root object holds. */
  const rowDepth = () => (mode === 'array' ? 1 : rowsDepth);
  /** In a root object, through objects only: where a wrapper keeps its rows or its columns. */
  const onWrapperPath = () => mode === 'objects' && stack.every((o) => o === OPEN_OBJECT);

  function begin(at: number) {
    capturing = true;
    captureDepth = stack.length;
    startLine = line;
    buf = '';
    from = at;
  }

  function finish(chunk: string, endAt: number, out: JsonElement[]) {
    const text = buf + chunk.slice(from, endAt);
    out.push({ rowNo: mode === 'objects' ? startLine : ++count, text: tuples ? rowObject(text) : text });
    capturing = false;
    buf = '';
    from = -1;
  }

  function onClose(c: number, chunk: string, i: number, out: JsonElement[]) {
    const open = stack.pop();
    if (open === undefined || (c === CLOSE_OBJECT) !== (open === OPEN_OBJECT)) fail(`JSON 括号不匹配（第 ${line} 行附近）`);
    if (colFrom >= 0 && stack.length === colDepth) {
      columns = columnNames(colBuf + chunk.slice(colFrom, i + 1));
      colFrom = -1;
      colBuf = '';
    }
    if (mode === 'objects') {
      if (capturing && stack.length === 0) finish(chunk, i + 1, out);
    } else if ((mode === 'array' || mode === 'wrapped') && stack.length === rowDepth() - 1) {
      if (capturing) finish(chunk, i, out);
      mode = 'after'; // the rows end with their array; a wrapper's other properties are not data
    }
    if (mode === 'after' && stack.length === 0) mode = 'done';
  }

  function scan(chunk: string, out: JsonElement[]) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === LF) line++;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          if (strFrom >= 0) { lastString = strBuf + chunk.slice(strFrom, i); strFrom = -1; strBuf = ''; }
        }
        continue;
      }
      if (isSpace(c)) continue;
      if (mode === 'done') fail('JSON 文件在数据结束后还有其他内容');
      if (mode === 'start') {
        if (c === OPEN_ARRAY) { mode = 'array'; stack.push(c); continue; }
        if (c !== OPEN_OBJECT) fail('JSON 文件应以 [ 或 { 开头（对象数组，或每行一个对象）');
        mode = 'objects';
      }
      if (candidate) {
        candidate = false;
        // a root object's property holds objects: the root wraps the rows (data, rows, records…)
        if (c === OPEN_OBJECT) { mode = 'wrapped'; rowsDepth = stack.length; count = 0; capturing = false; }
        else if (c === OPEN_ARRAY && (columns || DATA_KEYS.test(key))) {
          if (!columns) fail(`“${key}”中的数据是数组的数组，但在它之前没有列名（columns 或 header），无法对应字段`);
          mode = 'wrapped'; rowsDepth = stack.length; count = 0; capturing = false; tuples = true;
        }
      }
      if (!capturing) {
        if ((mode === 'array' || mode === 'wrapped') && stack.length === rowDepth() && c !== COMMA && c !== CLOSE_ARRAY) begin(i);
        else if (mode === 'objects' && stack.length === 0) {
          if (c !== OPEN_OBJECT) fail('JSON 文件中每条数据应为一个 {…} 对象');
          begin(i);
        }
      }
      if (c === QUOTE) {
        inString = true;
        if (mode === 'objects' && colFrom < 0) strFrom = i + 1;
      } else if (c === 0x3a) { // ':'
        if (mode === 'objects') key = lastString;
      } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        if (c === OPEN_ARRAY && stack.length >= 1 && colFrom < 0 && onWrapperPath()) {
          if (COLUMN_KEYS.test(key)) { colFrom = i; colDepth = stack.length; } else candidate = true;
        }
        stack.push(c);
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) onClose(c, chunk, i, out);
      else if (c === COMMA && capturing && mode !== 'objects' && stack.length === captureDepth) finish(chunk, i, out);
    }
    if (capturing) { buf += chunk.slice(from); from = 0; }
    if (strFrom >= 0) { strBuf += chunk.slice(strFrom); strFrom = 0; }
    if (colFrom >= 0) { colBuf += chunk.slice(colFrom); colFrom = 0; }
  }

  /** A table row (an array) as an object keyed by the columns; anything else as it is, to be judged. */
  function rowObject(text: string): string {
    let values: unknown;
    try { values = JSON.parse(text); } catch { return text; }
    if (!Array.isArray(values)) return text;
    return JSON.stringify(Object.fromEntries(columns!.map((name, k) => [name, values[k] ?? null])));
  }

  function columnNames(text: string): string[] {
    let list: unknown;
    try { list = JSON.parse(text); } catch { list = null; }
    const names = Array.isArray(list) ? list.map((c) => (typeof c === 'string' ? c
      : c && typeof c === 'object' ? String((c as Record<string, unknown>).name ?? (c as Record<string, unknown>).title ?? (c as Record<string, unknown>).key ?? (c as Record<string, unknown>).label ?? '') : '')) : [];
    if (!names.length || names.some((n) => !n)) fail('列名（columns 或 header）应为字符串数组，或带 name/title 的对象数组');
    return names;
  }

  return {
    push(chunk: string): JsonElement[] {
      const out: JsonElement[] = [];
      scan(chunk, out);
      return out;
    },
    end(): JsonElement[] {
      if (inString || stack.length || capturing) fail('JSON 文件不完整：括号或引号未闭合，文件可能被截断');
      if (mode === 'start') fail('JSON 文件中没有数据');
      return [];
    },
  };
}
