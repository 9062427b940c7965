import { App, Button, Descriptions, Form, Input, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { AssignDepartmentModal } from '../../components/AssignDepartmentModal.js';
import { SheetImportModal } from '../../components/SheetImportModal.js';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { CodeTag } from '../../components/CodeTag.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryForm } from '../../components/QueryForm.js';
import { APPLIES_TO, asOptions, codeLabel, MEASURE_KIND, NATURE } from '../../jointLabels.js';
import { useMeasures } from '../../lookups.js';
import { can } from '../../permissions.js';
import type { Measure } from '../../types-joint.js';
import type { User } from '../../types.js';
import { MeasureEditForm, MeasureForm } from './MeasureForm.js';

interface Filter {
  keyword?: string;
  kind?: string;
  nature?: string;
  scope?: 'mine' | 'unassigned' | 'unverified';
}

function matches(m: Measure, f: Filter, user: User): boolean {
  const keyword = f.keyword?.trim().toLowerCase();
  if (keyword && ![m.title, m.code, m.legalBasis].some((s) => s.toLowerCase().includes(keyword))) return false;
  if (f.kind && m.kind !== f.kind) return false;
  if (f.nature && m.nature !== f.nature) return false;
  if (f.scope === 'mine' && m.implementingDepartment !== user.department.code) return false;
  if (f.scope === 'unassigned' && m.implementingDepartment) return false;
  return f.scope !== 'unverified' || !m.verified;
}

/** 措施清单 (GET /measures): everyone reads; the credit office's admins add measures and assign implementing departments. */
export function MeasuresPage({ user }: { user: User }) {
  const measures = useMeasures();
  const { message } = App.useApp();
  const [form] = Form.useForm<Filter>();
  const [filter, setFilter] = useState<Filter>({});
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<Measure | null>(null);
  const [assigning, setAssigning] = useState<Measure | null>(null);
  const admin = can.manageJointAction(user);
  const rows = useMemo(() => measures.items.filter((m) => matches(m, filter, user)), [measures.items, filter, user]);

  const columns: TableColumnsType<Measure> = [
    {
      title: '措施', dataIndex: 'title',
      render: (title: string, m) => (
        <>
          <div>{title}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}><code>{m.code}</code></Typography.Text>
          {!m.verified && <Tag color="warning" style={{ marginInlineStart: 6 }} title="法律依据（特别是条款号）尚未与原文核对">待核实</Tag>}
        </>
      ),
    },
    { title: '类别', dataIndex: 'kind', width: 70, render: (k: string) => <CodeTag table={MEASURE_KIND} code={k} /> },
    { title: '性质', dataIndex: 'nature', width: 80, render: (n: string) => <CodeTag table={NATURE} code={n} /> },
    { title: '适用对象', dataIndex: 'appliesTo', width: 150, render: (a: string[]) => a.map((x) => codeLabel(APPLIES_TO, x)).join('、') },
    {
      title: '适用事项', dataIndex: 'matterCategories', width: 150,
      render: (c: string[]) => (c.length ? c.map((x) => <Tag key={x}>{x}</Tag>) : <Typography.Text type="secondary">全部事项</Typography.Text>),
    },
    {
      title: '实施部门', key: 'department', width: 180,
      render: (_, m) => m.implementingDepartmentName ?? (
        <><Tag color="warning">未指定</Tag><div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{m.implementingAgency}</Typography.Text></div></>
      ),
    },
    { title: '来源', key: 'source', width: 120, render: (_, m) => m.source ?? (m.edition ? `预置（${m.edition}）` : '本地登记') },
    ...(admin ? [{
      title: '操作', key: 'actions', width: 170, fixed: 'right' as const,
      render: (_: unknown, m: Measure) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(m)}>修改</Button>
          <Button type="link" size="small" onClick={() => setAssigning(m)}>指定实施部门</Button>
        </Space>
      ),
    }] : []),
  ];

  return (
    <>
      <PageHeader
        title="措施清单"
        description="联合奖惩措施及其性质、法律依据和实施部门。预置措施来自全国失信惩戒措施基础清单和主要合作备忘录，标注“待核实”的依据文本（特别是条款号）尚未与原文核对。"
        extra={admin && (
          <Space>
            <Button onClick={() => setImporting(true)}>Excel 导入</Button>
            <Button type="primary" onClick={() => setCreating(true)}>新增措施</Button>
          </Space>
        )}
      />
      <QueryForm<Filter> name="measure-query" form={form} label="查询措施" onSearch={setFilter} onReset={() => setFilter({})}>
        <Form.Item label="关键字" name="keyword"><Input placeholder="名称、代码或依据" allowClear style={{ width: 200 }} /></Form.Item>
        <Form.Item label="类别" name="kind"><Select placeholder="全部" allowClear style={{ width: 100 }} options={asOptions(MEASURE_KIND)} /></Form.Item>
        <Form.Item label="性质" name="nature"><Select placeholder="全部" allowClear style={{ width: 110 }} options={asOptions(NATURE)} /></Form.Item>
        <Form.Item label="范围" name="scope">
          <Select placeholder="全部" allowClear style={{ width: 150 }}
            options={[{ value: 'mine', label: '本部门实施' }, { value: 'unassigned', label: '未指定实施部门' }, { value: 'unverified', label: '待核实' }]} />
        </Form.Item>
      </QueryForm>
      {measures.error ? <ApiErrorView error={measures.error} onRetry={measures.reload} /> : (
        <Table<Measure>
          rowKey="code"
          size="middle"
          loading={measures.loading}
          columns={columns}
          dataSource={rows}
          expandable={{
            expandedRowRender: (m) => (
              <Descriptions size="small" column={1} bordered styles={{ label: { width: 120 } }} items={[
                { key: 'basis', label: '法律依据', children: m.legalBasis },
                { key: 'content', label: '措施内容', children: m.content ?? '—' },
                { key: 'category', label: '清单分类', children: m.category ?? '—' },
                { key: 'agency', label: '实施机关', children: m.implementingAgency ?? '—' },
              ]} />
            ),
          }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 项措施` }}
          scroll={{ x: 1130 }}
        />
      )}
      {admin && (
        <>
          <MeasureForm open={creating} onClose={() => setCreating(false)} onCreated={measures.reload} />
          <MeasureEditForm key={editing?.code ?? 'none'} measure={editing} onClose={() => setEditing(null)} onSaved={measures.reload} />
          <SheetImportModal open={importing} title="导入措施清单" path="/measures/import" onClose={() => setImporting(false)} onImported={measures.reload}
            hint="表头可用中文（措施编码、措施名称、措施类型、措施性质、法律依据、实施部门、适用对象……）或接口字段名；按措施编码更新，重复导入不会重复新增。" />
          <AssignDepartmentModal
            title="指定实施部门"
            role="implementing"
            subject={assigning && `措施：${assigning.title}（${assigning.implementingAgency ?? '—'}）。指定后，该部门须接收载有此措施的合作备忘录。`}
            path={assigning && `/measures/${encodeURIComponent(assigning.code)}/implementing-department`}
            current={assigning?.implementingDepartment ?? null}
            onClose={() => setAssigning(null)}
            onDone={() => { message.success(`已为「${assigning?.title}」指定实施部门`); measures.reload(); }}
          />
        </>
      )}
    </>
  );
}
