// Demo joint action on the seeded national data: the tax bureau lists one demo company as a major
// tax violator and another as an A-grade taxpayer; the finance department implements the
// procurement measures, has accepted the memoranda and checks in its procurement matter.
import type { AppContext } from '../../context.js';
import type { Principal } from '../auth/principal.js';
import { findDepartmentByCode, type DepartmentRow } from '../departments/store.js';
import { publishEntry } from '../lists/entries.js';
import * as lists from '../lists/store.js';
import * as memoranda from '../memoranda/store.js';
import * as measures from '../measures/store.js';
import { DEMO_DEPARTMENTS, DEMO_ORG, DEMO_ORGS, DEMO_PERSONS } from './fixtures.js';

export const DEMO_MATTER = 'CZ-ZFCG-001';

function actingAs(d: DepartmentRow): Principal {
  return { type: 'key', id: 'demo', role: 'officer', departmentId: d.id, departmentCode: d.code, departmentName: d.name, departmentRoles: d.roles, platform: false, viaSession: false };
}

export async function loadDemoJointAction(ctx: AppContext): Promise<void> {
  const [, taxCode, financeCode] = DEMO_DEPARTMENTS.map((d) => d.code);
  const tax = (await findDepartmentByCode(ctx.db, taxCode))!;
  const finance = (await findDepartmentByCode(ctx.db, financeCode))!;
  await ctx.db.transaction().execute(async (tx) => {
    for (const code of ['major_tax_violation', 'a_grade_taxpayer']) await lists.assignInitiator(tx, code, tax.id);
    for (const code of ['NP-PROCUREMENT-BAN', 'NP-FISCAL-FUNDS', 'NR-PRIORITY-FUNDS', 'NR-CREDIT-BONUS']) await measures.assignImplementer(tx, code, finance.id);
    await measures.insertMatter(tx, { code: DEMO_MATTER, name: '政府采购供应商资格审查', departmentId: finance.id, category: '政府采购' });
    for (const code of ['memo_tax_violation', 'memo_a_grade_taxpayer']) {
      const memo = (await memoranda.findMemorandum(tx, code))!;
      await tx.updateTable('memorandum').set({ status: 'in_force' }).where('id', '=', memo.id).execute();
      await memoranda.createAcceptances(tx, memo.id);
      await memoranda.accept(tx, memo.id, finance.id, 'demo');
    }
  });
  const asTax = actingAs(tax);
  const violator = DEMO_ORGS[1];
  await publishEntry({ ctx, principal: asTax, input: {
    listType: 'major_tax_violation', subject: { kind: 'organization', uscc: violator.uscc, name: violator.name },
    reason: '虚开增值税专用发票，偷税数额较大', decisionNo: '豫税稽罚〔2026〕12号', decidedOn: '2026-05-20', startsOn: '2026-06-01',
    responsiblePersons: [{ role: 'legal_representative', name: DEMO_PERSONS[1].name, idNumber: DEMO_PERSONS[1].idNumber }],
  } });
  await publishEntry({ ctx, principal: asTax, input: {
    listType: 'a_grade_taxpayer', subject: { kind: 'organization', uscc: DEMO_ORG.uscc, name: DEMO_ORG.name },
    reason: '2025年度纳税信用评价为A级', decisionNo: '豫税信〔2026〕A-0001', decidedOn: '2026-04-15', startsOn: '2026-04-15',
  } });
}
