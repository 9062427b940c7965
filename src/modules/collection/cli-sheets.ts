// `xinyong import` for what is not credit information: `--type measures` (a department's measure
// list, for the credit office) and `--type LIST_TYPE` (an initiating department's list entries).
// Same output as the collection import: progress on stderr, the summary (or --json), FILE.rejects.csv,
// exit 1 when any row was rejected. Which import a bare code means is decided here (ADR 011).
import path from 'node:path';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import * as catalog from '../catalog/store.js';
import { resolveDepartment } from '../departments/use-cases.js';
import * as lists from '../lists/store.js';
import { importEntries } from '../lists/import.js';
import { importMeasures } from '../measures/import.js';
import { progressBar, type ImportCliOptions } from './cli.js';
import { writeRejectsCsv } from './rejects-file.js';
import type { SheetImportSummary } from './sheet-import.js';

export type ImportTarget = { kind: 'info'; code: string } | { kind: 'list'; code: string } | { kind: 'measures' };

/**
 * `measures`; `list:CODE` and `info:CODE` say it outright; a bare code is the info type or the list
 * type it names. Some codes name both (the seeded 失信被执行人 is an info type that feeds the list of
 * the same code): then the list when the department is that list's initiating department — it
 * publishes entries —, otherwise the info type, as before lists could be imported.
 */
export async function importTarget(ctx: AppContext, type: string, department: string | undefined): Promise<ImportTarget> {
  if (type === 'measures') return { kind: 'measures' };
  const prefixed = /^(list|info):(.+)$/.exec(type);
  if (prefixed) return { kind: prefixed[1] as 'list' | 'info', code: prefixed[2] };
  const [info, list] = await Promise.all([catalog.findInfoType(ctx.db, type), lists.findListType(ctx.db, type)]);
  if (!list) return { kind: 'info', code: type }; // an unknown code fails there, with the catalog's message
  if (!info) return { kind: 'list', code: type };
  const dept = department ? await resolveDepartment(ctx.db, department) : null;
  return dept && list.initiating_department_id === dept.id ? { kind: 'list', code: type } : { kind: 'info', code: type };
}

function printSummary(s: SheetImportSummary, what: string, rejectsFile: string) {
  const lines = [
    `${what}：${s.status === 'completed' ? '已完成' : '未入库：存在被拒绝的行（全部或全不）'}`,
    `共 ${s.total} 行：新增 ${s.accepted}，更新 ${s.versioned}，未变 ${s.unchanged}，撤销 ${s.revoked}，拒绝 ${s.rejected}`,
  ];
  if (s.rejected) lines.push(`被拒绝的行及原因见 ${rejectsFile}`);
  for (const w of s.warnings) lines.push(`提示：${w}`);
  console.log(lines.join('\n'));
}

export async function sheetImportCommand(ctx: AppContext, file: string, target: Exclude<ImportTarget, { kind: 'info' }>, o: ImportCliOptions): Promise<number> {
  const bar = o.json || !process.stderr.isTTY ? null : progressBar();
  const req = { ctx, principal: null, file, fileName: path.basename(file), allOrNothing: o.allOrNothing, onProgress: (p: Parameters<NonNullable<typeof bar>['update']>[0]) => bar?.update(p) };
  let summary: SheetImportSummary;
  try {
    if (target.kind === 'measures') summary = await importMeasures({ ...req, memorandum: o.memorandum });
    else {
      if (!o.department) throw new AppError('DEPARTMENT_REQUIRED', 400, '导入名单须用 --department 指定认定部门的统一社会信用代码。');
      summary = await importEntries({ ...req, departmentCode: o.department, listType: target.code });
    }
  } finally {
    bar?.stop();
  }
  const rejectsFile = `${file}.rejects.csv`;
  await writeRejectsCsv(rejectsFile, summary.rejects);
  if (o.json) console.log(JSON.stringify(summary, null, 2));
  else printSummary(summary, target.kind === 'measures' ? '措施清单' : `名单 ${target.code}`, rejectsFile);
  return summary.rejected > 0 ? 1 : 0;
}
