// Two-level headers, as many departments' templates have them: a merged super-header over its
// sub-columns (“行政相对人代码” over 统一社会信用代码 / 工商注册号 …, “法定代表人” over 姓名 / 证件类型 /
// 证件号码), the other headers merged down over both rows. Exported to CSV or read from .xlsx, the
// merged cell's text is in its first column only, so the super-header is carried right over the
// sub-columns under it, and each column gets the first of these names the catalog knows:
// super+sub (法定代表人证件类型), super_sub, the sub-header alone (统一社会信用代码 is an alias), the
// super-header alone (法定代表人 over 姓名).
import { cellText, normaliseHeader, type Cell, type FieldDef } from '../../domain/fields.js';

/**
 * The header as one row when `sub` is the second row of a two-level header over `top`; null when
 * it is not (then `sub` is the first data row). It is one when the merged names map more columns
 * than `top` alone — a data row's values are not field names.
 */
export function mergeHeaderRows(top: Cell[], sub: Cell[], index: Map<string, FieldDef>): string[] | null {
  const known = (name: string) => index.get(normaliseHeader(name));
  const width = Math.max(top.length, sub.length);
  const merged: string[] = [];
  const used = new Set<string>();
  let topHits = 0;
  let mergedHits = 0;
  let over = ''; // the super-header a merged cell carries to the right
  for (let j = 0; j < width; j++) {
    const t = cellText(top[j]) ?? '';
    const s = cellText(sub[j]) ?? '';
    if (t) over = t;
    else if (!s) over = '';
    if (t && known(t)) topHits++;
    const names = !s ? [t] : [`${over}${s}`, `${over}_${s}`, s, over];
    const name = names.find((n) => n && known(n) && !used.has(known(n)!.key)) ?? (s || t);
    const field = known(name);
    if (field) { used.add(field.key); mergedHits++; }
    merged.push(name);
  }
  return sub.some((c) => cellText(c) !== null) && mergedHits > topHits ? merged : null;
}
