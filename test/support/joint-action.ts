// A ready joint-action setting through the real API: court and tax (initiating), finance
// (implementing) with a procurement matter, black/red list types, measures and an in-force
// memorandum that finance has accepted.
import { makeKey, uscc } from './factories.js';
import { client } from './http.js';
import type { TestPlatform } from './platform.js';

type C = ReturnType<typeof client>;
const tag = () => Math.random().toString(36).slice(2, 7);

async function department(admin: C, name: string, roles: string[]) {
  const r = await admin.post('/api/v1/departments', { code: uscc({ authority: '1', entityType: '1', regionCode: '410000' }), name, regionCode: '410000', roles });
  if (r.status !== 201) throw new Error(`department: ${JSON.stringify(r.body)}`);
  return r.body.code as string;
}

export async function jointActionSetting(p: TestPlatform, opts: { accept?: boolean } = {}) {
  const t = tag();
  const admin = client(p.baseUrl, await makeKey(p.ctx, { role: 'admin' }));
  const court = await department(admin, `河南省高级人民法院${t}`, ['initiating']);
  const tax = await department(admin, `国家税务总局河南省税务局${t}`, ['initiating', 'provider', 'implementing']);
  const finance = await department(admin, `河南省财政厅${t}`, ['implementing']);
  const codes = { debtor: `debtor_${t}`, taxMajor: `tax_major_${t}`, aTaxpayer: `a_taxpayer_${t}`, matter: `CZ-CG-${t}`, memo: `memo_${t}`, memoRed: `memo_red_${t}` };
  const must = async (r: Promise<{ status: number; body: unknown }>) => { const x = await r; if (x.status >= 300) throw new Error(JSON.stringify(x.body)); return x.body as any; };
  await must(admin.post('/api/v1/list-types', { code: codes.debtor, name: '失信被执行人', kind: 'black', domain: '司法', initiatingDepartment: court, legalBasis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》', termMonths: 24, repairable: true, public: true }));
  await must(admin.post('/api/v1/list-types', { code: codes.taxMajor, name: '重大税收违法失信主体', kind: 'black', domain: '税务', initiatingDepartment: tax, legalBasis: '《重大税收违法失信主体信息公布管理办法》', termMonths: 36, repairable: true, public: true }));
  await must(admin.post('/api/v1/list-types', { code: codes.aTaxpayer, name: 'A级纳税人', kind: 'red', domain: '税务', initiatingDepartment: tax, legalBasis: '《纳税信用管理办法》', termMonths: 12, repairable: false, public: true }));
  await must(admin.post('/api/v1/matters', { code: codes.matter, name: '政府采购供应商资格审查', department: finance, category: '政府采购' }));
  const m = { org: `M-ORG-${t}`, person: `M-PER-${t}`, licence: `M-LIC-${t}`, reward: `M-RED-${t}` };
  await must(admin.post('/api/v1/measures', { code: m.org, kind: 'punishment', nature: 'mandatory', title: '限制参与政府采购活动', legalBasis: '《政府采购法》第二十二条', implementingDepartment: finance, appliesTo: ['organization'], matterCategories: ['政府采购'] }));
  await must(admin.post('/api/v1/measures', { code: m.person, kind: 'punishment', nature: 'recommended', title: '限制担任政府采购评审专家', legalBasis: '《政府采购评审专家管理办法》第十条', implementingDepartment: finance, appliesTo: ['responsible_person', 'natural_person'], matterCategories: [] }));
  await must(admin.post('/api/v1/measures', { code: m.licence, kind: 'punishment', nature: 'mandatory', title: '从严审核行政许可', legalBasis: '《行政许可法》', implementingDepartment: finance, appliesTo: ['organization'], matterCategories: ['行政许可'] }));
  await must(admin.post('/api/v1/measures', { code: m.reward, kind: 'reward', nature: 'recommended', title: '政府采购中给予信用加分', legalBasis: '《关于对纳税信用A级纳税人实施联合激励措施的合作备忘录》', implementingDepartment: finance, appliesTo: ['organization'], matterCategories: [] }));
  await must(admin.post('/api/v1/memoranda', { code: codes.memo, docNo: '发改财金〔2016〕141号', title: '关于对失信被执行人实施联合惩戒的合作备忘录', listTypes: [codes.debtor, codes.taxMajor], measures: [m.org, m.person, m.licence] }));
  await must(admin.post('/api/v1/memoranda', { code: codes.memoRed, docNo: '发改财金〔2016〕1467号', title: '关于对纳税信用A级纳税人实施联合激励措施的合作备忘录', listTypes: [codes.aTaxpayer], measures: [m.reward] }));
  const keys = {
    court: client(p.baseUrl, await makeKey(p.ctx, { department: court, role: 'officer' })),
    tax: client(p.baseUrl, await makeKey(p.ctx, { department: tax, role: 'officer' })),
    financeOfficer: client(p.baseUrl, await makeKey(p.ctx, { department: finance, role: 'officer' })),
    financeSystem: client(p.baseUrl, await makeKey(p.ctx, { department: finance, role: 'system' })),
  };
  if (opts.accept !== false) {
    await must(keys.financeOfficer.post(`/api/v1/memoranda/${codes.memo}/accept`));
    await must(keys.financeOfficer.post(`/api/v1/memoranda/${codes.memoRed}/accept`));
  }
  return { admin, departments: { court, tax, finance }, codes, measures: m, ...keys };
}
