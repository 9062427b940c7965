import { Alert, DatePicker, Form, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { isoDate } from '../../actions.js';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryForm } from '../../components/QueryForm.js';
import { useDepartmentOptions, useInfoTypes } from '../../lookups.js';
import { isPlatform } from '../../permissions.js';
import type { Timeliness, TimelinessCounts } from '../../types-collection.js';
import type { User } from '../../types.js';
import { useApi } from '../../useApi.js';

type DateValue = dayjs.Dayjs;
interface Filter { period?: [DateValue, DateValue] | null; department?: string }
type Row = TimelinessCounts & { key: string; name: string; children?: Row[] };

function timelinessPath(filter: Filter): string {
  const params = new URLSearchParams();
  const [from, to] = filter.period ?? [];
  if (from) params.set('from', isoDate(from)!);
  if (to) params.set('to', isoDate(to)!);
  if (filter.department) params.set('department', filter.department);
  return `/collection/timeliness?${params}`;
}

function rateCell(rate: number | null) {
  if (rate === null) return <Typography.Text type="secondary">—</Typography.Text>;
  return <span style={{ color: rate < 90 ? '#cf1322' : '#389e0d', fontWeight: 600 }}>{rate.toFixed(rate % 1 ? 2 : 0)}%</span>;
}

const COLUMNS: TableColumnsType<Row> = [
  { title: '部门 / 信息类别', dataIndex: 'name' },
  { title: '报送记录', dataIndex: 'delivered', width: 100, align: 'right' },
  { title: '按时', dataIndex: 'onTime', width: 90, align: 'right' },
  { title: '迟报', dataIndex: 'late', width: 90, align: 'right', render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0) },
  { title: '被拒绝行', dataIndex: 'rejected', width: 100, align: 'right' },
  { title: '按时率', dataIndex: 'onTimeRate', width: 100, align: 'right', render: rateCell },
];

/** 双公示及时性 (GET /collection/timeliness): per department and info type, delivered / on time / late / rejected in a period. */
export function TimelinessPage({ user }: { user: User }) {
  const [form] = Form.useForm<Filter>();
  // no dates at first: the API counts this month up to today in China's time (the browser's clock may be elsewhere)
  const [filter, setFilter] = useState<Filter>({});
  const report = useApi<Timeliness>(timelinessPath(filter));
  const departments = useDepartmentOptions(undefined, isPlatform(user));
  const types = useInfoTypes();
  const rows: Row[] = (report.data?.items ?? []).map((d) => ({
    ...d, key: d.department.code, name: d.department.name,
    children: d.byType.map((t) => ({ ...t, key: `${d.department.code}-${t.infoType}`, name: types.names.get(t.infoType) ?? t.infoType })),
  }));

  return (
    <>
      <PageHeader title="双公示及时性"
        description={`行政许可、行政处罚应自作出决定之日起 ${report.data?.workingDays ?? 7} 个工作日内上网公示（国发〔2016〕33号）。按记录到达平台之日计算工作日（不含决定当日，依法定节假日和调休），超过即为迟报。`} />
      <QueryForm<Filter> name="timeliness-query" form={form} label="查询双公示及时性" onSearch={(v) => setFilter({ ...v })} onReset={() => setFilter({})}>
        <Form.Item label="统计期间" name="period">
          <DatePicker.RangePicker placeholder={['本月初', '今天']} style={{ width: 260 }} />
        </Form.Item>
        {isPlatform(user) && (
          <Form.Item label="部门" name="department">
            <Select placeholder="全部" allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 220 }} popupMatchSelectWidth={false} options={departments} />
          </Form.Item>
        )}
      </QueryForm>
      {report.error ? <ApiErrorView error={report.error} onRetry={report.reload} /> : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {report.data && <Typography.Text data-testid="timeliness-period">统计期间：{report.data.from} 至 {report.data.to}</Typography.Text>}
          {(report.data?.warnings ?? []).map((w) => <Alert key={w} type="warning" showIcon title={w} />)}
          <Table<Row> key={rows.map((r) => r.key).join()} rowKey="key" size="middle" loading={report.loading} columns={COLUMNS} dataSource={rows} pagination={false}
            expandable={{ defaultExpandAllRows: true }} locale={{ emptyText: '该期间没有双公示记录' }} aria-label="双公示及时性统计" />
        </Space>
      )}
    </>
  );
}
