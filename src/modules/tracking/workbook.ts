// The quarterly report as the Excel workbook a credit office files (季度跟踪问效报告): a summary per
// department, the laggards with their reasons, and a sheet saying what each figure counts.
import { PassThrough } from 'node:stream';
import type { DepartmentFigures } from '../../domain/tracking.js';
import type { QuarterlyReport } from './use-cases.js';

const COLUMNS: [string, number, (f: DepartmentFigures & { rates?: Record<string, number | null> }) => number | string | null][] = [
  ['双公示报送（条）', 12, (f) => f.collection.delivered],
  ['按时报送', 10, (f) => f.collection.onTime],
  ['超期报送', 10, (f) => f.collection.late],
  ['被拒绝行', 10, (f) => f.collection.rejected],
  ['按时率%', 10, (f) => f.rates?.dualPublicityOnTime ?? null],
  ['发布名单', 10, (f) => f.entries.published],
  ['名单退出', 10, (f) => f.entries.ended],
  ['推送名单', 10, (f) => f.tasks.pushed],
  ['已响应', 10, (f) => f.tasks.acknowledged],
  ['未响应', 10, (f) => f.tasks.pending],
  ['核查次数', 10, (f) => f.checks.total],
  ['命中名单', 10, (f) => f.checks.hits],
  ['需反馈', 10, (f) => f.checks.feedbackDue],
  ['已反馈', 10, (f) => f.checks.feedbackGiven],
  ['反馈率%', 10, (f) => f.rates?.feedback ?? null],
  ['超期反馈', 10, (f) => f.checks.feedbackLate],
  ['反馈逾期未交', 12, (f) => f.checks.overdue],
  ['异议受理', 10, (f) => f.objections.received],
  ['异议办结', 10, (f) => f.objections.decided],
  ['异议超期', 10, (f) => f.objections.late + f.objections.overdue],
  ['修复申请', 10, (f) => f.repairs.received],
  ['修复通过', 10, (f) => f.repairs.approved],
  ['修复不予通过', 12, (f) => f.repairs.rejected],
  ['修复超期', 10, (f) => f.repairs.late + f.repairs.overdue],
  ['举报受理', 10, (f) => f.reports.received],
  ['举报办结', 10, (f) => f.reports.closed],
  ['举报超期', 10, (f) => f.reports.overdue],
];

const NOTES = [
  ['统计口径', '季度内产生的事项及其截至统计日的办理情况；日期按北京时间。'],
  ['双公示', '行政许可、行政处罚自作出决定之日起 7 个工作日内报送（国发〔2016〕33号），按法定节假日与调休计算工作日。'],
  ['推送名单', '名单发布后推送给各合作备忘录实施部门的响应任务；未响应为截至统计日仍未确认的任务。'],
  ['命中名单', '核查结果中列有该主体名单记录（含异议暂停期间）的核查。'],
  ['需反馈', '核查返回联合奖惩措施、须在期限内提交执行反馈的核查；反馈率 = 已反馈 ÷ 需反馈。'],
  ['异议', '按数据提供单位统计；受理、转办阶段的逾期计入信用办。'],
  ['修复、举报', '按决定（办理）部门统计；尚未指派的举报计入信用办。'],
  ['报送时限', '各地、各部门每季度首月 5 日前报送上季度工作开展情况（豫政〔2016〕65号 七(三)）；对落实不力的部门通报并督促整改（五(九)）。'],
];

export async function quarterlyWorkbook(report: QuarterlyReport): Promise<PassThrough> {
  const { default: ExcelJS } = await import('exceljs');
  const stream = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });

  const summary = wb.addWorksheet('汇总');
  summary.columns = [{ header: '部门', width: 34 }, { header: '统一社会信用代码', width: 22 }, ...COLUMNS.map(([header, width]) => ({ header, width }))];
  summary.getRow(1).font = { bold: true };
  summary.getRow(1).commit();
  for (const d of report.departments) summary.addRow([d.department.name, d.department.code, ...COLUMNS.map(([, , pick]) => pick(d))]).commit();
  const totals = summary.addRow(['合计', '', ...COLUMNS.map(([, , pick]) => pick(report.totals))]);
  totals.font = { bold: true };
  totals.commit();
  summary.commit();

  const laggards = wb.addWorksheet('落后单位');
  laggards.columns = [{ header: '部门', width: 34 }, { header: '统一社会信用代码', width: 22 }, { header: '问题', width: 90 }];
  laggards.getRow(1).font = { bold: true };
  laggards.getRow(1).commit();
  for (const l of report.laggards) laggards.addRow([l.department.name, l.department.code, l.reasons.join('；')]).commit();
  if (!report.laggards.length) laggards.addRow(['本季度无落后单位']).commit();
  laggards.commit();

  const notes = wb.addWorksheet('说明');
  notes.columns = [{ header: '项目', width: 16 }, { header: '说明', width: 100 }];
  notes.getRow(1).font = { bold: true };
  notes.getRow(1).commit();
  notes.addRow(['季度', `${report.quarter.code}（${report.quarter.from} 至 ${report.quarter.to}），报送截止 ${report.quarter.dueOn}`]).commit();
  notes.addRow(['统计日', report.asOf]).commit();
  for (const n of NOTES) notes.addRow(n).commit();
  for (const w of report.warnings) notes.addRow(['提示', w]).commit();
  notes.commit();

  void wb.commit().catch((e: Error) => stream.destroy(e));
  return stream;
}
