import assert from 'node:assert/strict';
import { test } from 'node:test';
import { laggingReasons, lastEndedQuarter, parseQuarter, percent, quarterOf, type DepartmentFigures } from './tracking.js';

test('a quarter code gives its first and last day and the reporting date (5th of the next quarter)', () => {
  assert.deepEqual(parseQuarter('2026Q1'), { code: '2026Q1', from: '2026-01-01', to: '2026-03-31', dueOn: '2026-04-05' });
  assert.deepEqual(parseQuarter('2026Q2'), { code: '2026Q2', from: '2026-04-01', to: '2026-06-30', dueOn: '2026-07-05' });
  assert.deepEqual(parseQuarter('2026q3'), { code: '2026Q3', from: '2026-07-01', to: '2026-09-30', dueOn: '2026-10-05' });
  assert.deepEqual(parseQuarter(' 2026Q4 '), { code: '2026Q4', from: '2026-10-01', to: '2026-12-31', dueOn: '2027-01-05' });
});

test('malformed quarter codes are refused', () => {
  for (const bad of ['2026Q0', '2026Q5', '2026-Q3', 'Q3', '26Q3', '1999Q1', '', '2026Q3x']) assert.equal(parseQuarter(bad), null, bad);
});

test('the quarter of a day, and the last quarter that has ended', () => {
  assert.equal(quarterOf('2026-01-01').code, '2026Q1');
  assert.equal(quarterOf('2026-03-31').code, '2026Q1');
  assert.equal(quarterOf('2026-04-01').code, '2026Q2');
  assert.equal(quarterOf('2026-11-27').code, '2026Q4');
  assert.equal(lastEndedQuarter('2026-11-27').code, '2026Q3');
  assert.equal(lastEndedQuarter('2026-01-03').code, '2025Q4');
  assert.equal(lastEndedQuarter('2026-04-01').code, '2026Q1');
});

const clean = (): DepartmentFigures => ({
  collection: { delivered: 10, onTime: 10, late: 0, rejected: 2 },
  entries: { published: 2, ended: 1 },
  tasks: { pushed: 3, acknowledged: 3, pending: 0 },
  checks: { total: 50, hits: 4, feedbackDue: 4, feedbackGiven: 4, feedbackLate: 0, overdue: 0 },
  objections: { received: 1, decided: 1, late: 0, overdue: 0 },
  repairs: { received: 1, approved: 1, rejected: 0, late: 0, overdue: 0 },
  reports: { received: 0, closed: 0, overdue: 0 },
});

test('a department with everything on time does not lag (rejected rows are not lateness)', () => {
  assert.deepEqual(laggingReasons(clean()), []);
});

test('each kind of lateness is named with its count', () => {
  const cases: [(f: DepartmentFigures) => void, RegExp][] = [
    [(f) => { f.collection.late = 2; }, /双公示超期报送 2 条/],
    [(f) => { f.tasks.pending = 1; }, /1 条推送名单未响应/],
    [(f) => { f.checks.overdue = 3; }, /3 次核查的执行反馈已逾期/],
    [(f) => { f.checks.feedbackLate = 1; }, /1 次执行反馈超期提交/],
    [(f) => { f.objections.overdue = 1; }, /1 件异议超期未办结/],
    [(f) => { f.objections.late = 2; }, /2 件异议超期办结/],
    [(f) => { f.repairs.overdue = 1; }, /1 件信用修复申请超期未办结/],
    [(f) => { f.repairs.late = 1; }, /1 件信用修复申请超期办结/],
    [(f) => { f.reports.overdue = 4; }, /4 件举报超期未办结/],
  ];
  for (const [change, expected] of cases) {
    const f = clean();
    change(f);
    const reasons = laggingReasons(f);
    assert.equal(reasons.length, 1, String(expected));
    assert.match(reasons[0], expected);
  }
});

test('percent: two decimals, null without a base', () => {
  assert.equal(percent(1, 3), 33.33);
  assert.equal(percent(3, 3), 100);
  assert.equal(percent(0, 0), null);
});
