import { Button, Flex, Form, Input, Select, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryForm } from '../../components/QueryForm.js';
import { AUDIT_ACTION_LABELS, auditActionLabel, ENTITY_TYPE_LABELS, formatTime } from '../../labels.js';
import { can } from '../../permissions.js';
import type { AuditEvent, Items, User } from '../../types.js';
import { useApi } from '../../useApi.js';
import { useAuditVerify } from './AuditVerify.js';
import { useLookups } from './lookups.js';

interface Filter {
  action?: string;
  entityType?: string;
  entityId?: string;
}

const PAGE_SIZE = 20;

function auditPath(filter: Filter, before: number | undefined): string {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (filter.action) params.set('action', filter.action);
  if (filter.entityType) params.set('entityType', filter.entityType);
  if (filter.entityId?.trim()) params.set('entityId', filter.entityId.trim());
  if (before) params.set('before', String(before));
  return `/audit?${params}`;
}

function hasData(data: unknown): boolean {
  return typeof data === 'object' && data !== null && Object.keys(data).length > 0;
}

/** 审计日志 (GET /audit): admins — a department's own events; the credit office's admins all of them. */
export function AuditPage({ user }: { user: User }) {
  const [form] = Form.useForm<Filter>();
  const [filter, setFilter] = useState<Filter>({});
  // `before` cursors of the pages seen so far: the last one is the current page's.
  const [cursors, setCursors] = useState<number[]>([]);
  const before = cursors[cursors.length - 1];
  const events = useApi<Items<AuditEvent>>(auditPath(filter, before));
  const lookups = useLookups(events.data !== undefined);
  const verify = useAuditVerify();
  const items = events.data?.items ?? [];

  function search(values: Filter) {
    setFilter({ ...values });
    setCursors([]);
  }

  function showEntity(entity: AuditEvent['entity']) {
    if (!entity.id) return;
    form.setFieldsValue({ entityType: entity.type, entityId: entity.id, action: undefined });
    search({ entityType: entity.type, entityId: entity.id });
  }

  const columns: TableColumnsType<AuditEvent> = [
    { title: '时间', dataIndex: 'at', width: 170, render: formatTime },
    { title: '操作者', dataIndex: 'actor', width: 200, ellipsis: true, render: lookups.actor },
    {
      title: '操作', dataIndex: 'action', width: 150,
      render: (action: string) => (AUDIT_ACTION_LABELS[action]
        ? <Tooltip title={action}><span>{auditActionLabel(action)}</span></Tooltip>
        : <code>{action}</code>),
    },
    {
      title: '对象', key: 'entity', ellipsis: true,
      render: (_, e) => e.entity.id
        ? <Button type="link" size="small" className="console-cell-link" title="只看该对象的记录" onClick={() => showEntity(e.entity)}>{lookups.entity(e)}</Button>
        : lookups.entity(e),
    },
    { title: '部门', dataIndex: 'departmentId', width: 220, ellipsis: true, render: lookups.department },
    {
      title: '封存', dataIndex: 'sealed', width: 90,
      render: (sealed: boolean, e) => (sealed
        ? <Tooltip title={`链上序号 ${e.seq}`}><Tag color="green">已封存</Tag></Tooltip>
        : <Tooltip title="写入后约一秒内封存入哈希链"><Tag>待封存</Tag></Tooltip>),
    },
  ];

  if (events.error) {
    return (
      <>
        <PageHeader title="审计日志" />
        <ApiErrorView error={events.error} onRetry={events.reload} />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="审计日志"
        description="平台的每一次状态变更和对自然人信息的每一次查看都记入审计日志，并按提交顺序封存入 SM3 哈希链。"
        extra={can.verifyAudit(user) && verify.button}
      />
      {verify.result && <div style={{ marginBottom: 16 }}>{verify.result}</div>}
      <QueryForm<Filter> name="audit-query" form={form} label="查询审计日志" onSearch={search} onReset={() => search({})}>
        <Form.Item label="操作" name="action">
          <Select placeholder="全部" allowClear style={{ width: 170 }} popupMatchSelectWidth={false}
            options={Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item label="对象类型" name="entityType">
          <Select placeholder="全部" allowClear style={{ width: 130 }}
            options={Object.entries(ENTITY_TYPE_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item label="对象 ID" name="entityId">
          <Input allowClear placeholder="完整 ID" style={{ width: 200 }} maxLength={64} spellCheck={false} />
        </Form.Item>
      </QueryForm>
      <Table<AuditEvent>
        rowKey="id"
        size="middle"
        loading={events.loading}
        columns={columns}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: '暂无审计记录' }}
        scroll={{ x: 1050 }}
        expandable={{
          rowExpandable: (e) => hasData(e.data),
          expandedRowRender: (e) => <pre className="console-json">{JSON.stringify(e.data, null, 2)}</pre>,
        }}
      />
      <Flex justify="flex-end" style={{ marginTop: 16 }}>
        <Space>
          <span style={{ color: '#595959' }}>第 {cursors.length + 1} 页</span>
          <Button disabled={!cursors.length || events.loading} onClick={() => setCursors(cursors.slice(0, -1))}>上一页</Button>
          <Button
            disabled={items.length < PAGE_SIZE || events.loading}
            onClick={() => setCursors([...cursors, items[items.length - 1].id])}
          >下一页</Button>
        </Space>
      </Flex>
    </>
  );
}
