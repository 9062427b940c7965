// Publishing many entries in one call (an initiating department's daily list). Rejected rows are
// reported with their index, field and reason. By default every good row is kept (one transaction
// per row); with allOrNothing all rows run in one transaction, each under a savepoint so that every
// bad row is still reported, and nothing is kept if any row fails.
import { sql } from 'kysely';
import type { AppContext } from '../../context.js';
import { AppError } from '../../errors.js';
import type { Principal } from '../auth/principal.js';
import { publishEntryIn, type EntryInput } from './entries.js';

export interface BatchReject { row: number; field: string; code: string; reason: string }

function rejectsOf(row: number, e: unknown): BatchReject[] {
  if (!(e instanceof AppError)) throw e;
  if (e.errors?.length) return e.errors.map((f) => ({ row, field: f.path.replace(/^body\./, ''), code: e.code, reason: f.message }));
  return [{ row, field: '', code: e.code, reason: e.detail }];
}

class RollBack extends Error {}

async function allOrNothing(ctx: AppContext, principal: Principal, entries: EntryInput[]) {
  const ids: string[] = [];
  const rejects: BatchReject[] = [];
  try {
    await ctx.db.transaction().execute(async (tx) => {
      for (const [i, input] of entries.entries()) {
        await sql`SAVEPOINT entry_row`.execute(tx);
        try {
          ids.push(await publishEntryIn(tx, ctx, principal, input));
          await sql`RELEASE SAVEPOINT entry_row`.execute(tx);
        } catch (e) {
          await sql`ROLLBACK TO SAVEPOINT entry_row`.execute(tx);
          rejects.push(...rejectsOf(i, e));
        }
      }
      if (rejects.length) throw new RollBack();
    });
  } catch (e) {
    if (!(e instanceof RollBack)) throw e;
    ids.length = 0;
  }
  return { ids, rejects };
}

async function eachOnItsOwn(ctx: AppContext, principal: Principal, entries: EntryInput[]) {
  const ids: string[] = [];
  const rejects: BatchReject[] = [];
  for (const [i, input] of entries.entries()) {
    try {
      ids.push(await ctx.db.transaction().execute((tx) => publishEntryIn(tx, ctx, principal, input)));
    } catch (e) {
      rejects.push(...rejectsOf(i, e));
    }
  }
  return { ids, rejects };
}

export async function publishEntries(opts: { ctx: AppContext; principal: Principal; entries: EntryInput[]; allOrNothing: boolean }) {
  const { ids, rejects } = await (opts.allOrNothing ? allOrNothing : eachOnItsOwn)(opts.ctx, opts.principal, opts.entries);
  return { accepted: ids.length, rejected: new Set(rejects.map((r) => r.row)).size, ids, rejects };
}
