import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { createLineSplitter, csvRecords, CSV_OPTIONS } from './csv-split.js';

async function read(chunks: string[], delimiter = ','): Promise<string[][] | { error: string }> {
  const out: string[][] = [];
  try {
    for await (const r of csvRecords((async function* () { yield* chunks; })(), delimiter)) out.push(r);
  } catch (e) {
    return { error: (e as { code?: string }).code ?? String(e) };
  }
  return out;
}

function reference(text: string, delimiter = ','): string[][] | { error: string } {
  try {
    return parse(text, { ...CSV_OPTIONS, delimiter }) as string[][];
  } catch (e) {
    return { error: (e as { code?: string }).code ?? String(e) };
  }
}

/** Cuts `text` at random places (also inside a CRLF, a BOM's neighbourhood, a quoted field). */
function cut(text: string, rand: () => number): string[] {
  const parts: string[] = [];
  let i = 0;
  while (i < text.length) {
    const n = 1 + Math.floor(rand() * 12);
    parts.push(text.slice(i, i + n));
    i += n;
  }
  return parts;
}

function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

test('plain lines are split as csv-parse splits them (LF and CRLF files, BOM, empty lines, no final line break)', async () => {
  for (const text of ['a,b\nc,d\n', 'a,b\r\nc,d\r\n', '\ufeff名称,代码\n河南某公司,9141\n', 'a,b\n\nc\n', 'a,b\n\n', '\n', '', 'a,,\n,\n', 'x,y', '\ufeff', '中,文\r\n\r\n末']) {
    for (const chunks of [[text], [...text]]) assert.deepEqual(await read(chunks), reference(text), JSON.stringify(text));
  }
});

test('from the first quote or stray carriage return on, the file is read exactly as csv-parse reads it', async () => {
  for (const text of [
    'a,b\nx,"multi\nline",y\nc,d\n', 'a,"b,c","d""e"\n', 'a,b"c,d\n', 'a,"b"x,c\n', 'a, "b" ,c\n', 'a,"b\nc',
    'a\r\nb\nc\r\n', 'a\nb\r\nc\n', 'a\r\n\n', 'a\rb\rc', 'a,b\rc\n', 'p,q\nr,"s"\nt,u\n',
  ]) {
    for (const chunks of [[text], [...text]]) assert.deepEqual(await read(chunks), reference(text), JSON.stringify(text));
  }
});

test('random files cut into random chunks give the records csv-parse gives for the whole file', async () => {
  const pieces = ['a', 'b', '中', '文', ',', ',', ' ', '\n', '\n', '\r\n', '"', '""', '\r', '\t'];
  const rand = lcg(20261127);
  for (let n = 0; n < 3000; n++) {
    const len = Math.floor(rand() * 40);
    let text = rand() < 0.1 ? '\ufeff' : '';
    // most files have no quote at all: the fast path must be exercised as much as the hand-over
    const alphabet = rand() < 0.5 ? pieces.filter((p) => !p.includes('"') && p !== '\r') : pieces;
    for (let i = 0; i < len; i++) text += alphabet[Math.floor(rand() * alphabet.length)];
    const delimiter = rand() < 0.2 ? '\t' : ',';
    assert.deepEqual(await read(cut(text, rand), delimiter), reference(text, delimiter), JSON.stringify(text));
  }
});

test('the splitter hands over at the start of the first line it cannot read alone', () => {
  const s = createLineSplitter(',');
  assert.deepEqual(s.push('a,b\r\nc,"d'), [['a', 'b']]);
  assert.equal(s.handOver, null, 'a line is judged once it is complete');
  assert.deepEqual(s.push('\r\ne,f\r\n'), []);
  assert.equal(s.handOver, 'c,"d\r\ne,f\r\n');
  assert.equal(s.recordDelimiter, '\r\n');
});
