import { App, Button, Segmented, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { navigate } from '../../../shared/router.js';
import { runAction } from '../../actions.js';
import { api } from '../../api.js';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { CodeTag } from '../../components/CodeTag.js';
import { PageHeader } from '../../components/PageHeader.js';
import { Pager } from '../../components/Pager.js';
import { ENTRY_STATUS, TASK_STATUS } from '../../jointLabels.js';
import { formatTime } from '../../labels.js';
import { useDepartmentOptions } from '../../lookups.js';
import { can, isPlatform } from '../../permissions.js';
import type { Task, TasksAnswer } from '../../types-joint.js';
import type { User } from '../../types.js';
import { useApi } from '../../useApi.js';

type StatusFilter = 'pending' | 'acknowledged' | 'all';
const PAGE_SIZE = 20;

/** 响应任务 (GET /tasks, POST /tasks/{id}/acknowledge): listings pushed to the department (发起—响应). */
export function TasksPage({ user }: { user: User }) {
  const [status, setStatus] = useState<StatusFilter>('pending');
  const [page, setPage] = useState(1);
  const params = new URLSearchParams({ limit: String(PAGE_SIZE + 1), offset: String((page - 1) * PAGE_SIZE) });
  if (status !== 'all') params.set('status', status);
  const tasks = useApi<TasksAnswer>(`/tasks?${params}`);
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const departments = useDepartmentOptions(undefined, isPlatform(user));
  const departmentName = new Map(departments.map((d) => [d.value, d.label]));
  const counts = tasks.data?.counts;
  const items = tasks.data?.items ?? [];

  async function acknowledge(t: Task) {
    setBusy(t.id);
    const ok = await runAction(message, () => api(`/tasks/${encodeURIComponent(t.id)}/acknowledge`, { method: 'POST' }), `已确认：${t.entry.subject.name}`);
    setBusy(null);
    if (ok) tasks.reload();
  }

  const columns: TableColumnsType<Task> = [
    { title: '推送时间', dataIndex: 'createdAt', width: 160, render: formatTime },
    {
      title: '主体', key: 'subject',
      render: (_, t) => <><div>{t.entry.subject.name}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}><code>{t.entry.subject.uscc ?? t.entry.subject.idNumberMasked}</code></Typography.Text></>,
    },
    { title: '名单类型', key: 'type', width: 170, render: (_, t) => t.entry.listTypeName },
    ...(isPlatform(user) ? [{ title: '实施部门', key: 'department', width: 150, ellipsis: true, render: (_: unknown, t: Task) => departmentName.get(t.department) ?? t.department }] : []),
    { title: '认定文书号', key: 'decision', width: 160, ellipsis: true, render: (_, t) => t.entry.decisionNo },
    { title: '名单状态', key: 'entryStatus', width: 140, render: (_, t) => <CodeTag table={ENTRY_STATUS} code={t.entry.status} /> },
    { title: '任务状态', dataIndex: 'status', width: 90, render: (s: string) => <CodeTag table={TASK_STATUS} code={s} /> },
    {
      title: '操作', key: 'actions', width: 110, fixed: 'right',
      render: (_, t) => (
        <Space size={0}>
          {t.status === 'pending' && t.department === user.department.code && (
            <Button type="link" size="small" loading={busy === t.id} onClick={() => acknowledge(t)}>确认</Button>
          )}
          {can.check(user) && t.entry.subject.uscc && (
            <Button type="link" size="small" onClick={() => navigate(`/console/checks?uscc=${encodeURIComponent(t.entry.subject.uscc!)}`)}>核查</Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="响应任务"
        description="发起部门认定列入后，平台按已实施的合作备忘录向本部门推送响应任务。请确认收悉，并在相关业务办理中核查该主体、实施相应措施。"
      />
      <Space style={{ marginBottom: 16 }} wrap>
        <Segmented<StatusFilter>
          value={status}
          onChange={(value) => { setStatus(value); setPage(1); }}
          options={[
            { value: 'pending', label: `待确认（${counts?.pending ?? '…'}）` },
            { value: 'acknowledged', label: `已确认（${counts?.acknowledged ?? '…'}）` },
            { value: 'all', label: '全部' },
          ]}
        />
      </Space>
      {tasks.error ? <ApiErrorView error={tasks.error} onRetry={tasks.reload} /> : (
        <>
          <Table<Task> rowKey="id" size="middle" loading={tasks.loading} columns={columns} dataSource={items.slice(0, PAGE_SIZE)}
            pagination={false} locale={{ emptyText: status === 'pending' ? '没有待确认的响应任务' : '暂无响应任务' }} scroll={{ x: isPlatform(user) ? 1230 : 1080 }} />
          <Pager page={page} hasMore={items.length > PAGE_SIZE} loading={tasks.loading} onChange={setPage} />
        </>
      )}
    </>
  );
}
