import { Alert, Button, Flex, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { PageHeader } from '../../components/PageHeader.js';
import { isPlatform } from '../../permissions.js';
import type { User } from '../../types.js';
import { useApi } from '../../useApi.js';
import { recentQuarters, type DepartmentReport, type QuarterlyReport } from './quarters.js';

const rate = (v: number | null) => (v === null ? '—' : `${v}%`);
const late = (n: number) => (n ? <Typography.Text type="danger" strong>{n}</Typography.Text> : 0);

const columns: TableColumnsType<DepartmentReport> = [
  { title: '部门', key: 'department', fixed: 'left', width: 200, render: (_, d) => <span title={d.department.code}>{d.department.name}</span> },
  {
    title: '双公示', children: [
      { title: '报送', key: 'delivered', width: 64, render: (_, d) => d.collection.delivered },
      { title: '超期', key: 'lateDual', width: 64, render: (_, d) => late(d.collection.late) },
      { title: '按时率', key: 'dualRate', width: 76, render: (_, d) => rate(d.rates.dualPublicityOnTime) },
    ],
  },
  {
    title: '名单', children: [
      { title: '发布', key: 'published', width: 64, render: (_, d) => d.entries.published },
      { title: '推送', key: 'pushed', width: 64, render: (_, d) => d.tasks.pushed },
      { title: '未响应', key: 'pending', width: 72, render: (_, d) => late(d.tasks.pending) },
    ],
  },
  {
    title: '核查与反馈', children: [
      { title: '核查', key: 'checks', width: 64, render: (_, d) => d.checks.total },
      { title: '命中', key: 'hits', width: 64, render: (_, d) => d.checks.hits },
      { title: '需反馈', key: 'due', width: 72, render: (_, d) => d.checks.feedbackDue },
      { title: '反馈率', key: 'feedbackRate', width: 76, render: (_, d) => rate(d.rates.feedback) },
      { title: '逾期', key: 'overdue', width: 64, render: (_, d) => late(d.checks.overdue + d.checks.feedbackLate) },
    ],
  },
  {
    title: '异议 / 修复 / 举报', children: [
      { title: '异议', key: 'objections', width: 64, render: (_, d) => d.objections.received },
      { title: '修复', key: 'repairs', width: 64, render: (_, d) => d.repairs.received },
      { title: '举报', key: 'reports', width: 64, render: (_, d) => d.reports.received },
      { title: '超期', key: 'rightsLate', width: 64, render: (_, d) => late(d.objections.late + d.objections.overdue + d.repairs.late + d.repairs.overdue + d.reports.overdue) },
    ],
  },
  {
    title: '情况', key: 'lagging', width: 280,
    render: (_, d) => (d.lagging.length ? <Space orientation="vertical" size={2}>{d.lagging.map((r) => <Tag key={r} color="red">{r}</Tag>)}</Space> : <Tag color="green">正常</Tag>),
  },
];

/** 跟踪问效 (GET /tracking/quarterly): the credit office sees every department, others their own row. */
export function TrackingPage({ user }: { user: User }) {
  const quarters = useMemo(() => recentQuarters(new Date(), 8), []);
  const [quarter, setQuarter] = useState(quarters[1].code); // the last ended quarter
  const report = useApi<QuarterlyReport>(`/tracking/quarterly?quarter=${quarter}`);
  const data = report.data;
  return (
    <>
      <PageHeader
        title="跟踪问效"
        description={isPlatform(user)
          ? '各部门本季度的双公示报送、名单响应、核查反馈与异议修复办理情况；各部门应于每季度首月 5 日前报送上季度情况。'
          : '本部门本季度的双公示报送、名单响应、核查反馈与异议修复办理情况。'}
        extra={(
          <Space>
            <Select aria-label="季度" value={quarter} onChange={setQuarter} style={{ width: 150 }} options={quarters.map((q) => ({ value: q.code, label: q.label }))} />
            <Button href={`/api/v1/tracking/quarterly.xlsx?quarter=${quarter}`} download>下载 Excel 报告</Button>
          </Space>
        )}
      />
      {report.error !== undefined && <ApiErrorView error={report.error} onRetry={report.reload} />}
      {data && (
        <Flex vertical gap={16}>
          {data.warnings.map((w) => <Alert key={w} type="info" showIcon title={w} />)}
          {data.laggards.length > 0 && (
            <Alert
              type="warning" showIcon role="alert"
              title={`落后单位 ${data.laggards.length} 个`}
              description={<ul style={{ margin: 0, paddingLeft: 20 }}>{data.laggards.map((l) => <li key={l.department.code}>{l.department.name}：{l.reasons.join('；')}</li>)}</ul>}
            />
          )}
          <Table<DepartmentReport>
            rowKey={(d) => d.department.code} size="small" bordered loading={report.loading}
            columns={columns} dataSource={data.departments} pagination={false} scroll={{ x: 1500 }}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}><strong>合计</strong></Table.Summary.Cell>
                <Table.Summary.Cell index={1} colSpan={17}>
                  双公示 {data.totals.collection.delivered} 条（超期 {data.totals.collection.late}），发布名单 {data.totals.entries.published}，
                  核查 {data.totals.checks.total} 次，需反馈 {data.totals.checks.feedbackDue}，已反馈 {data.totals.checks.feedbackGiven}，逾期 {data.totals.checks.overdue}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
          <Typography.Text type="secondary">统计日 {data.asOf}；{data.quarter.from} 至 {data.quarter.to}；报送截止 {data.quarter.dueOn}。</Typography.Text>
        </Flex>
      )}
    </>
  );
}
