// Realistic 行政处罚 delivery files for the collection bench: organisations and persons from
// bench/generate.ts (valid codes, real regions, Chinese names), one penalty each; written as a GBK
// CSV (what Excel on a Chinese Windows saves) and as an .xlsx with inline strings (what streamed
// exports from business systems — Apache POI SXSSF, EasyExcel — write), both streamed.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { makeRandom, organisations, persons } from './generate.js';

export const HEADERS = ['行政相对人名称', '行政相对人类别', '行政相对人代码_1(统一社会信用代码)', '法定代表人', '法定代表人证件类型', '法定代表人证件号码',
  '证件类型', '证件号码', '行政处罚决定书文号', '违法行为类型', '违法事实', '处罚依据', '处罚类别', '处罚内容', '罚款金额(万元)',
  '处罚决定日期', '处罚机关', '处罚机关统一社会信用代码', '数据来源单位', '数据来源单位统一社会信用代码', '失信严重程度'];

const VIOLATIONS = [
  ['虚假宣传', '《中华人民共和国反不正当竞争法》第二十条', '在其经营场所及网店发布引人误解的商业宣传'],
  ['销售不符合食品安全标准的食品', '《中华人民共和国食品安全法》第一百二十四条', '销售超过保质期的预包装食品'],
  ['未按规定公示年度报告', '《企业信息公示暂行条例》第十七条', '未按规定期限公示上一年度年度报告'],
  ['无证经营', '《无证无照经营查处办法》第十三条', '未取得许可从事经营活动'],
  ['违反安全生产规定', '《中华人民共和国安全生产法》第九十九条', '未按规定对安全设备进行经常性维护、保养'],
];

/** `tag` changes the decision numbers only: the same subjects with other penalties. */
function* penaltyRows(count: number, seed: number, authority: string, tag: string): Generator<string[]> {
  const rand = makeRandom(seed);
  const people = persons(Math.ceil(count / 10) + 1, seed ^ 0x5bd1e995);
  const orgs = organisations(count, seed);
  for (let i = 0; i < count; i++) {
    const v = VIOLATIONS[Math.floor(rand() * VIOLATIONS.length)];
    const fine = String(Math.round(rand() * 500) / 10 + 0.5);
    const month = 1 + Math.floor(rand() * 10);
    const day = 1 + Math.floor(rand() * 28);
    const decided = `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const common = [`豫市监罚〔2026〕${tag}${seed % 1000}-${i + 1}号`, v[0], `经查，当事人${v[2]}，违法所得${fine}万元，事实清楚，证据确凿（案件${i + 1}）。`, v[1], '警告；罚款',
      `警告，并处罚款${fine}万元`, fine, decided, '河南省市场监督管理局', authority, '河南省市场监督管理局', authority, rand() < 0.1 ? '严重' : '一般'];
    if (i % 10 === 9) {
      const p = people.next().value!;
      yield [p.name, '自然人', '', '', '', '', '身份证', p.idNumber, ...common];
    } else {
      const o = orgs.next().value!;
      const sole = o.uscc.startsWith('92');
      yield [o.name, sole ? '个体工商户' : '法人及非法人组织', o.uscc, o.legalRepresentative.name, '身份证', o.legalRepresentative.idNumber, '', '', ...common];
    }
  }
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export async function writeBenchCsv(file: string, count: number, seed: number, authority: string, tag = 'A'): Promise<void> {
  const out = createWriteStream(file);
  const write = async (line: string) => { if (!out.write(iconv.encode(line, 'gbk'))) await new Promise<void>((ok) => out.once('drain', () => ok())); };
  await write(HEADERS.join(',') + '\r\n');
  for (const row of penaltyRows(count, seed, authority, tag)) await write(row.map(csvCell).join(',') + '\r\n');
  out.end();
  await finished(out);
}

export async function writeBenchXlsx(file: string, count: number, seed: number, authority: string, tag = 'A', opts: { sharedStrings?: boolean } = {}): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: opts.sharedStrings ?? false, useStyles: false });
  const ws = wb.addWorksheet('行政处罚');
  ws.addRow(HEADERS).commit();
  let n = 0;
  for (const row of penaltyRows(count, seed, authority, tag)) {
    ws.addRow(row).commit();
    // let the zip stream drain now and then, so memory stays flat while writing a big file
    if (++n % 5000 === 0) await new Promise((r) => setImmediate(r));
  }
  ws.commit();
  await wb.commit();
}
