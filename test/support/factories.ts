// Test data made through the real use cases (no SQL shortcuts), with valid, unique identifiers.
import { sql } from 'kysely';
import type { AppContext } from '../../src/context.js';
import { recordChange } from '../../src/modules/changes/record.js';
import { makeRic, makeUscc } from '../../src/domain/identifiers/generate.js';
import { createApiKey } from '../../src/modules/auth/keys.js';
import type { Role } from '../../src/modules/auth/principal.js';
import { createUser } from '../../src/modules/auth/users.js';
import * as departments from '../../src/modules/departments/store.js';

export const rand = () => Math.random();
export const uscc = (opts: Parameters<typeof makeUscc>[1] = {}) => makeUscc(rand, { authority: '9', entityType: '1', ...opts });
export const idNumber = (opts: Parameters<typeof makeRic>[1] = {}) => makeRic(rand, opts);

let counter = 0;

export async function makeDepartment(ctx: AppContext, opts: { roles?: string[]; name?: string } = {}) {
  counter += 1;
  const code = makeUscc(rand, { authority: '1', entityType: '1', regionCode: '410000' });
  const row = await ctx.db.transaction().execute((tx) => departments.insertDepartment(tx, {
    code, name: opts.name ?? `测试部门${counter}`, regionCode: '410000', roles: opts.roles ?? ['provider', 'initiating', 'implementing'],
  }));
  return row!;
}

export async function makeKey(ctx: AppContext, opts: { department?: string; role: Role }): Promise<string> {
  return (await createApiKey({ db: ctx.db, principal: null, departmentCode: opts.department, role: opts.role })).key;
}

export async function makeUser(ctx: AppContext, opts: { department?: string; role: 'admin' | 'officer'; password?: string }) {
  counter += 1;
  const password = opts.password ?? 'Test-Passw0rd!';
  const username = `user${counter}_${Math.random().toString(36).slice(2, 7)}`;
  await createUser({ db: ctx.db, principal: null, input: { department: opts.department, username, displayName: `用户${counter}`, role: opts.role, password } });
  return { username, password };
}

/**
 * A subject registered `years` ago (the green channel needs three clean years). Time cannot pass in
 * a test, so the date is set in SQL — with the change an administrator's data correction records, so
 * that the processes' subject indexes read the subject again (ADR 015), as they would have loaded it.
 */
export async function backdateSubject(ctx: AppContext, uscc: string, years: number): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    const row = await tx.updateTable('subject').set({ created_at: sql`now() - make_interval(years => ${years})` as unknown as Date })
      .where('uscc', '=', uscc).returning(['id', 'kind']).executeTakeFirstOrThrow();
    await recordChange(tx, { type: 'subject.updated', subjectId: row.id, isPublic: row.kind !== 'natural_person', data: { id: row.id, registeredYearsAgo: years } });
  });
  ctx.checks?.noteLocalWrite(); // written in this process, outside a request: the next check must see it
}
