// The working-day calendar (loaded per year, warnings for missing years), 双公示 timeliness per
// department, publication windows from the policy tables and the expiry sweep.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { addDays, workingDaysBetween, type WorkCalendar } from '../src/domain/working-days.js';
import { loadCalendar, today } from '../src/modules/calendar/use-cases.js';
import { sweepPublication } from '../src/modules/records/sweep.js';
import { makeDepartment, makeKey } from './support/factories.js';
import { client } from './support/http.js';
import { startPlatform, type TestPlatform } from './support/platform.js';
import { penaltyFactory, tempDir, upload, writeCsv } from './fixtures/collection/files.js';

let p: TestPlatform;
let admin: ReturnType<typeof client>;
let adminKey: string;
let officerKey: string;
let officer: ReturnType<typeof client>;
let other: ReturnType<typeof client>;
let deptCode: string;
let dir: string;

before(async () => {
  p = await startPlatform();
  adminKey = await makeKey(p.ctx, { role: 'admin' });
  admin = client(p.baseUrl, adminKey);
  const dept = await makeDepartment(p.ctx, { name: '郑州市生态环境局', roles: ['provider'] });
  deptCode = dept.code;
  officerKey = await makeKey(p.ctx, { department: dept.code, role: 'officer' });
  officer = client(p.baseUrl, officerKey);
  other = client(p.baseUrl, await makeKey(p.ctx, { department: (await makeDepartment(p.ctx, { roles: ['provider'] })).code, role: 'officer' }));
  dir = tempDir();
});
after(() => p.close());

// A plausible 2027 notice, for the test only (the real one is published by the State Council).
const NOTICE_2027 = {
  notice: '测试用 2027 年放假安排',
  holidays: [{ date: '2027-01-01', name: '元旦' }, { date: '2027-01-02', name: '元旦' }, { date: '2027-01-03', name: '元旦' },
    ...['06', '07', '08', '09', '10', '11', '12', '13'].map((d) => ({ date: `2027-02-${d}`, name: '春节' }))],
  workdays: [{ date: '2027-02-14', name: '春节' }],
};

describe('calendar', () => {
  test('seeded from chinese-days up to its last year; from 1 November a missing next year is announced', async () => {
    const s = await officer.get('/api/v1/calendar/status');
    assert.equal(s.status, 200);
    assert.ok(s.body.years.some((y: { year: number; source: string }) => y.year === 2026 && y.source === 'chinese-days'));
    const year = Number(s.body.today.slice(0, 4));
    const announced = s.body.warnings.some((w: string) => w.includes(String(year + 1)));
    assert.equal(announced, Number(s.body.today.slice(5, 7)) >= 11 && !s.body.nextYearLoaded);
  });

  test('a deadline running into a year without data warns; once loaded, the year\'s holidays count', async () => {
    const before = await officer.get('/api/v1/calendar/deadline?from=2026-12-28&workingDays=7');
    assert.equal(before.body.date, '2027-01-06');
    assert.ok(before.body.warnings.some((w: string) => w.includes('2027 年的节假日安排尚未导入')));
    assert.equal((await put(officerKey, '/api/v1/calendar/2027', NOTICE_2027)).status, 403);
    assert.equal((await put(await makeKey(p.ctx, { department: deptCode, role: 'admin' }), '/api/v1/calendar/2027', NOTICE_2027)).status, 403);
    assert.equal((await put(adminKey, '/api/v1/calendar/2027', NOTICE_2027)).status, 200);
    const after = await officer.get('/api/v1/calendar/deadline?from=2026-12-28&workingDays=7');
    assert.equal(after.body.date, '2027-01-07'); // 2027-01-01 is now a holiday
    assert.ok(!after.body.warnings.some((w: string) => w.includes('2027 年的节假日安排尚未导入')));
    const year = await officer.get('/api/v1/calendar/2027');
    assert.deepEqual([year.body.holidays.length, year.body.workdays.length, year.body.source], [11, 1, 'api']);
  });

  test('a notice is checked: dates in its year, make-up days on weekends', async () => {
    const r1 = await put(adminKey, '/api/v1/calendar/2028', { holidays: [{ date: '2027-10-01', name: '国庆节' }], workdays: [] });
    assert.equal(r1.status, 400);
    const r2 = await put(adminKey, '/api/v1/calendar/2028', { holidays: [{ date: '2028-10-02', name: '国庆节' }], workdays: [{ date: '2028-10-04', name: '国庆节' }] });
    assert.equal(r2.status, 400);
    assert.match((await r2.json()).detail, /不是周六或周日/);
  });

  test('working days between two dates', async () => {
    const r = await officer.get('/api/v1/calendar/working-days?from=2026-09-30&to=2026-10-12');
    assert.equal(r.body.workingDays, 4); // 10-1…10-7 off, 10-8, 10-9, 10-10 (make-up Saturday), 10-12
  });
});

