// JSON documents as interfaces deliver them: an array of objects (`[{…}, {…}]`), an object wrapping
// one (`{"code": 0, "data": [{…}, …]}` — the first array of objects among the root's properties), or
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

  const fail = (message: string): never => { throw new JsonShapeError(message, line); };
  /** The stack depth inside the row array: 1 in a root array, 2 in an array that a root object holds. */
  const rowDepth = () => (mode === 'array' ? 1 : 2);

  function begin(at: number) {
    capturing = true;
    captureDepth = stack.length;
    startLine = line;
    buf = '';
    from = at;
  }

  function finish(chunk: string, endAt: number, out: JsonElement[]) {
    out.push({ rowNo: mode === 'objects' ? startLine : ++count, text: buf + chunk.slice(from, endAt) });
    capturing = false;
    buf = '';
    from = -1;
  }

  function onClose(c: number, chunk: string, i: number, out: JsonElement[]) {
    const open = stack.pop();
    if (open === undefined || (c === CLOSE_OBJECT) !== (open === OPEN_OBJECT)) fail(`JSON 括号不匹配（第 ${line} 行附近）`);
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
        else if (c === QUOTE) inString = false;
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
        if (c === OPEN_OBJECT) { mode = 'wrapped'; count = 0; capturing = false; }
      }
      if (!capturing) {
        if ((mode === 'array' || mode === 'wrapped') && stack.length === rowDepth() && c !== COMMA && c !== CLOSE_ARRAY) begin(i);
        else if (mode === 'objects' && stack.length === 0) {
          if (c !== OPEN_OBJECT) fail('JSON 文件中每条数据应为一个 {…} 对象');
          begin(i);
        }
      }
      if (c === QUOTE) inString = true;
      else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        if (mode === 'objects' && c === OPEN_ARRAY && stack.length === 1) candidate = true;
        stack.push(c);
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) onClose(c, chunk, i, out);
      else if (c === COMMA && capturing && mode !== 'objects' && stack.length === captureDepth) finish(chunk, i, out);
    }
    if (capturing) { buf += chunk.slice(from); from = 0; }
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
