import { App, Button, Drawer, Radio, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { runAction } from '../../actions.js';
import { api } from '../../api.js';
import { DELIVERY_STATUS } from '../../collectionLabels.js';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { CodeTag } from '../../components/CodeTag.js';
import { changeTypeLabel, formatTime } from '../../labels.js';
import type { Delivery, DeliveryStatus, Subscription } from '../../types-collection.js';
import { useApi } from '../../useApi.js';

interface DeliveriesPage { items: Delivery[]; counts: Record<DeliveryStatus, number> }

const FILTERS: { value: DeliveryStatus; label: string }[] = [
  { value: 'dead', label: '死信' }, { value: 'failed', label: '重试中' }, { value: 'pending', label: '待投递' }, { value: 'delivered', label: '已送达' },
];

/** 投递记录 (GET /subscriptions/{id}/deliveries): by status, failures with their last answer; 重新投递 for admins. */
export function DeliveriesDrawer({ subscription, mayReplay, onClose, onChanged }: { subscription: Subscription | null; mayReplay: boolean; onClose: () => void; onChanged: () => void }) {
  const [status, setStatus] = useState<DeliveryStatus>('dead');
  const { message } = App.useApp();
  const path = subscription ? `/subscriptions/${encodeURIComponent(subscription.id)}/deliveries?status=${status}&limit=100` : null;
  const deliveries = useApi<DeliveriesPage>(path);
  const counts = deliveries.data?.counts ?? subscription?.deliveries;

  async function replay(d: Delivery) {
    const done = await runAction(message, () => api(`/deliveries/${encodeURIComponent(d.id)}/replay`, { method: 'POST' }), `已重新排队投递：第 ${d.seq} 号变更`);
    if (done) { deliveries.reload(); onChanged(); }
  }

  const columns: TableColumnsType<Delivery> = [
    { title: '变更序号', dataIndex: 'seq', width: 90 },
    { title: '事件', dataIndex: 'event', width: 130, render: changeTypeLabel },
    { title: '状态', dataIndex: 'status', width: 90, render: (s: string) => <CodeTag table={DELIVERY_STATUS} code={s} /> },
    { title: '尝试次数', dataIndex: 'attempts', width: 85, align: 'right' },
    {
      title: '最近一次', key: 'last',
      render: (_, d) => (d.lastAttemptAt ? (
        <>
          <div>{formatTime(d.lastAttemptAt)}{d.lastStatus ? `，HTTP ${d.lastStatus}` : ''}</div>
          {d.lastError && <Typography.Text type="danger" style={{ fontSize: 12 }}>{d.lastError}</Typography.Text>}
        </>
      ) : '尚未投递'),
    },
    { title: '下次重试 / 结束', key: 'next', width: 170, render: (_, d) => formatTime(d.nextAttemptAt ?? d.deliveredAt ?? d.deadAt) },
    ...(mayReplay ? [{
      title: '操作', key: 'actions', width: 100,
      render: (_: unknown, d: Delivery) => (d.status !== 'pending' && <Button type="link" size="small" onClick={() => replay(d)}>重新投递</Button>),
    }] : []),
  ];

  return (
    <Drawer title={subscription ? `投递记录 · ${subscription.url}` : '投递记录'} open={subscription !== null} size={980} onClose={onClose} destroyOnHidden>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <Radio.Group optionType="button" value={status} onChange={(e) => setStatus(e.target.value)} aria-label="投递状态"
            options={FILTERS.map((f) => ({ value: f.value, label: `${f.label}（${counts?.[f.value] ?? 0}）` }))} />
          <Button onClick={deliveries.reload} loading={deliveries.loading}>刷新</Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          重新投递沿用原投递编号（X-Xinyong-Delivery），接收方可据此去重；死信不再阻塞同一主体的后续推送。
        </Typography.Paragraph>
        {deliveries.error ? <ApiErrorView error={deliveries.error} onRetry={deliveries.reload} /> : (
          <Table<Delivery> rowKey="id" size="small" loading={deliveries.loading} columns={columns} dataSource={deliveries.data?.items ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }} locale={{ emptyText: '暂无此状态的投递' }} />
        )}
      </Space>
    </Drawer>
  );
}