function put(key: string, url: string, body: unknown) {
  return fetch(p.baseUrl + url, { method: 'PUT', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** The latest decision date that is `n` working days before `to` — whether `to` (today) is a working day or not. */
function decidedWorkingDaysBefore(to: string, n: number, cal: WorkCalendar): string {
  let d = addDays(to, -1);
  while (workingDaysBetween(d, to, cal) < n) d = addDays(d, -1);
  assert.equal(workingDaysBetween(d, to, cal), n);
  return d;
}

describe('双公示 timeliness', () => {
  test('per department: delivered, on time, late (over 7 working days), rejected', async () => {
    const cal = await loadCalendar(p.ctx.db);
    const now = today();
    const f = penaltyFactory(21, deptCode);
    const rows = [
      f.org({ 处罚决定日期: decidedWorkingDaysBefore(now, 3, cal) }),
      f.org({ 处罚决定日期: decidedWorkingDaysBefore(now, 7, cal) }),
      f.org({ 处罚决定日期: decidedWorkingDaysBefore(now, 8, cal) }),
      f.org({ 违法事实: '' }),
    ];
    const r = await upload(p.baseUrl, officerKey, { type: 'admin_penalty', file: writeCsv(path.join(dir, 't.csv'), rows) });
    assert.equal(r.body.accepted, 3);
    const t = await officer.get(`/api/v1/collection/timeliness?from=${now}&to=${now}`);
    assert.equal(t.status, 200);
    const mine = t.body.items.find((i: { department: { code: string } }) => i.department.code === deptCode);
    assert.deepEqual([mine.delivered, mine.onTime, mine.late, mine.rejected], [3, 2, 1, 1]);
    const recs = (await officer.get('/api/v1/records?type=admin_penalty&limit=10')).body.items;
    assert.deepEqual(recs.map((x: { timeliness: { workingDays: number } }) => x.timeliness.workingDays).sort(), [3, 7, 8]);
    assert.equal((await other.get(`/api/v1/collection/timeliness?from=${now}&to=${now}&department=${deptCode}`)).status, 403);
    assert.ok(!(await other.get(`/api/v1/collection/timeliness?from=${now}&to=${now}`)).body.items.some((i: { department: { code: string } }) => i.department.code === deptCode));
    const all = await admin.get(`/api/v1/collection/timeliness?from=${now}&to=${now}`);
    assert.ok(all.body.items.some((i: { department: { code: string } }) => i.department.code === deptCode));
  });
});

describe('publication windows', () => {
  test('windows follow the policy in force on the decision date and the severity', async () => {
    const f = penaltyFactory(31, deptCode);
    const serious = f.org({ 处罚决定日期: '2026-05-20', 失信严重程度: '严重' });
    const old = f.org({ 处罚决定日期: '2025-06-10', 失信严重程度: '严重' });
    const gone = f.org({ 处罚决定日期: '2024-01-10' });
    await upload(p.baseUrl, officerKey, { type: 'admin_penalty', file: writeCsv(path.join(dir, 'w.csv'), [serious, old, gone]) });
    const get = async (row: Record<string, string>) => (await officer.get(`/api/v1/records?subject=${row['行政相对人代码_1(统一社会信用代码)']}`)).body.items[0];
    const a = await get(serious);
    assert.deepEqual(a.publication, { policy: 'gbf-2025-22', from: '2026-05-20', minUntil: '2027-05-20', maxUntil: '2029-05-20' });
    assert.equal(a.status, 'active');
    assert.deepEqual((await get(old)).publication, { policy: 'ndrc-2019-527', from: '2025-06-10', minUntil: '2025-12-10', maxUntil: '2028-06-10' });
    const g = await get(gone);
    assert.equal(g.status, 'expired'); // its one-year maximum ended in 2025
    assert.equal((await client(p.baseUrl).get(`/api/v1/public/records?subject=${gone['行政相对人代码_1(统一社会信用代码)']}`)).body.items.length, 0);
  });

  test('the sweep takes records past their maximum window off publication and announces it', async () => {
    const f = penaltyFactory(41, deptCode);
    const row = f.org({ 处罚决定日期: '2026-06-01' });
    await upload(p.baseUrl, officerKey, { type: 'admin_penalty', file: writeCsv(path.join(dir, 's.csv'), [row]) });
    const uscc = row['行政相对人代码_1(统一社会信用代码)'];
    assert.equal((await client(p.baseUrl).get(`/api/v1/public/records?subject=${uscc}`)).body.items.length, 1);
    const feedStart = (await officer.get('/api/v1/changes?after=0&limit=1000')).body.next;
    assert.equal(await sweepPublication(p.ctx.db, { today: '2027-06-01' }), 0); // the last day is still published
    assert.ok(await sweepPublication(p.ctx.db, { today: '2027-06-02' }) >= 1);
    const rec = (await officer.get(`/api/v1/records?subject=${uscc}`)).body.items[0];
    assert.equal(rec.status, 'expired');
    const changes = (await officer.get(`/api/v1/changes?after=${feedStart}&limit=1000`)).body.changes;
    assert.ok(changes.some((c: { type: string; data: { id: string } }) => c.type === 'record.expired' && c.data.id === rec.id));
  });
});
