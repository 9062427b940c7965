// Validation throughput of the identifier module against an in-run baseline (a plain 18-character regex).
// Run: node --import tsx bench/identifiers.bench.ts [--n 200000] [--json]
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { ricCheckChar, USCC_ALPHABET } from './checksums.js';
import { makeRandom, organisations, persons } from './generate.js';

export interface IdentifierBenchResult {
  name: string;
  medianOpsPerSec: number;
  baselineOpsPerSec: number;
  ratio: number;
}

const REPEATS = 7;
const BASELINE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
let blackhole = 0;

type Corruption = (code: string, rand: () => number) => string;

/** Ways to make a valid code invalid: check character, birth date, alphabet, length, garbage. */
const CORRUPTIONS: Corruption[] = [
  (c, rand) => {
    const last = c[17];
    const other = USCC_ALPHABET.replace(last, '');
    return c.slice(0, 17) + other[Math.floor(rand() * other.length)];
  },
  (c) => {
    if (!/^\d{17}/.test(c)) return `${c.slice(0, 10)}O${c.slice(11)}`;
    const first17 = `${c.slice(0, 10)}13${c.slice(12, 17)}`; // month 13, correct check
    return first17 + ricCheckChar(first17);
  },
  (c) => `${c.slice(0, 10)}I${c.slice(11)}`,
  (c) => c.slice(0, 17),
  (_, rand) => Array.from({ length: 18 }, () => USCC_ALPHABET[Math.floor(rand() * 31)]).join(''),
];

/** Mixed inputs: 40 % valid USCCs, 40 % valid ID numbers, 20 % invalid codes; shuffled, deterministic. */
export function benchInputs(n: number, seed = 20260401): string[] {
  const valid = Math.ceil(n * 0.4);
  const usccs = Array.from(organisations(valid, seed), (o) => o.uscc);
  const ids = Array.from(persons(valid, seed), (p) => p.idNumber);
  const rand = makeRandom(seed);
  const inputs = [...usccs, ...ids];
  while (inputs.length < n) {
    const source = inputs[Math.floor(rand() * 2 * valid)];
    inputs.push(CORRUPTIONS[Math.floor(rand() * CORRUPTIONS.length)](source, rand));
  }
  inputs.length = n;
  for (let i = inputs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [inputs[i], inputs[j]] = [inputs[j], inputs[i]];
  }
  return inputs;
}

async function loadValidator(): Promise<(code: string) => boolean> {
  try {
    const mod = await import('../src/domain/identifiers/index.js');
    return (code) => mod.validateIdentifier(code).valid;
  } catch (err) {
    throw new Error(`src/domain/identifiers/index.js is not available yet: ${(err as Error).message}`);
  }
}

function opsPerSec(inputs: string[], fn: (code: string) => boolean): number {
  let hits = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < inputs.length; i++) if (fn(inputs[i])) hits++;
  const ns = Number(process.hrtime.bigint() - start);
  blackhole += hits;
  return inputs.length / (ns / 1e9);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** Median ops/s of validateIdentifier and of the regex baseline over the same inputs, 7 runs each. */
export async function runIdentifierBench({ n = 200_000 }: { n?: number } = {}): Promise<IdentifierBenchResult> {
  const validate = await loadValidator();
  const baseline = (code: string) => BASELINE.test(code);
  const inputs = benchInputs(n);
  const warmup = inputs.slice(0, Math.min(n, 20_000));
  opsPerSec(warmup, validate);
  opsPerSec(warmup, baseline);
  const measured: number[] = [];
  const base: number[] = [];
  for (let r = 0; r < REPEATS; r++) {
    // Alternate the order so neither side always runs on a warmer heap.
    if (r % 2 === 0) {
      measured.push(opsPerSec(inputs, validate));
      base.push(opsPerSec(inputs, baseline));
    } else {
      base.push(opsPerSec(inputs, baseline));
      measured.push(opsPerSec(inputs, validate));
    }
  }
  const medianOpsPerSec = median(measured);
  const baselineOpsPerSec = median(base);
  return { name: 'identifiers.validate', medianOpsPerSec, baselineOpsPerSec,
    ratio: medianOpsPerSec / baselineOpsPerSec };
}

/** Share of inputs the validator accepts (a sanity check printed with the result: ≈ 0.8 expected). */
async function acceptedShare(n: number): Promise<number> {
  const validate = await loadValidator();
  const inputs = benchInputs(Math.min(n, 20_000));
  return inputs.filter(validate).length / inputs.length;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { n: { type: 'string', default: '200000' },
    json: { type: 'boolean', default: false } } });
  const n = Number(values.n);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--n must be a positive integer, got ${values.n}`);
  const result = await runIdentifierBench({ n });
  if (values.json) {
    console.log(JSON.stringify(result));
    return;
  }
  const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
  console.log(`identifiers: n=${n}, ${REPEATS} runs, inputs 40% USCC / 40% ID number / 20% invalid`);
  console.log(`  validateIdentifier     median ${fmt(result.medianOpsPerSec)} ops/s`);
  console.log(`  baseline regex         median ${fmt(result.baselineOpsPerSec)} ops/s`);
  console.log(`  ratio validate/baseline ${result.ratio.toFixed(4)}`);
  console.log(`  accepted share ${(await acceptedShare(n)).toFixed(3)} (expect ≈ 0.8)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
