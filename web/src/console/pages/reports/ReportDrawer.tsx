import { Alert, App, AutoComplete, Button, Descriptions, Drawer, Form, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { CodeTag } from '../../components/CodeTag.js';
import { DueDate } from '../../components/DueDate.js';
import { FormModal } from '../../components/FormModal.js';
import { NoteModal } from '../../components/NoteModal.js';
import { REPORT_STATUS } from '../../jointLabels.js';
import { can } from '../../permissions.js';
import type { Report, ReportHandler, ReportRow } from '../../types-rights.js';
import type { ConsoleUser, Items, User } from '../../types.js';
import { useApi } from '../../useApi.js';

function AssignModal({ report, user, onClose, onDone }: { report: Report | null; user: User; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ username: string }>();
  const users = useApi<Items<ConsoleUser>>(report && can.manageUsers(user) ? '/users' : null);
  const { message } = App.useApp();
  const options = (users.data?.items ?? []).filter((u) => !u.disabled)
    .map((u) => ({ value: u.username, label: `${u.displayName}（${u.username}）· ${u.department.name}` }));
  return (
    <FormModal<{ username: string }>
      name="report-assign"
      title="分派承办人"
      okText="分派"
      open={report !== null}
      form={form}
      fields={['username']}
      onSubmit={async ({ username }) => {
        await api(`/reports/${encodeURIComponent(report!.id)}/assign`, { method: 'POST', body: { username: username.trim() } });
        message.success(`已分派给 ${username.trim()}`);
        onDone();
      }}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">只有承办人能看到实名举报人的身份和联系方式，每次查看均记入审计日志；分派人也看不到。</Typography.Paragraph>
      <Form.Item label="承办人用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入承办人的用户名' }]}>
        <AutoComplete options={options} placeholder="控制台用户的用户名" filterOption={(input, o) => String(o?.label ?? '').includes(input) || String(o?.value ?? '').includes(input)} />
      </Form.Item>
    </FormModal>
  );
}

function Reporter({ report }: { report: Report }) {
  if (report.anonymous) return <Tag>匿名举报</Tag>;
  if (report.reporter) {
    return (
      <Space orientation="vertical" size={2}>
        <span>{report.reporter.name}（{report.reporter.contact}）</span>
        <Tag color="orange">仅承办人可见 · 本次查看已记入审计</Tag>
      </Space>
    );
  }
  return <Typography.Text type="secondary" data-testid="reporter-confidential">举报人信息保密</Typography.Text>;
}

/** 张三（河南省人力资源和社会保障厅）; the id when the account is gone. */
export const handlerName = (h: ReportHandler) => (h.name ? `${h.name}${h.department ? `（${h.department.name}）` : ''}` : h.id);

/** 举报详情 (GET /reports/{id}): the reporter only for its handler; 分派 for the credit office, 办结 for the handler. */
export function ReportDrawer({ row, user, onClose, onChanged }: { row: ReportRow | null; user: User; onClose: () => void; onChanged: () => void }) {
  const detail = useApi<Report>(row ? `/reports/${encodeURIComponent(row.id)}` : null);
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<'assign' | 'close' | null>(null);
  const r = detail.data && detail.data.id === row?.id ? detail.data : undefined;
  const handler = r?.handler?.type === 'user' && r.handler.id === user.id;

  function changed() {
    detail.reload();
    onChanged();
  }

  const actions = r && r.status !== 'closed' && (
    <Space>
      {can.assignReports(user) && <Button onClick={() => setDialog('assign')}>{r.handler ? '改派' : '分派承办人'}</Button>}
      {handler && <Button type="primary" onClick={() => setDialog('close')}>办结</Button>}
    </Space>
  );

  return (
    <Drawer title={row ? `举报 ${row.receiptCode}` : '举报'} open={row !== null} size={720} onClose={onClose} extra={actions} destroyOnHidden>
      {detail.error ? <ApiErrorView error={detail.error} onRetry={detail.reload} /> : !r ? (
        <Spin spinning description="正在加载……"><div style={{ minHeight: 160 }} /></Spin>
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          {r.status !== 'closed' && !r.handler && <Alert type="info" showIcon title="尚未分派承办人" />}
          <Descriptions bordered size="small" column={1} styles={{ label: { width: 140 } }} items={[
            { key: 'status', label: '状态', children: <CodeTag table={REPORT_STATUS} code={r.status} /> },
            { key: 'due', label: '办理期限', children: <DueDate on={r.handleDueOn} overdue={r.overdue} done={r.status === 'closed'} /> },
            { key: 'subject', label: '被举报主体', children: <>{r.subject.name} {r.subject.uscc && <code>{r.subject.uscc}</code>}{!r.subject.id && <Typography.Text type="secondary">（平台未登记）</Typography.Text>}</> },
            { key: 'content', label: '举报内容', children: <span style={{ whiteSpace: 'pre-wrap' }}>{r.content}</span> },
            { key: 'reporter', label: '举报人', children: <Reporter report={r} /> },
            { key: 'handler', label: '承办人', children: r.handler ? (handler ? '本人' : `已分派：${handlerName(r.handler)}`) : '未分派' },
            { key: 'submitted', label: '提交日期', children: r.submittedOn },
            { key: 'result', label: '办理结果', children: r.result ?? '—' },
          ]} />
        </Space>
      )}
      {r && can.assignReports(user) && (
        <AssignModal report={dialog === 'assign' ? r : null} user={user} onClose={() => setDialog(null)} onDone={changed} />
      )}
      {r && dialog === 'close' && (
        <NoteModal name="report-close" title="办结举报" open field="result" label="办理结果" okText="办结"
          description="举报人凭回执码可查看办理结果。"
          onSubmit={async (result) => {
            await api(`/reports/${encodeURIComponent(r.id)}/close`, { method: 'POST', body: { result } });
            message.success('已办结');
            changed();
          }}
          onClose={() => setDialog(null)} />
      )}
    </Drawer>
  );
}
