import { App, Button, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { runAction } from '../../actions.js';
import { api } from '../../api.js';
import { DELIVERY_STATUS } from '../../collectionLabels.js';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { PageHeader } from '../../components/PageHeader.js';
import { formatTime } from '../../labels.js';
import { useDepartmentOptions } from '../../lookups.js';
import { isAdmin, isPlatform } from '../../permissions.js';
import type { DeliveryStatus, Subscription } from '../../types-collection.js';
import type { Items, User } from '../../types.js';
import { useApi } from '../../useApi.js';
import { DeliveriesDrawer } from './DeliveriesDrawer.js';
import { SubscriptionCreateModal } from './SubscriptionCreateModal.js';

const ORDER: DeliveryStatus[] = ['dead', 'failed', 'pending', 'delivered'];

/** The receiver's state as the clerk needs it: healthy, failing (paused until the next probe), with dead letters. */
function health(s: Subscription) {
  const tags = [];
  if (s.deliveries.dead) tags.push(<Tag key="dead" color="red">有死信</Tag>);
  if (s.failingSince) {
    tags.push(<Tag key="failing" color="orange" title={`自 ${formatTime(s.failingSince)} 起投递失败`}>投递失败</Tag>);
  }
  if (!tags.length) return <Tag color="green">正常</Tag>;
  return (
    <>
      <Space size={4} wrap>{tags}</Space>
      {s.failingSince && s.pausedUntil && <div style={{ fontSize: 12, color: '#595959' }}>下次尝试 {formatTime(s.pausedUntil)}</div>}
    </>
  );
}

function counts(s: Subscription) {
  return (
    <Space size={4} wrap>
      {ORDER.map((status) => (
        <Tag key={status} color={s.deliveries[status] ? DELIVERY_STATUS[status]?.color : undefined}>
          {DELIVERY_STATUS[status]?.label} {s.deliveries[status]}
        </Tag>
      ))}
    </Space>
  );
}

/** 推送订阅 (GET /subscriptions): the department's webhook receivers with their delivery state; deliveries and replay in a drawer. */
export function SubscriptionsPage({ user }: { user: User }) {
  const subs = useApi<Items<Subscription>>('/subscriptions');
  const [open, setOpen] = useState<Subscription | null>(null);
  const [creating, setCreating] = useState(false);
  const { message } = App.useApp();
  const departments = useDepartmentOptions(undefined, isPlatform(user));
  const departmentName = new Map(departments.map((d) => [d.value, d.label]));

  async function remove(s: Subscription) {
    if (await runAction(message, () => api(`/subscriptions/${encodeURIComponent(s.id)}`, { method: 'DELETE' }), `已取消订阅：${s.url}`)) subs.reload();
  }

  const columns: TableColumnsType<Subscription> = [
    {
      title: '接收地址', dataIndex: 'url', ellipsis: true,
      width: 250, render: (url: string, s) => <Button type="link" className="console-cell-link" onClick={() => setOpen(s)} title={url}>{url}</Button>,
    },
    { title: '事件', dataIndex: 'events', width: 140, render: (events: string[]) => events.map((e) => <Tag key={e}><code>{e}</code></Tag>) },
    ...(isPlatform(user) ? [{ title: '部门', dataIndex: 'department', width: 150, ellipsis: true, render: (code: string) => departmentName.get(code) ?? code }] : []),
    { title: '状态', key: 'health', width: 170, render: (_, s) => health(s) },
    { title: '投递', key: 'counts', width: 200, render: (_, s) => counts(s) },
    {
      title: '操作', key: 'actions', width: 150, fixed: 'right',
      render: (_, s) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setOpen(s)}>投递记录</Button>
          <Popconfirm title="取消该订阅？" description="未送达的推送将标记为死信，不再投递。" okText="取消订阅" okButtonProps={{ danger: true }} cancelText="保留" onConfirm={() => remove(s)}>
            <Button type="link" size="small" danger>取消</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title="推送订阅"
        description="业务系统通过 Webhook 接收本部门可见的变更（名单列入、移出、响应任务等）：签名推送，失败按指数退避重试 24 小时，之后转为死信，可由管理员重新投递。"
        extra={(
          <Space>
            <Button onClick={subs.reload} loading={subs.loading}>刷新</Button>
            {user.role !== 'system' && <Button type="primary" onClick={() => setCreating(true)}>新增订阅</Button>}
          </Space>
        )} />
      {subs.error ? <ApiErrorView error={subs.error} onRetry={subs.reload} /> : (
        <Table<Subscription> rowKey="id" size="middle" loading={subs.loading} columns={columns} dataSource={subs.data?.items ?? []}
          pagination={false} locale={{ emptyText: '暂无订阅' }} scroll={{ x: 1060 }} />
      )}
      {!isAdmin(user) && <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>重新投递由本部门管理员操作。</Typography.Paragraph>}
      <DeliveriesDrawer subscription={open} mayReplay={isAdmin(user)} onClose={() => setOpen(null)} onChanged={subs.reload} />
      <SubscriptionCreateModal open={creating} onClose={() => setCreating(false)} onCreated={subs.reload} />
    </>
  );
}
