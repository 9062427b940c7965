// 信用报告 (DESIGN §1: the public downloads a credit report): what the portal shows of an organisation
// — basic information, public red and black list entries in force, records in publication (双公示…)
// — as one document with a number, the day it speaks for, and an SM3 digest of its content. The issue
// is recorded so that a receiver can verify the number. Natural persons get no public report.
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import { canonicalJson } from '../../domain/audit-chain.js';
import { errors } from '../../errors.js';
import { today } from '../calendar/use-cases.js';
import { publicCommitmentsOf } from '../commitments/use-cases.js';
import { publicEntries } from '../lists/public.js';
import { listPublicRecords } from '../records/use-cases.js';
import { getPublicSubject } from '../subjects/search.js';

const MAX_ITEMS = 500; // a report lists at most this many entries and records each (and says so)
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** An instant as people in China read it: 2026-11-28 07:56（北京时间）. */
export function beijingTime(iso: string): string {
  return `${new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')}（北京时间）`;
}

export type CreditReport = Awaited<ReturnType<typeof reportContent>> & { no: string; digest: string; issuedAt: string };

async function allEntries(ctx: AppContext, uscc: string) {
  const items = [];
  for (let page = 1; items.length < MAX_ITEMS; page++) {
    const r = await publicEntries({ db: ctx.db, subjectUscc: uscc, page, pageSize: 100 });
    items.push(...r.items);
    if (!r.hasMore) break;
  }
  return items.slice(0, MAX_ITEMS);
}

async function allRecords(ctx: AppContext, uscc: string) {
  const items = [];
  for (let offset = 0; items.length < MAX_ITEMS; offset += 100) {
    const r = await listPublicRecords({ ctx, uscc, limit: 100, offset });
    items.push(...r.items);
    if (r.items.length < 100) break;
  }
  return items.slice(0, MAX_ITEMS);
}

async function reportContent(ctx: AppContext, uscc: string) {
  const subject = await getPublicSubject({ ctx, uscc });
  const [entries, records, commitments] = await Promise.all([allEntries(ctx, subject.uscc!), allRecords(ctx, subject.uscc!), publicCommitmentsOf({ ctx, uscc: subject.uscc! })]);
  return {
    asOf: today(), issuer: { siteName: ctx.config.siteName, operator: ctx.config.operator, contact: ctx.config.contact },
    subject, red: entries.filter((e) => e.kind === 'red'), black: entries.filter((e) => e.kind === 'black'), records,
    commitments: commitments.map(({ code, type, matter, content, madeOn, dueOn, fulfilmentLabel, fulfilmentOn, department }) => ({ code, type, matter, content, madeOn, dueOn, fulfilmentLabel, fulfilmentOn, department: department.name })),
    truncated: entries.length >= MAX_ITEMS || records.length >= MAX_ITEMS,
  };
}

function reportNo(asOf: string): string {
  const random = [...randomBytes(8)].map((b) => CROCKFORD[b & 31]).join('');
  return `XYBG${asOf.replace(/-/g, '')}${random}`;
}

/** Builds and records a report for the organisation with this USCC. */
export async function issueCreditReport(opts: { ctx: AppContext; uscc: string }): Promise<CreditReport> {
  const content = await reportContent(opts.ctx, opts.uscc);
  const digest = createHash('sm3').update(canonicalJson(content)).digest('hex');
  const no = reportNo(content.asOf);
  const row = await opts.ctx.db.insertInto('credit_report')
    .values({ no, subject_id: content.subject.id, digest, entries: content.red.length + content.black.length, records: content.records.length })
    .returning('issued_at').executeTakeFirstOrThrow();
  return { ...content, no, digest, issuedAt: (row.issued_at as Date).toISOString() };
}

/** What the platform recorded when it issued report `no`: for a receiver to compare with the paper. */
export async function verifyCreditReport(opts: { ctx: AppContext; no: string }) {
  const no = opts.no.trim().toUpperCase();
  const { rows } = await sql<{ no: string; digest: string; entries: number; records: number; issued_at: Date; name: string; uscc: string }>`
    SELECT r.no, r.digest, r.entries, r.records, r.issued_at, s.name, s.uscc FROM credit_report r JOIN subject s ON s.id = r.subject_id WHERE r.no = ${no}`.execute(opts.ctx.db);
  const r = rows[0];
  if (!r) throw errors.notFound(`编号为 ${no} 的信用报告`);
  return { no: r.no, subject: { name: r.name, uscc: r.uscc }, issuedAt: r.issued_at.toISOString(), digest: r.digest, entries: r.entries, records: r.records };
}
