// `xinyong report quarterly --quarter 2026Q3 --out FILE.xlsx [--json]` (DESIGN §5): the quarterly
// tracking report (跟踪问效) of every department, written as Excel; a summary on stdout (with
// `--json`, the same object as GET /api/v1/tracking/quarterly). Registered by src/cli.ts.
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Command, Option } from 'commander';
import type { AppContext } from '../../context.js';
import { quarterlyReport } from './use-cases.js';
import { quarterlyWorkbook } from './workbook.js';

type WithContext = <T>(opts: { data?: string }, fn: (ctx: AppContext) => Promise<T>) => Promise<T>;

export function registerReportCommand(program: Command, withContext: WithContext, dataOption: () => Option): void {
  const report = program.command('report').description('统计报告');
  report.command('quarterly').description('季度跟踪问效报告（各部门双公示、名单响应、核查反馈、异议修复办理及落后单位），写出 Excel')
    .option('--quarter <code>', '季度，如 2026Q3；缺省为最近结束的季度')
    .option('--department <code>', '只统计一个部门（统一社会信用代码）')
    .option('--out <file>', 'Excel 文件路径（缺省 tracking-季度.xlsx）')
    .option('--json', '以 JSON 输出统计（与 GET /api/v1/tracking/quarterly 相同）')
    .addOption(dataOption())
    .action(async (o) => withContext(o, async (ctx) => {
      const r = await quarterlyReport({ db: ctx.db, principal: null, quarter: o.quarter, department: o.department });
      const out = o.out ?? `tracking-${r.quarter.code}.xlsx`;
      await pipeline(await quarterlyWorkbook(r), createWriteStream(out));
      if (o.json) return void console.log(JSON.stringify(r, null, 2));
      console.log(`${r.quarter.code}（${r.quarter.from} 至 ${r.quarter.to}）跟踪问效报告已写出：${out}`);
      const t = r.totals;
      console.log(`双公示 ${t.collection.delivered} 条（超期 ${t.collection.late}）；发布名单 ${t.entries.published}；推送 ${t.tasks.pushed}（未响应 ${t.tasks.pending}）；核查 ${t.checks.total} 次，需反馈 ${t.checks.feedbackDue}，已反馈 ${t.checks.feedbackGiven}，逾期 ${t.checks.overdue}`);
      console.log(r.laggards.length ? `落后单位 ${r.laggards.length} 个：` : '本季度无落后单位。');
      for (const l of r.laggards) console.log(`  ${l.department.name}（${l.department.code}）：${l.reasons.join('；')}`);
      for (const w of r.warnings) console.error(`提示：${w}`);
    }));
}
