// Rows for POST /list-entries/batch from pasted or uploaded text: a JSON array of entries (the API's
// own shape) or CSV with a header row (English field names or the Chinese column names below).

export interface BatchEntry {
  listType: string;
  subject: { kind: string; name: string; uscc?: string; idNumber?: string };
  reason: string;
  decisionNo: string;
  decidedOn: string;
  startsOn: string;
  endsOn?: string | null;
}

const COLUMNS: Record<string, string> = {
  名单类型: 'listType', 主体类别: 'kind', 名称: 'name', 主体名称: 'name', 统一社会信用代码: 'uscc', 身份证号码: 'idNumber',
  认定理由: 'reason', 认定文书号: 'decisionNo', 认定日期: 'decidedOn', 列入日期: 'startsOn', 移出日期: 'endsOn',
};
const KINDS: Record<string, string> = { 法人和非法人组织: 'organization', 组织: 'organization', 个体工商户: 'individual_business', 自然人: 'natural_person' };

export const CSV_HEADER = '名单类型,主体类别,名称,统一社会信用代码,身份证号码,认定理由,认定文书号,认定日期,列入日期,移出日期';

/** RFC 4180-ish: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field); field = '';
      if (row.some((f) => f.trim())) rows.push(row);
      row = [];
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f.trim())) rows.push(row);
  return rows;
}

function fromCsv(text: string, defaultListType: string | undefined): BatchEntry[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  if (!header) return [];
  const keys = header.map((h) => COLUMNS[h.trim()] ?? h.trim());
  return rows.map((cells) => {
    const r: Record<string, string> = {};
    keys.forEach((k, i) => { r[k] = (cells[i] ?? '').trim(); });
    const kind = KINDS[r.kind] ?? (r.kind || (r.idNumber && !r.uscc ? 'natural_person' : 'organization'));
    return {
      listType: r.listType || defaultListType || '',
      subject: { kind, name: r.name, ...(r.uscc ? { uscc: r.uscc.toUpperCase() } : {}), ...(r.idNumber ? { idNumber: r.idNumber } : {}) },
      reason: r.reason, decisionNo: r.decisionNo, decidedOn: r.decidedOn, startsOn: r.startsOn || r.decidedOn,
      ...(r.endsOn ? { endsOn: r.endsOn === '长期' ? null : r.endsOn } : {}),
    };
  });
}

/** The entries in `text`, or a Chinese explanation of why they could not be read. */
export function parseBatch(text: string, defaultListType?: string): { entries: BatchEntry[] } | { error: string } {
  const trimmed = text.trim();
  if (!trimmed) return { error: '请粘贴或选择要导入的内容' };
  try {
    const entries = trimmed.startsWith('[') || trimmed.startsWith('{')
      ? (() => {
        const parsed: unknown = JSON.parse(trimmed);
        const list = Array.isArray(parsed) ? parsed : (parsed as { entries?: unknown }).entries;
        if (!Array.isArray(list)) throw new Error('JSON 应为名单记录的数组，或 {"entries": [...]}');
        return (list as BatchEntry[]).map((e) => ({ ...e, listType: e.listType || defaultListType || '' }));
      })()
      : fromCsv(trimmed, defaultListType);
    if (!entries.length) return { error: '没有读到任何记录：CSV 需要表头行和至少一行数据' };
    if (entries.length > 1000) return { error: `一次最多导入 1000 条，当前 ${entries.length} 条` };
    return { entries };
  } catch (error) {
    return { error: error instanceof SyntaxError ? `JSON 格式有误：${error.message}` : (error as Error).message };
  }
}
