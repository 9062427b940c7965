// The foundation through its HTTP API: health, identifiers, departments, keys, subjects, errors.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_ORG } from '../src/modules/demo/fixtures.js';
import { client } from './support/http.js';
import { idNumber, makeDepartment, makeKey, uscc } from './support/factories.js';
import { startPlatform, type TestPlatform } from './support/platform.js';

let p: TestPlatform;
let admin: ReturnType<typeof client>;

before(async () => {
  p = await startPlatform({ demo: true });
  admin = client(p.baseUrl, await makeKey(p.ctx, { role: 'admin' }));
});
after(() => p.close());

describe('security headers', () => {
  test('API answers carry the REST set: not cached, not framed, not sniffed, HTTPS only', async () => {
    for (const path of ['/api/v1/health', `/api/v1/identifiers/${DEMO_ORG.uscc}`, '/api/v1/no-such-route']) {
      const r = await fetch(p.baseUrl + path);
      assert.equal(r.headers.get('cache-control'), 'no-store', path);
      assert.equal(r.headers.get('content-security-policy'), "frame-ancestors 'none'", path);
      assert.equal(r.headers.get('x-frame-options'), 'DENY', path);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff', path);
      assert.match(r.headers.get('strict-transport-security') ?? '', /max-age=\d+/, path);
      assert.equal(r.headers.get('referrer-policy'), 'no-referrer', path);
    }
  });

  test('pages (here the API documentation) carry the full set with a script policy', async () => {
    const r = await fetch(`${p.baseUrl}/api/docs/static/index.html`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.equal(r.headers.get('x-frame-options'), 'SAMEORIGIN');
    assert.equal(r.headers.get('cross-origin-opener-policy'), 'same-origin');
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
  });
});

describe('health and identifiers', () => {
  test('health names the database kind', async () => {
    const r = await client(p.baseUrl).get('/api/v1/health');
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { status: 'ok', database: 'server' });
  });

  test('a valid USCC is explained', async () => {
    const r = await client(p.baseUrl).get(`/api/v1/identifiers/${DEMO_ORG.uscc}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.type, 'uscc');
    assert.equal(r.body.valid, true);
    assert.equal(r.body.details.regionCode, '410100');
    assert.match(r.body.details.regionName, /郑州/);
  });

  test('a full-width lower-case value is normalised before checking', async () => {
    const fullWidth = [...DEMO_ORG.uscc.toLowerCase()].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    const r = await client(p.baseUrl).get(`/api/v1/identifiers/${encodeURIComponent(fullWidth)}`);
    assert.equal(r.body.value, DEMO_ORG.uscc);
    assert.equal(r.body.valid, true);
  });

  test('a wrong check character is an error with a Chinese message, still 200', async () => {
    const bad = DEMO_ORG.uscc.slice(0, 17) + (DEMO_ORG.uscc[17] === '0' ? '1' : '0');
    const r = await client(p.baseUrl).get(`/api/v1/identifiers/${bad}?type=uscc`);
    assert.equal(r.body.valid, false);
    assert.ok(r.body.errors.some((e: { message: string }) => /校验/.test(e.message)));
  });

  test('an unknown ?type is a problem+json 400', async () => {
    const r = await client(p.baseUrl).get(`/api/v1/identifiers/${DEMO_ORG.uscc}?type=passport`);
    assert.equal(r.status, 400);
    assert.match(r.contentType, /application\/problem\+json/);
    assert.equal(r.body.code, 'VALIDATION_FAILED');
  });
});

describe('errors are problem+json in Chinese and nothing is half-written', () => {
  test('malformed JSON', async () => {
    const r = await admin.post('/api/v1/departments', '{"code": ');
    assert.equal(r.status, 400);
    assert.equal(r.body.code, 'MALFORMED_JSON');
    assert.match(r.body.detail, /JSON/);
  });

  test('unknown field and wrong identifier', async () => {
    const r1 = await admin.post('/api/v1/departments', { code: uscc(), name: '某某局', regionCode: '410000', roles: ['provider'], boss: 'x' });
    assert.equal(r1.status, 400);
    assert.equal(r1.body.errors[0].path, 'body.boss');
    const r2 = await admin.post('/api/v1/departments', { code: '91410100MA3X5K7Q10', name: '某某局', regionCode: '410000', roles: ['provider'] });
    assert.equal(r2.status, 400);
    assert.match(r2.body.errors[0].message, /统一社会信用代码/);
    const list = await admin.get('/api/v1/departments');
    assert.ok(!list.body.items.some((d: { name: string }) => d.name === '某某局'));
  });

  test('a wrong choice names the allowed values once, in Chinese', async () => {
    const r = await admin.post('/api/v1/departments', { code: uscc(), name: '某某局', regionCode: '410000', roles: ['judge'] });
    assert.equal(r.status, 400);
    const onRole = r.body.errors.filter((e: { path: string }) => e.path === 'body.roles.0');
    assert.equal(onRole.length, 1, JSON.stringify(r.body.errors));
    assert.equal(onRole[0].message, '取值应为以下之一：provider、initiating、implementing');
    assert.doesNotMatch(r.body.detail, /const|anyOf/);
    assert.match(r.body.detail, /provider、initiating、implementing/);
  });

  test('a value-or-null field and an impossible date say what would do', async () => {
    const dept = await makeDepartment(p.ctx, { roles: ['initiating'] });
    const r = await admin.post('/api/v1/list-types', { code: 'LT-NEG', name: '测试名单', kind: 'grey', domain: '测试', initiatingDepartment: dept.code, legalBasis: '测试依据', termMonths: -1, repairable: true, public: true });
    assert.equal(r.status, 400);
    const by = new Map(r.body.errors.map((e: { path: string; message: string }) => [e.path, e.message]));
    assert.equal(by.get('body.kind'), '取值应为以下之一：red、black');
    assert.match(String(by.get('body.termMonths')), /不能小于 1.*空值/);
    const cal = await admin.get('/api/v1/calendar/working-days?from=2026-02-30&to=2026-03-05');
    assert.equal(cal.status, 400);
    assert.match(cal.body.detail, /有效的日期/);
  });

  test('wrong key is 401, no key on a guarded route is 401', async () => {
    const r = await client(p.baseUrl, 'xy_not-a-key').get('/api/v1/departments');
    assert.equal(r.status, 401);
    assert.equal(r.body.code, 'INVALID_KEY');
    assert.equal((await client(p.baseUrl).get('/api/v1/departments')).status, 401);
  });

  test('unknown route is a problem+json 404', async () => {
    const r = await admin.get('/api/v1/nothing-here');
    assert.equal(r.status, 404);
    assert.match(r.contentType, /problem\+json/);
  });
});

describe('departments and keys', () => {
  test('admin creates a department; duplicate code is 409', async () => {
    const code = uscc({ authority: '1', entityType: '1' });
    const r = await admin.post('/api/v1/departments', { code, name: '河南省生态环境厅', regionCode: '410000', roles: ['initiating', 'implementing'] });
    assert.equal(r.status, 201);
    assert.equal(r.body.code, code);
    assert.deepEqual(r.body.roles, ['initiating', 'implementing']);
    const again = await admin.post('/api/v1/departments', { code, name: '重复', regionCode: '410000', roles: ['provider'] });
    assert.equal(again.status, 409);
  });

  test('POST /keys shows the key once; it works; revoked it stops working', async () => {
    const dept = await makeDepartment(p.ctx);
    const r = await admin.post('/api/v1/keys', { department: dept.code, role: 'system', name: '审批系统' });
    assert.equal(r.status, 201);
    assert.match(r.body.key, /^xy_/);
    const sys = client(p.baseUrl, r.body.key);
    assert.equal((await sys.get('/api/v1/auth/me')).body.user.department.code, dept.code);
    const listed = await admin.get('/api/v1/keys');
    const entry = listed.body.items.find((k: { id: string }) => k.id === r.body.id);
    assert.ok(entry && !('key' in entry) && entry.prefix.length < 12);
    assert.equal((await admin.delete(`/api/v1/keys/${r.body.id}`)).status, 204);
    assert.equal((await sys.get('/api/v1/auth/me')).status, 401);
  });

  test('officer and system keys cannot create keys or departments', async () => {
    const dept = await makeDepartment(p.ctx);
    for (const role of ['officer', 'system'] as const) {
      const c = client(p.baseUrl, await makeKey(p.ctx, { department: dept.code, role }));
      assert.equal((await c.post('/api/v1/keys', { role: 'admin' })).status, 403);
      assert.equal((await c.post('/api/v1/departments', { code: uscc(), name: '某局', regionCode: '410000', roles: ['provider'] })).status, 403);
    }
  });
});

describe('subjects', () => {
  test('organisations are unique by USCC; another name becomes an alias; search finds both', async () => {
    const code = uscc({ regionCode: '410105' });
    const r1 = await admin.post('/api/v1/subjects', { kind: 'organization', uscc: code, name: '郑州星辰物流有限责任公司' });
    assert.equal(r1.status, 201);
    const r2 = await admin.post('/api/v1/subjects', { kind: 'organization', uscc: code.toLowerCase(), name: '星辰物流（郑州）有限公司' });
    assert.equal(r2.status, 200);
    assert.equal(r2.body.id, r1.body.id);
    const s = await admin.get(`/api/v1/subjects/${r1.body.id}`);
    assert.equal(s.body.name, '郑州星辰物流有限责任公司');
    const search = await admin.get(`/api/v1/subjects?q=${encodeURIComponent('星辰物流')}`);
    assert.ok(search.body.items.some((h: { id: string }) => h.id === r1.body.id));
  });

  test('rename keeps the former name, which still finds the subject', async () => {
    const code = uscc();
    const { body } = await admin.post('/api/v1/subjects', { kind: 'organization', uscc: code, name: '河南旧名商贸有限公司' });
    const renamed = await admin.post(`/api/v1/subjects/${body.id}/rename`, { name: '河南新名商贸有限公司', changedOn: '2025-06-01' });
    assert.equal(renamed.body.name, '河南新名商贸有限公司');
    assert.deepEqual(renamed.body.formerNames, [{ name: '河南旧名商贸有限公司', until: '2025-06-01' }]);
    const search = await client(p.baseUrl).get(`/api/v1/public/search?q=${encodeURIComponent('旧名商贸')}`);
    assert.ok(search.body.items.some((h: { id: string }) => h.id === body.id));
  });

  test('an individual business code cannot be registered as an organisation', async () => {
    const r = await admin.post('/api/v1/subjects', { kind: 'organization', uscc: uscc({ authority: '9', entityType: '2' }), name: '老王面馆' });
    assert.equal(r.status, 400);
    assert.match(r.body.errors[0].message, /个体工商户/);
  });

  test('persons: unique by ID number (15-digit legacy matches 18-digit), encrypted at rest', async () => {
    const id18 = idNumber({ birthDate: '1965-04-12' });
    const id15 = id18.slice(0, 6) + id18.slice(8, 17);
    const r1 = await admin.post('/api/v1/subjects', { kind: 'natural_person', idNumber: id18, name: '赵德柱' });
    const r2 = await admin.post('/api/v1/subjects', { kind: 'natural_person', idNumber: id15, name: '赵德柱' });
    assert.equal(r1.status, 201);
    assert.equal(r2.body.id, r1.body.id);
    const raw = await p.ctx.db.selectFrom('subject').selectAll().where('id', '=', r1.body.id).executeTakeFirstOrThrow();
    assert.ok(!raw.id_cipher!.toString('latin1').includes(id18.slice(6, 14)));
    assert.equal(raw.id_masked, `${id18.slice(0, 4)}**********${id18.slice(14)}`);
  });

  test('relations link an organisation to its legal representative', async () => {
    const org = await admin.post('/api/v1/subjects', { kind: 'organization', uscc: uscc(), name: '河南关联测试有限公司' });
    const person = idNumber();
    const rel = await admin.post(`/api/v1/subjects/${org.body.id}/relations`, { role: 'legal_representative', person: { name: '钱多多', idNumber: person }, startsOn: '2020-01-01' });
    assert.equal(rel.status, 201);
    const s = await admin.get(`/api/v1/subjects/${org.body.id}`);
    assert.equal(s.body.relations[0].role, 'legal_representative');
    assert.equal(s.body.relations[0].person.name, '钱多多');
    assert.equal(s.body.relations[0].person.idNumberMasked, `${person.slice(0, 4)}**********${person.slice(14)}`);
  });

  test('public search: by USCC and name; persons never by name', async () => {
    const pub = client(p.baseUrl);
    const byCode = await pub.get(`/api/v1/public/search?q=${DEMO_ORG.uscc}`);
    assert.equal(byCode.body.items[0].name, DEMO_ORG.name);
    assert.equal(byCode.body.items[0].matchedBy, 'uscc');
    const byPersonName = await pub.get(`/api/v1/public/search?q=${encodeURIComponent('王建国')}`);
    assert.equal(byPersonName.body.items.length, 0);
    const profile = await pub.get(`/api/v1/public/subjects/${DEMO_ORG.uscc}`);
    assert.equal(profile.body.subject.name, DEMO_ORG.name);
    const short = await pub.get(`/api/v1/public/search?q=${encodeURIComponent('豫')}`);
    assert.equal(short.status, 400);
    assert.equal(short.body.code, 'QUERY_TOO_SHORT');
  });
});
