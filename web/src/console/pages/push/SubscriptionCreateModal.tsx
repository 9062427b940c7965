import { Alert, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import { FormModal } from '../../components/FormModal.js';
import { useListTypes } from '../../lookups.js';
import type { Subscription } from '../../types-collection.js';

interface Values { url: string; events: string[]; listTypes?: string[] }

const FIELDS = ['url', 'events', 'listTypes'];
const EVENT_OPTIONS = [
  { value: '*', label: '全部变更（*）' },
  { value: 'entry.*', label: '名单记录的全部变更（entry.*）' },
  { value: 'entry.published', label: '认定列入（entry.published）' },
  { value: 'entry.removed', label: '移出名单（entry.removed）' },
  { value: 'entry.held', label: '暂停执行（entry.held）' },
  { value: 'task.created', label: '响应任务（task.created）' },
  { value: 'record.*', label: '信用记录的全部变更（record.*）' },
  { value: 'subject.*', label: '主体变更（subject.*）' },
];

/** The server's rule (an http(s) URL, any host and port: intranets use private addresses), checked before sending. */
async function checkUrl(_: unknown, value: string | undefined): Promise<void> {
  if (!value?.trim()) return;
  let url: URL | null = null;
  try { url = new URL(value.trim()); } catch { /* reported below */ }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new Error('应为完整的 http(s):// 地址');
}

/** 新增订阅 (POST /subscriptions), then its signing secret — shown this once. */
export function SubscriptionCreateModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const [form] = Form.useForm<Values>();
  const [created, setCreated] = useState<(Subscription & { secret: string }) | null>(null);
  const listTypes = useListTypes();

  async function submit(values: Values) {
    const sub = await api<Subscription & { secret: string }>('/subscriptions', {
      method: 'POST',
      body: { url: values.url.trim(), events: values.events, ...(values.listTypes?.length ? { listTypes: values.listTypes } : {}) },
    });
    setCreated(sub);
    onCreated();
  }

  return (
    <>
      <FormModal<Values> name="subscription-create" title="新增订阅" okText="订阅" open={open} form={form} fields={FIELDS} width={620}
        initialValues={{ events: ['entry.*', 'task.created'] }} onSubmit={submit} onClose={onClose}>
        <Form.Item label="接收地址" name="url" rules={[{ required: true, message: '请填写业务系统接收推送的地址' }, { validator: checkUrl }]}
          extra="平台以 POST 推送每条变更，附 X-Xinyong-Signature 签名；接收方返回 2xx 即视为送达，否则按指数退避重试 24 小时。">
          <Input placeholder="https://biz.example.gov.cn/xinyong/hook" />
        </Form.Item>
        <Form.Item label="事件" name="events" rules={[{ required: true, message: '请至少选择一种事件' }]}>
          <Select mode="multiple" options={EVENT_OPTIONS} />
        </Form.Item>
        <Form.Item label="名单类型" name="listTypes" extra="留空为本部门可见的全部名单类型">
          <Select mode="multiple" allowClear showSearch={{ optionFilterProp: 'label' }} options={listTypes.items.map((t) => ({ value: t.code, label: t.name }))} />
        </Form.Item>
      </FormModal>
      <Modal title="订阅已创建" open={created !== null} closable={false} mask={{ closable: false }}
        footer={<Button type="primary" onClick={() => setCreated(null)}>我已妥善保存</Button>}>
        <Alert type="warning" showIcon title="签名密钥只显示这一次，请立即配置到接收系统中。" style={{ marginBottom: 12 }} />
        <div className="console-secret"><Typography.Text copyable code>{created?.secret}</Typography.Text></div>
      </Modal>
    </>
  );
}
