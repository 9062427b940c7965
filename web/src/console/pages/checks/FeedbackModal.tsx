import { App, Form, Input, InputNumber, Radio, Skeleton, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api.js';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { CodeTag } from '../../components/CodeTag.js';
import { FormModal } from '../../components/FormModal.js';
import { NATURE } from '../../jointLabels.js';
import type { CheckDetail } from '../../types-joint.js';
import { useApi } from '../../useApi.js';

interface FeedbackValues {
  measures: { code: string; action: 'applied' | 'not_applied'; reason?: string }[];
  amount?: number | null;
  note: string;
}

const MAX = 200;
const FIELDS = ['note', 'amount', 'measures', ...Array.from({ length: MAX }, (_, i) => [['measures', i, 'action'], ['measures', i, 'reason'], ['measures', i, 'code']]).flat()];

/** 执行反馈 (POST /checks/{id}/feedback): each returned measure applied or not (with a reason), an amount, a note. */
export function FeedbackModal({ checkId, onClose, onDone }: { checkId: string | null; onClose: () => void; onDone: (checkId: string) => void }) {
  const detail = useApi<CheckDetail>(checkId ? `/checks/${encodeURIComponent(checkId)}` : null);
  const [form] = Form.useForm<FeedbackValues>();
  const { message } = App.useApp();
  const check = detail.data && detail.data.checkId === checkId ? detail.data : undefined;
  const actions = Form.useWatch('measures', form);

  useEffect(() => {
    if (check) form.setFieldsValue({ measures: check.measures.map((m) => ({ code: m.code, action: 'applied' })) });
  }, [form, check]);

  async function submit(v: FeedbackValues) {
    await api(`/checks/${encodeURIComponent(checkId!)}/feedback`, {
      method: 'POST',
      body: {
        measures: v.measures.map((m) => ({ code: m.code, action: m.action, ...(m.action === 'not_applied' ? { reason: m.reason?.trim() } : {}) })),
        ...(v.amount !== undefined && v.amount !== null ? { amount: v.amount } : {}),
        note: v.note.trim(),
      },
    });
    message.success('已提交执行反馈');
    onDone(checkId!);
  }

  return (
    <FormModal<FeedbackValues>
      name="feedback"
      title="执行反馈"
      okText="提交反馈"
      width={720}
      open={checkId !== null}
      form={form}
      fields={FIELDS}
      onSubmit={submit}
      onClose={onClose}
    >
      {detail.error ? <ApiErrorView error={detail.error} onRetry={detail.reload} /> : !check ? <Skeleton active /> : (
        <>
          <Typography.Paragraph>
            主体：<strong>{check.subject?.name ?? '—'}</strong>（<code>{check.subject?.uscc ?? check.subject?.idNumberMasked}</code>）；
            事项：{check.matter.name}；反馈期限：{check.feedbackDueOn ?? '—'}
            {check.overdue && <Typography.Text type="danger">（已逾期，提交后记为逾期反馈）</Typography.Text>}
          </Typography.Paragraph>
          {check.measures.map((m, i) => (
            <div key={m.code} style={{ borderBottom: '1px dashed #d9d9d9', marginBottom: 12 }}>
              <Form.Item name={['measures', i, 'code']} hidden><Input /></Form.Item>
              <Form.Item
                label={<Space size={4}><span>{m.title}</span><CodeTag table={NATURE} code={m.nature} /></Space>}
                name={['measures', i, 'action']}
                extra={`法律依据：${m.legalBasis}`}
                rules={[{ required: true, message: '请选择执行情况' }]}
              >
                <Radio.Group aria-label={`${m.title}的执行情况`} options={[{ value: 'applied', label: '已执行' }, { value: 'not_applied', label: '未执行' }]} />
              </Form.Item>
              {actions?.[i]?.action === 'not_applied' && (
                <Form.Item label={`未执行“${m.title}”的理由`} name={['measures', i, 'reason']}
                  rules={[{ required: true, whitespace: true, message: '未执行的措施须说明理由' }]}>
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
              )}
            </div>
          ))}
          <Form.Item label="涉及金额（元）" name="amount" extra="如限制的采购金额、取消的资金额度，可不填">
            <InputNumber min={0} precision={2} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item label="执行情况说明" name="note" rules={[{ required: true, whitespace: true, message: '请填写执行情况说明' }]}>
            <Input.TextArea rows={3} maxLength={5000} showCount />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
