import { App, Button, Checkbox, DatePicker, Form, Input, Radio, Select, Space } from 'antd';
import { isoDate } from '../../actions.js';
import { api } from '../../api.js';
import { FormModal } from '../../components/FormModal.js';
import { asOptions, OBJECTION_OUTCOME } from '../../jointLabels.js';
import type { Objection, ObjectionOutcome } from '../../types-rights.js';
import { RECORD_OUTCOME, type InfoTypeFields } from './RecordTarget.js';

type DateValue = { format(pattern: string): string } | null;

interface DecideValues {
  outcome: ObjectionOutcome;
  note: string;
  correction?: { endsOn?: DateValue; indefinite?: boolean; reason?: string; fields?: { key?: string; value?: string }[] };
}

const FIELDS = ['outcome', 'note', 'correction', ['correction', 'endsOn'], ['correction', 'reason']];

/** A credit record's correction: field → corrected value (the server validates them like an imported row). */
function recordCorrection(rows: { key?: string; value?: string }[] = []) {
  return { fields: Object.fromEntries(rows.filter((r) => r.key).map((r) => [r.key!, r.value?.trim() ? r.value.trim() : null])) };
}

/** 作出处理决定 (POST /objections/{id}/decide): the provider — or the credit office's admin — decides the outcome. */
export function DecideModal({ objection, infoType, onClose, onDone }: { objection: Objection | null; infoType?: InfoTypeFields; onClose: () => void; onDone: () => void }) {
  const isRecord = objection?.target.type === 'record';
  const [form] = Form.useForm<DecideValues>();
  const { message } = App.useApp();
  const outcome = Form.useWatch('outcome', form);
  const indefinite = Form.useWatch(['correction', 'indefinite'], form);

  async function submit(v: DecideValues) {
    const c = v.correction ?? {};
    const correction = v.outcome === 'update' && isRecord ? recordCorrection(c.fields) : v.outcome === 'update' ? {
      ...(c.indefinite ? { endsOn: null } : c.endsOn ? { endsOn: isoDate(c.endsOn) } : {}),
      ...(c.reason?.trim() ? { reason: c.reason.trim() } : {}),
    } : undefined;
    await api(`/objections/${encodeURIComponent(objection!.id)}/decide`, {
      method: 'POST',
      body: { outcome: v.outcome, note: v.note.trim(), ...(correction ? { correction } : {}) },
    });
    message.success(`已作出处理决定（回执码 ${objection!.receiptCode}）`);
    onDone();
  }

  return (
    <FormModal<DecideValues>
      name="objection-decide"
      title="作出处理决定"
      okText="提交决定"
      width={640}
      open={objection !== null}
      form={form}
      fields={FIELDS}
      initialValues={{ outcome: 'verified' }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item label="处理结果" name="outcome" rules={[{ required: true, message: '请选择处理结果' }]}>
        <Radio.Group options={asOptions(isRecord ? RECORD_OUTCOME : OBJECTION_OUTCOME)} style={{ display: 'flex', flexDirection: 'column', gap: 8 }} />
      </Form.Item>
      {outcome === 'update' && isRecord && (
        <Form.List name={['correction', 'fields']} initialValue={[{}]}>
          {(items, { add, remove }) => (
            <Form.Item label="更正的字段" extra="只填写需要更正的字段；其余内容保持不变，更正后生成新版本，原版本留作历史">
              {items.map((item) => (
                <Space key={item.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[item.name, 'key']} rules={[{ required: true, message: '请选择字段' }]}>
                    <Select style={{ width: 200 }} placeholder="字段" showSearch optionFilterProp="label"
                      options={(infoType?.fields ?? []).map((f) => ({ value: f.key, label: f.label }))} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'value']}><Input style={{ width: 260 }} placeholder="更正后的值（留空即清除）" /></Form.Item>
                  {items.length > 1 && <Button type="link" onClick={() => remove(item.name)}>移除</Button>}
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({})}>再更正一个字段</Button>
            </Form.Item>
          )}
        </Form.List>
      )}
      {outcome === 'update' && !isRecord && (
        <>
          <Form.Item label="更正后的移出日期" name={['correction', 'endsOn']} extra="不更正期限可留空">
            <DatePicker placeholder="YYYY-MM-DD" disabled={indefinite} />
          </Form.Item>
          <Form.Item name={['correction', 'indefinite']} valuePropName="checked">
            <Checkbox>更正为长期（直至移出）</Checkbox>
          </Form.Item>
          <Form.Item label="更正后的认定理由" name={['correction', 'reason']}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </>
      )}
      <Form.Item label="处理意见" name="note" extra="申请人凭回执码可查看处理意见" rules={[{ required: true, whitespace: true, message: '请填写处理意见' }]}>
        <Input.TextArea rows={3} maxLength={5000} showCount />
      </Form.Item>
    </FormModal>
  );
}
