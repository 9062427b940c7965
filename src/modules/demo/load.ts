// Loads the demo departments, users and subjects into a database that has none of them yet.
// Idempotent: a second run finds the demo organisation and does nothing.
import type { AppContext } from '../../context.js';
import { recordAudit } from '../audit/record.js';
import { SYSTEM_ACTOR } from '../auth/principal.js';
import { createUser } from '../auth/users.js';
import * as departments from '../departments/store.js';
import { resolveIdentity } from '../subjects/identity.js';
import * as subjects from '../subjects/store.js';
import { findOrCreateSubject } from '../subjects/use-cases.js';
import { loadDemoJointAction } from './joint-action.js';
import { DEMO_DEPARTMENTS, DEMO_ORG, DEMO_ORGS, DEMO_PASSWORD, DEMO_PERSONS } from './fixtures.js';

export const DEMO_USERS = [
  { username: 'admin', displayName: '信用办管理员', role: 'admin' as const, department: undefined },
  { username: 'xyb', displayName: '信用办经办人', role: 'officer' as const, department: undefined },
  { username: 'scjg', displayName: '市场监管经办人', role: 'officer' as const, department: DEMO_DEPARTMENTS[0].code },
  { username: 'swj', displayName: '税务经办人', role: 'officer' as const, department: DEMO_DEPARTMENTS[1].code },
  { username: 'czt', displayName: '财政经办人', role: 'officer' as const, department: DEMO_DEPARTMENTS[2].code },
];

export async function loadDemo(ctx: AppContext): Promise<boolean> {
  if (await subjects.findByUscc(ctx.db, DEMO_ORG.uscc)) return false;
  await ctx.db.transaction().execute(async (tx) => {
    for (const d of DEMO_DEPARTMENTS) {
      const row = await departments.insertDepartment(tx, { ...d, roles: [...d.roles] });
      if (row) await recordAudit(tx, { actor: SYSTEM_ACTOR, action: 'department.created', entityType: 'department', entityId: row.id, departmentId: row.id, data: { code: row.code, demo: true } });
    }
  });
  for (const u of DEMO_USERS) {
    await createUser({ db: ctx.db, principal: null, input: { ...u, password: DEMO_PASSWORD } }).catch((e) => {
      if (e.code !== 'USERNAME_TAKEN') throw e;
    });
  }
  await ctx.db.transaction().execute(async (tx) => {
    const orgs = [];
    for (const o of DEMO_ORGS) {
      const kind = o.uscc.startsWith('92') ? 'individual_business' as const : 'organization' as const;
      orgs.push((await findOrCreateSubject(tx, ctx, SYSTEM_ACTOR, resolveIdentity({ kind, ...o }, ctx.config))).row);
    }
    for (const [i, p] of DEMO_PERSONS.entries()) {
      const person = (await findOrCreateSubject(tx, ctx, SYSTEM_ACTOR, resolveIdentity({ kind: 'natural_person', ...p }, ctx.config))).row;
      await subjects.insertRelation(tx, { organizationId: orgs[i].id, personId: person.id, role: 'legal_representative', startsOn: '2018-03-01', endsOn: null });
    }
  });
  await loadDemoJointAction(ctx);
  return true;
}
