import { App, Button, Checkbox, DatePicker, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { isoDate } from '../../actions.js';
import { api } from '../../api.js';
import { FormModal } from '../../components/FormModal.js';
import { usccRule } from '../../identifiers.js';
import { KIND_LABELS, RELATION_ROLE_LABELS } from '../../labels.js';
import type { ListEntry, ListType } from '../../types-joint.js';

type DateValue = { format(pattern: string): string } | null;

interface EntryValues {
  listType: string;
  subject: { kind: 'organization' | 'individual_business' | 'natural_person'; name: string; uscc?: string; idNumber?: string };
  reason: string;
  decisionNo: string;
  decidedOn: DateValue;
  startsOn: DateValue;
  endsOn?: DateValue;
  indefinite?: boolean;
  responsiblePersons?: { role: string; name: string; idNumber: string }[];
}

const MAX_PERSONS = 20;
const FIELDS = [
  'listType', ['subject', 'kind'], ['subject', 'name'], ['subject', 'uscc'], ['subject', 'idNumber'], 'reason', 'decisionNo', 'decidedOn', 'startsOn', 'endsOn',
  ...Array.from({ length: MAX_PERSONS }, (_, i) => ['role', 'name', 'idNumber'].map((f) => ['responsiblePersons', i, f])).flat(),
];
const KIND_OPTIONS = Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }));
const ROLE_OPTIONS = Object.entries(RELATION_ROLE_LABELS).map(([value, label]) => ({ value, label }));

/** 认定列入 (POST /list-entries): an officer or admin of the list type's initiating department. */
export function EntryPublishModal({ listTypes, open, onClose, onPublished }: { listTypes: ListType[]; open: boolean; onClose: () => void; onPublished: (e: ListEntry) => void }) {
  const [form] = Form.useForm<EntryValues>();
  const { message } = App.useApp();
  const kind = Form.useWatch(['subject', 'kind'], form);
  const indefinite = Form.useWatch('indefinite', form);
  const person = kind === 'natural_person';

  async function submit(v: EntryValues) {
    const persons = person ? [] : (v.responsiblePersons ?? []).filter((p) => p?.name?.trim());
    const entry = await api<ListEntry>('/list-entries', {
      method: 'POST',
      body: {
        listType: v.listType,
        subject: {
          kind: v.subject.kind, name: v.subject.name.trim(),
          ...(person ? { idNumber: v.subject.idNumber?.trim() } : { uscc: v.subject.uscc?.trim().toUpperCase() }),
        },
        reason: v.reason.trim(), decisionNo: v.decisionNo.trim(), decidedOn: isoDate(v.decidedOn), startsOn: isoDate(v.startsOn),
        ...(v.indefinite ? { endsOn: null } : v.endsOn ? { endsOn: isoDate(v.endsOn) } : {}),
        ...(persons.length ? { responsiblePersons: persons.map((p) => ({ role: p.role, name: p.name.trim(), idNumber: p.idNumber.trim() })) } : {}),
      },
    });
    message.success(`已认定列入：${entry.subject.name}（${entry.listTypeName}）`);
    onPublished(entry);
  }

  return (
    <FormModal<EntryValues>
      name="entry-publish"
      title="认定列入"
      okText="认定列入"
      width={720}
      open={open}
      form={form}
      fields={FIELDS}
      initialValues={{ listType: listTypes.length === 1 ? listTypes[0].code : undefined, subject: { kind: 'organization', name: '' }, responsiblePersons: [] }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item label="名单类型" name="listType" rules={[{ required: true, message: '请选择名单类型' }]} extra="只列出由本部门认定的名单类型">
        <Select options={listTypes.map((t) => ({ value: t.code, label: `${t.name}（${t.kind === 'red' ? '红名单' : '黑名单'}）` }))} />
      </Form.Item>
      <Form.Item label="主体类别" name={['subject', 'kind']} rules={[{ required: true }]}>
        <Radio.Group options={KIND_OPTIONS} />
      </Form.Item>
      <Form.Item label={person ? '姓名' : '主体名称'} name={['subject', 'name']} rules={[{ required: true, whitespace: true, message: '请输入主体名称' }]}>
        <Input maxLength={200} />
      </Form.Item>
      {person ? (
        <Form.Item label="身份证号码" name={['subject', 'idNumber']} rules={[{ required: true, whitespace: true, message: '请输入身份证号码' }]}>
          <Input maxLength={18} autoComplete="off" spellCheck={false} />
        </Form.Item>
      ) : (
        <Form.Item label="统一社会信用代码" name={['subject', 'uscc']} validateTrigger="onBlur"
          rules={[{ required: true, whitespace: true, message: '请输入统一社会信用代码' }, usccRule()]}>
          <Input maxLength={18} autoComplete="off" spellCheck={false} style={{ textTransform: 'uppercase' }} />
        </Form.Item>
      )}
      <Form.Item label="认定理由" name="reason" rules={[{ required: true, whitespace: true, message: '请输入认定理由' }]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item label="认定文书号" name="decisionNo" rules={[{ required: true, whitespace: true, message: '请输入认定文书号' }]}>
        <Input maxLength={200} placeholder="如 豫税稽罚〔2026〕12号" />
      </Form.Item>
      <Space wrap size="middle" align="start">
        <Form.Item label="认定日期" name="decidedOn" rules={[{ required: true, message: '请选择认定日期' }]}>
          <DatePicker placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item label="列入日期" name="startsOn" rules={[{ required: true, message: '请选择列入日期' }]}>
          <DatePicker placeholder="YYYY-MM-DD" />
        </Form.Item>
        <Form.Item label="移出日期" name="endsOn" extra="留空按名单类型的默认期限">
          <DatePicker placeholder="YYYY-MM-DD" disabled={indefinite} />
        </Form.Item>
        <Form.Item label=" " colon={false} name="indefinite" valuePropName="checked">
          <Checkbox>长期（直至移出）</Checkbox>
        </Form.Item>
      </Space>
      {!person && (
        <Form.List name="responsiblePersons">
          {(fields, { add, remove }) => (
            <Form.Item label="相关责任人" extra="法定代表人、主要负责人、直接责任人（落实到人）；平台还会关联认定日在任的登记人员">
              {fields.map((field, i) => (
                <Space key={field.key} align="start" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'role']} rules={[{ required: true, message: '请选择身份' }]} initialValue="legal_representative">
                    <Select options={ROLE_OPTIONS} style={{ width: 130 }} aria-label={`第 ${i + 1} 位责任人身份`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
                    <Input placeholder="姓名" maxLength={50} aria-label={`第 ${i + 1} 位责任人姓名`} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'idNumber']} rules={[{ required: true, whitespace: true, message: '请输入身份证号码' }]}>
                    <Input placeholder="身份证号码" maxLength={18} aria-label={`第 ${i + 1} 位责任人身份证号码`} style={{ width: 200 }} spellCheck={false} />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)}>删除</Button>
                </Space>
              ))}
              {fields.length < MAX_PERSONS && <Button type="dashed" onClick={() => add()}>添加责任人</Button>}
              {fields.length === 0 && <Typography.Text type="secondary" style={{ marginInlineStart: 12 }}>未添加</Typography.Text>}
            </Form.Item>
          )}
        </Form.List>
      )}
    </FormModal>
  );
}
