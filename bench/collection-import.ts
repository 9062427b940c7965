// One import in a process of its own, so its peak memory is the import's alone. The peak is VmHWM,
// not resourceUsage().maxRSS: Linux carries a forked child's maxRSS over exec, so maxRSS reports the
// bench process's own size at spawn time whenever that was larger (it was: 1.26 GB after writing a
// 1M-row .xlsx, taken for the import's peak in session 4).
//   node --import tsx bench/collection-import.ts --file F --type T --department CODE [--data DIR]
// Prints one JSON line: {rows, seconds, peakRssMb, cpuUs, accepted, rejected} (cpuUs: the import's user + system time, all threads).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { runImport } from '../src/modules/collection/import.js';
import { openContext } from '../src/platform.js';

/** This process's own peak resident memory since its exec (VmHWM, kB). */
function peakRssMb(): number {
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024);
}

const { values } = parseArgs({ options: { file: { type: 'string' }, type: { type: 'string' }, department: { type: 'string' }, data: { type: 'string' } } });
const { ctx, database } = await openContext(loadConfig(process.env, { dataDir: values.data }), { attach: true });
try {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const s = await runImport({ ctx, principal: null, departmentCode: values.department!, infoType: values.type!, file: values.file!, fileName: path.basename(values.file!), via: 'cli' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(JSON.stringify({ rows: s.total, seconds, peakRssMb: peakRssMb(), cpuUs: (({ user, system }) => user + system)(process.cpuUsage(cpu)), accepted: s.accepted, rejected: s.rejected }));
} finally {
  await database.close();
}
process.exit(0);
