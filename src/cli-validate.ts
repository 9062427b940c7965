// Presentation of `xinyong validate`: one result per value, in order.
import { validateIdentifier, type IdentifierType } from './domain/identifiers/index.js';
import { presentIdentifier } from './modules/identifiers/routes.js';

const TYPE_NAMES: Record<string, string> = { uscc: '统一社会信用代码', ric: '公民身份号码', org_code: '组织机构代码', reg_no: '工商注册号' };

export function validateValues(values: string[], type?: IdentifierType) {
  return values.map((v) => presentIdentifier(validateIdentifier(v, type)));
}

export function formatIdentifierLine(r: ReturnType<typeof presentIdentifier>): string {
  const kind = r.type ? TYPE_NAMES[r.type] : '未知类型';
  const head = `${r.valid ? '✓ 有效' : '✗ 无效'}  ${r.value}  ${kind}${r.ambiguous ? `（也可能是${r.candidates.filter((c) => c !== r.type).map((c) => TYPE_NAMES[c]).join('、')}，可用 --type 指定）` : ''}`;
  const details = Object.entries(r.details).filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => `${k}=${v}`).join(' ');
  const lines = [head];
  if (details) lines.push(`    ${details}`);
  for (const e of r.errors) lines.push(`    错误 ${e.code}：${e.message}`);
  for (const w of r.warnings) lines.push(`    提示 ${w.code}：${w.message}`);
  return lines.join('\n');
}
