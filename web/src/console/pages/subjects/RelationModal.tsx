import { App, Form, Input, Select, Space } from 'antd';
import { api } from '../../api.js';
import { FormModal } from '../../components/FormModal.js';
import { RELATION_ROLE_LABELS } from '../../labels.js';
import type { Subject } from '../../types.js';

interface RelationValues {
  role: string;
  person: { name: string; idNumber: string };
  startsOn?: string;
  endsOn?: string;
}

const FIELDS = ['role', ['person', 'name'], ['person', 'idNumber'], 'startsOn', 'endsOn'];
const ID_NUMBER = /^(\d{17}[\dXx]|\d{15})$/;

/** 关联人员 (POST /subjects/{id}/relations): 法定代表人、主要负责人或直接责任人. */
export function RelationModal({ subject, open, onClose, onDone }: { subject: Subject; open: boolean; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<RelationValues>();
  const { message } = App.useApp();

  async function submit(values: RelationValues) {
    const result = await api<{ id: string; created: boolean }>(`/subjects/${encodeURIComponent(subject.id)}/relations`, {
      method: 'POST',
      body: {
        role: values.role,
        person: { name: values.person.name.trim(), idNumber: values.person.idNumber.trim().toUpperCase() },
        ...(values.startsOn ? { startsOn: values.startsOn } : {}),
        ...(values.endsOn ? { endsOn: values.endsOn } : {}),
      },
    });
    if (result.created) message.success(`已关联${RELATION_ROLE_LABELS[values.role]}：${values.person.name.trim()}`);
    else message.info('该人员已以此身份关联，未重复添加');
    onDone();
  }

  return (
    <FormModal<RelationValues>
      name="subject-relation"
      title={`关联人员 · ${subject.name}`}
      okText="关联"
      open={open}
      form={form}
      fields={FIELDS}
      initialValues={{ role: 'legal_representative' }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item label="身份" name="role" rules={[{ required: true, message: '请选择身份' }]}>
        <Select options={Object.entries(RELATION_ROLE_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item label="姓名" name={['person', 'name']} rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
        <Input maxLength={50} autoComplete="off" />
      </Form.Item>
      <Form.Item
        label="身份证号码"
        name={['person', 'idNumber']}
        rules={[
          { required: true, whitespace: true, message: '请输入身份证号码' },
          { pattern: ID_NUMBER, message: '身份证号码应为 18 位（最后一位可为 X）或 15 位数字' },
        ]}
      >
        <Input maxLength={18} autoComplete="off" spellCheck={false} />
      </Form.Item>
      <Space size="large" wrap>
        <Form.Item label="开始日期" name="startsOn">
          <Input type="date" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item
          label="结束日期"
          name="endsOn"
          dependencies={['startsOn']}
          rules={[({ getFieldValue }) => ({
            validator: async (_, value?: string) => {
              const start = getFieldValue('startsOn') as string | undefined;
              if (value && start && value < start) throw new Error('结束日期不能早于开始日期');
            },
          })]}
        >
          <Input type="date" style={{ width: 180 }} />
        </Form.Item>
      </Space>
    </FormModal>
  );
}
