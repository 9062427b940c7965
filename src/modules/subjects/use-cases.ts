// Subjects: found or created by identifier, renamed with history, related to answerable persons,
// looked up by staff (every look at a person is audited) and searched by name.
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/database.js';
import { searchText } from '../../domain/names.js';
import { errors } from '../../errors.js';
import { recordAudit } from '../audit/record.js';
import { recordChange } from '../changes/record.js';
import { actorOf, type Actor, type Principal } from '../auth/principal.js';
import { resolveIdentity, sealIdNumber, nameKeyOf, type Identity, type SubjectInput } from './identity.js';
import { presentSubject, type SubjectView } from './present.js';
import * as store from './store.js';

export const RELATION_ROLES = ['legal_representative', 'principal', 'directly_responsible'] as const;

async function searchTextOf(tx: Tx, subjectId: string, name: string): Promise<string> {
  const others = await store.otherNames(tx, subjectId);
  return [name, ...others.map((o) => o.name)].map(searchText).join(' ');
}

/** Finds the subject with this identifier or creates it; a differing name is kept as an alias. */
export async function findOrCreateSubject(tx: Tx, ctx: AppContext, actor: Actor, id: Identity): Promise<{ row: store.SubjectRow; created: boolean }> {
  const existing = id.uscc ? await store.findByUscc(tx, id.uscc) : await store.findByBlind(tx, id.blind!);
  if (existing) {
    if (existing.name_key !== id.nameKey && await store.insertOtherName(tx, { subjectId: existing.id, name: id.name, nameKey: id.nameKey, kind: 'alias' })) {
      await store.refreshSearchText(tx, existing.id, await searchTextOf(tx, existing.id, existing.name));
    }
    return { row: existing, created: false };
  }
  const row = await store.insertSubject(tx, {
    kind: id.kind, name: id.name, name_key: id.nameKey, uscc: id.uscc, org_code: id.orgCode, reg_no: id.regNo, region_code: id.regionCode,
    ...(id.idNumber ? sealIdNumber(ctx.config, id.idNumber) : { id_cipher: null, id_key_version: null, id_masked: null }),
    id_blind: id.blind, search_text: searchText(id.name),
  });
  if (!row) {
    // a concurrent transaction created it first: use that one
    const again = id.uscc ? await store.findByUscc(tx, id.uscc) : await store.findByBlind(tx, id.blind!);
    return { row: again!, created: false };
  }
  await recordAudit(tx, { actor, action: 'subject.created', entityType: 'subject', entityId: row.id, data: { kind: row.kind, uscc: row.uscc, masked: row.id_masked } });
  await recordChange(tx, { type: 'subject.created', subjectId: row.id, isPublic: row.kind !== 'natural_person', data: { id: row.id, kind: row.kind, name: row.kind === 'natural_person' ? null : row.name, uscc: row.uscc } });
  return { row, created: true };
}

export async function registerSubject(opts: { ctx: AppContext; principal: Principal; input: SubjectInput }): Promise<{ subject: SubjectView; created: boolean }> {
  const { ctx, principal } = opts;
  const identity = resolveIdentity(opts.input, ctx.config, 'body');
  const { row, created } = await ctx.db.transaction().execute((tx) => findOrCreateSubject(tx, ctx, actorOf(principal), identity));
  return { subject: await presentSubject({ ctx, principal, row, audit: false }), created };
}

export async function getSubject(opts: { ctx: AppContext; principal: Principal; id: string }): Promise<SubjectView> {
  const { ctx, principal } = opts;
  if (!/^[0-9a-f-]{36}$/i.test(opts.id)) throw errors.notFound('该主体');
  const row = await store.findById(ctx.db, opts.id);
  if (!row) throw errors.notFound('该主体');
  return presentSubject({ ctx, principal, row, audit: true });
}

export async function renameSubject(opts: { ctx: AppContext; principal: Principal; id: string; name: string; changedOn?: string }): Promise<SubjectView> {
  const { ctx, principal } = opts;
  if (principal.role === 'system') throw errors.forbidden('更名需由经办人或管理员操作。');
  const row = await store.findById(ctx.db, opts.id);
  if (!row) throw errors.notFound('该主体');
  const name = opts.name.trim();
  if (!name) throw errors.validation([{ path: 'body.name', message: '名称不能为空' }]);
  await ctx.db.transaction().execute(async (tx) => {
    await store.insertOtherName(tx, { subjectId: row.id, name: row.name, nameKey: row.name_key, kind: 'former', untilOn: opts.changedOn ?? null });
    await store.updateSubject(tx, row.id, { name, name_key: nameKeyOf(row.kind, name) });
    await store.refreshSearchText(tx, row.id, await searchTextOf(tx, row.id, name));
    await recordAudit(tx, { actor: actorOf(principal), action: 'subject.renamed', entityType: 'subject', entityId: row.id, data: { from: row.name, to: name } });
    await recordChange(tx, { type: 'subject.updated', subjectId: row.id, isPublic: row.kind !== 'natural_person', data: { id: row.id, name: row.kind === 'natural_person' ? null : name, formerName: row.kind === 'natural_person' ? null : row.name } });
  });
  return getSubject({ ctx, principal, id: row.id });
}

export async function addRelation(opts: {
  ctx: AppContext; principal: Principal; organizationId: string;
  input: { role: (typeof RELATION_ROLES)[number]; person: { name: string; idNumber: string }; startsOn?: string; endsOn?: string };
}): Promise<{ id: string; created: boolean }> {
  const { ctx, principal, input } = opts;
  if (principal.role === 'system') throw errors.forbidden('关联人员需由经办人或管理员操作。');
  const org = await store.findById(ctx.db, opts.organizationId);
  if (!org || org.kind === 'natural_person') throw errors.notFound('该组织');
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) {
    throw errors.validation([{ path: 'body.endsOn', message: '结束日期不能早于开始日期' }]);
  }
  const person = resolveIdentity({ kind: 'natural_person', ...input.person }, ctx.config, 'body.person');
  return ctx.db.transaction().execute(async (tx) => {
    const actor = actorOf(principal);
    const { row } = await findOrCreateSubject(tx, ctx, actor, person);
    const rel = await store.insertRelation(tx, { organizationId: org.id, personId: row.id, role: input.role, startsOn: input.startsOn ?? null, endsOn: input.endsOn ?? null });
    if (rel) await recordAudit(tx, { actor, action: 'subject.related', entityType: 'subject', entityId: org.id, data: { personId: row.id, role: input.role, startsOn: input.startsOn ?? null } });
    return { id: rel?.id ?? '', created: !!rel };
  });
}

