import { App, Button, DatePicker, Form, Input, Radio, Select, Space, Switch, Table, Tag, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../api.js';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { FormModal } from '../../components/FormModal.js';
import { PageHeader } from '../../components/PageHeader.js';
import type { User } from '../../types.js';
import { useApi } from '../../useApi.js';

const TYPES = ['审批替代型', '容缺受理型', '证明事项型', '信用修复型', '行业自律型', '主动型', '其他'];
const KINDS = [{ value: 'organization', label: '法人和非法人组织' }, { value: 'individual_business', label: '个体工商户' }, { value: 'natural_person', label: '自然人' }];
const FULFILMENTS = [{ value: 'fulfilled', label: '全部履行' }, { value: 'partial', label: '部分履行' }, { value: 'unfulfilled', label: '全部未履行' }];

export interface Commitment {
  code: string; type: string; matter: string; content: string; madeOn: string; dueOn: string | null; public: boolean;
  fulfilment: string | null; fulfilmentLabel: string; fulfilmentOn: string | null; fulfilmentNote: string | null; broken: boolean;
  subject: { kind: string; name: string; uscc: string | null; idNumberMasked: string | null };
  department: { code: string; name: string };
}

// the platform's day is China's, whatever the clerk's computer clock zone
const todayInChina = () => dayjs(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));

interface MakeValues { kind: string; name: string; code: string; type: string; matter: string; content: string; madeOn: Dayjs; dueOn?: Dayjs; public: boolean }

function MakeForm({ open, onClose, onMade }: { open: boolean; onClose: () => void; onMade: () => void }) {
  const [form] = Form.useForm<MakeValues>();
  const { message } = App.useApp();
  const kind = Form.useWatch('kind', form);
  return (
    <FormModal<MakeValues>
      name="commitment-make" title="登记信用承诺" okText="登记" open={open} form={form} width={640}
      fields={['type', 'matter', 'content', 'madeOn', 'dueOn', 'name']}
      initialValues={{ kind: 'organization', type: '容缺受理型', public: true, madeOn: todayInChina() }}
      onSubmit={async (v) => {
        const person = v.kind === 'natural_person';
        const made = await api<Commitment>('/commitments', {
          method: 'POST',
          body: {
            subject: { kind: v.kind, name: v.name.trim(), ...(person ? { idNumber: v.code.trim() } : { uscc: v.code.trim() }) },
            type: v.type, matter: v.matter.trim(), content: v.content.trim(), madeOn: v.madeOn.format('YYYY-MM-DD'),
            ...(v.dueOn ? { dueOn: v.dueOn.format('YYYY-MM-DD') } : {}), public: v.public,
          },
        });
        message.success(`已登记承诺，编号 ${made.code}`);
        onMade();
      }}
      onClose={onClose}
    >
      <Form.Item label="主体类别" name="kind"><Radio.Group options={KINDS} /></Form.Item>
      <Form.Item label={kind === 'natural_person' ? '身份证号码' : '统一社会信用代码'} name="code" rules={[{ required: true, whitespace: true, message: '请输入主体代码' }]}>
        <Input maxLength={40} spellCheck={false} />
      </Form.Item>
      <Form.Item label="主体名称" name="name" rules={[{ required: true, whitespace: true, message: '请输入主体名称' }]}><Input maxLength={200} /></Form.Item>
      <Form.Item label="承诺类型" name="type" rules={[{ required: true }]}><Select options={TYPES.map((t) => ({ value: t, label: t }))} /></Form.Item>
      <Form.Item label="所涉事项" name="matter" rules={[{ required: true, whitespace: true, message: '请输入承诺所涉办理事项' }]}><Input maxLength={200} /></Form.Item>
      <Form.Item label="承诺内容" name="content" rules={[{ required: true, whitespace: true, message: '请输入承诺内容' }]}><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
      <Space size="large">
        <Form.Item label="承诺日期" name="madeOn" rules={[{ required: true, message: '请选择承诺日期' }]}><DatePicker /></Form.Item>
        <Form.Item label="履行期限" name="dueOn"><DatePicker /></Form.Item>
        <Form.Item label="向社会公开" name="public" valuePropName="checked" extra="自然人的承诺不公开"><Switch /></Form.Item>
      </Space>
    </FormModal>
  );
}

