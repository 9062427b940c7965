// `xinyong sync --from URL --key KEY [--once]` (DESIGN §5): follow another platform's feed and mirror
// its list types and entries here. Registered on the program by src/cli.ts. Works while `serve`
// runs on the same data folder (it attaches, ADR 002); progress lines go to stderr, the summary to
// stdout. Ctrl-C stops after the page in progress (each page is one transaction).
import type { Command, Option } from 'commander';
import type { AppContext } from '../../context.js';
import { runSync } from './follow.js';

type WithContext = <T>(opts: { data?: string }, fn: (ctx: AppContext) => Promise<T>) => Promise<T>;

export function registerSyncCommand(program: Command, withContext: WithContext, dataOption: () => Option): void {
  program.command('sync').description('跟随另一平台的变更流，同步其名单类型与名单记录（跨地区联动）')
    .requiredOption('--from <url>', '源平台地址，如 https://xy.henan.gov.cn')
    .requiredOption('--key <key>', '源平台信用办的 system 密钥')
    .option('--once', '追平后退出（默认持续跟随，Ctrl-C 停止）')
    .option('--page-size <n>', '每页条数：快照的名单记录、变更流的变更（默认 500）')
    .option('--quiet', '不输出进度')
    .addOption(dataOption())
    .action(async (o) => withContext(o, async (ctx) => {
      const stop = new AbortController();
      process.once('SIGINT', () => stop.abort());
      process.once('SIGTERM', () => stop.abort());
      const r = await runSync({
        ctx, url: o.from, key: o.key, once: !!o.once, pageSize: o.pageSize ? Number(o.pageSize) : undefined, signal: stop.signal,
        log: o.quiet ? undefined : (m) => process.stderr.write(`${m}\n`),
      });
      console.log(`同步${o.once ? '已追平' : '已停止'}：源平台 ${r.source}，新增 ${r.created} 条，更新 ${r.updated} 条，未变 ${r.unchanged} 条，跳过 ${r.skipped} 条；`
        + `${r.phase === 'follow' ? `已读到变更位置 seq ${r.cursor}` : '快照尚未完成'}。`);
    }));
}
