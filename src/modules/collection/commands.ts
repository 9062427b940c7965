// Command-line commands of collection, the calendar and publication (DESIGN §5): `import`,
// `calendar import FILE`, `sweep publication`. Registered on the program by src/cli.ts.
import type { Command, Option } from 'commander';
import type { AppContext } from '../../context.js';
import { importCalendarFile } from '../calendar/import-file.js';
import { sweepPublication } from '../records/sweep.js';
import { AppError } from '../../errors.js';
import { importCommand } from './cli.js';
import { importTarget, sheetImportCommand } from './cli-sheets.js';

type WithContext = <T>(opts: { data?: string }, fn: (ctx: AppContext) => Promise<T>) => Promise<T>;

export function registerCollectionCommands(program: Command, withContext: WithContext, dataOption: () => Option): void {
  program.command('import').description('导入信用信息、名单或措施清单文件（.xlsx、.csv UTF-8/GBK、.json、.jsonl），输出汇总并在文件旁写出 FILE.rejects.csv')
    .requiredOption('--type <code>', '信息类别代码（如 admin_penalty）、名单类型代码（如 dishonest_judgment_debtor；可写 list:代码 或 info:代码 以区分）或 measures（措施清单）')
    .option('--department <code>', '报送或认定部门的统一社会信用代码（措施清单可省略：信用办）')
    .option('--memorandum <code>', '--type measures 时：该文件是此备忘录的措施清单，其中措施均加入该备忘录')
    .option('--all-or-nothing', '有任何一行被拒绝则全部不入库')
    .option('--json', '以 JSON 输出汇总（与 POST /api/v1/collection/batches 相同）')
    .option('--override-reason <text>', '代码真实有效但未通过校验位检查时的豁免理由（对本批次全部此类代码生效，并随记录保存）')
    .option('--chunk-size <n>', '每个事务写入的行数（默认 5000）')
    .addOption(dataOption())
    .argument('<file>')
    .action(async (file: string, o) => withContext(o, async (ctx) => {
      const target = await importTarget(ctx, o.type, o.department);
      if (target.kind !== 'info') process.exitCode = await sheetImportCommand(ctx, file, target, o);
      else if (!o.department) throw new AppError('DEPARTMENT_REQUIRED', 400, '导入信用信息须用 --department 指定报送部门的统一社会信用代码。');
      else process.exitCode = await importCommand(ctx, file, { ...o, type: target.code });
    }));

  const calendar = program.command('calendar').description('工作日历（节假日与调休）');
  calendar.command('import').description('导入国务院办公厅某年放假安排（JSON 或 CSV：date,kind,name），按年整体替换')
    .addOption(dataOption()).argument('<file>')
    .action(async (file: string, o) => withContext(o, async (ctx) => {
      for (const y of await importCalendarFile(ctx.db, file)) {
        console.log(`${y.year} 年：放假 ${y.holidays.length} 天，调休上班 ${y.workdays.length} 天${y.notice ? `（${y.notice}）` : ''}，已导入。`);
      }
    }));

  const sweep = program.command('sweep').description('到期处理');
  sweep.command('publication').description('超过最长公示期的信用记录停止公示（worker 每分钟也会执行）')
    .option('--today <date>', '按指定日期处理（测试用，YYYY-MM-DD）').addOption(dataOption())
    .action(async (o) => withContext(o, async (ctx) => {
      const n = await sweepPublication(ctx.db, { today: o.today });
      console.log(`已停止公示 ${n} 条超过最长公示期的信用记录。`);
    }));
}