interface JudgeValues { fulfilment: string; note: string }

function JudgeForm({ commitment, onClose, onJudged }: { commitment: Commitment | null; onClose: () => void; onJudged: () => void }) {
  const [form] = Form.useForm<JudgeValues>();
  const { message } = App.useApp();
  return (
    <FormModal<JudgeValues>
      name="commitment-judge" title={`认定履行情况：${commitment?.code ?? ''}`} okText="认定" open={commitment !== null} form={form}
      fields={['fulfilment', 'note']} initialValues={{ fulfilment: 'fulfilled' }}
      onSubmit={async (v) => {
        const r = await api<Commitment>(`/commitments/${commitment!.code}/fulfilment`, { method: 'POST', body: { fulfilment: v.fulfilment, note: v.note.trim() } });
        message.success(r.broken ? `已认定为${r.fulfilmentLabel}，记为失信信息` : `已认定为${r.fulfilmentLabel}`);
        onJudged();
      }}
      onClose={onClose}
    >
      <Form.Item label="履行情况" name="fulfilment" extra="部分履行、全部未履行的承诺记为失信信息，三年内不享受绿色通道"><Radio.Group options={FULFILMENTS} /></Form.Item>
      <Form.Item label="认定说明" name="note" rules={[{ required: true, whitespace: true, message: '请说明履行情况' }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
    </FormModal>
  );
}

/** 信用承诺 (GET/POST /commitments): the commitments made to this department, and whether they were kept. */
export function CommitmentsPage({ user }: { user: User }) {
  const [status, setStatus] = useState<string>('');
  const list = useApi<{ items: Commitment[] }>(`/commitments?limit=200${status ? `&status=${status}` : ''}`);
  const [making, setMaking] = useState(false);
  const [judging, setJudging] = useState<Commitment | null>(null);
  const mayWrite = user.role !== 'system';
  const columns: TableColumnsType<Commitment> = [
    { title: '承诺编号', dataIndex: 'code', width: 200, render: (c: string) => <code>{c}</code> },
    { title: '主体', key: 'subject', width: 240, render: (_, c) => <span title={c.subject.uscc ?? c.subject.idNumberMasked ?? ''}>{c.subject.name}</span> },
    { title: '类型', dataIndex: 'type', width: 110 },
    { title: '事项', dataIndex: 'matter', ellipsis: true },
    { title: '承诺日期', dataIndex: 'madeOn', width: 110 },
    { title: '履行期限', dataIndex: 'dueOn', width: 110, render: (d: string | null) => d ?? '—' },
    { title: '履行情况', key: 'fulfilment', width: 120, render: (_, c) => <Tag color={c.fulfilment === null ? 'default' : c.broken ? 'red' : 'green'}>{c.fulfilmentLabel}</Tag> },
    {
      title: '操作', key: 'actions', width: 110,
      render: (_, c) => (mayWrite && c.fulfilment === null ? <Button size="small" onClick={() => setJudging(c)}>认定履行</Button> : null),
    },
  ];
  return (
    <>
      <PageHeader
        title="信用承诺"
        description="登记主体在办理事项中作出的信用承诺（编号：行政区划代码 + 日期 + 流水号），到期认定履行情况；未履行的承诺记为失信信息并推送。"
        extra={(
          <Space>
            <Select aria-label="履行情况" value={status} onChange={setStatus} style={{ width: 130 }}
              options={[{ value: '', label: '全部' }, { value: 'pending', label: '待履行' }, { value: 'kept', label: '已履行' }, { value: 'broken', label: '未履行' }]} />
            {mayWrite && <Button type="primary" onClick={() => setMaking(true)}>登记承诺</Button>}
          </Space>
        )}
      />
      {list.error !== undefined ? <ApiErrorView error={list.error} onRetry={list.reload} /> : (
        <Table<Commitment> rowKey="code" size="middle" loading={list.loading} columns={columns} dataSource={list.data?.items ?? []}
          locale={{ emptyText: '暂无信用承诺' }} pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 项` }} scroll={{ x: 1100 }} />
      )}
      <MakeForm open={making} onClose={() => setMaking(false)} onMade={list.reload} />
      <JudgeForm commitment={judging} onClose={() => setJudging(null)} onJudged={list.reload} />
    </>
  );
}
