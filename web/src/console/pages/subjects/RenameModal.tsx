import { App, Form, Input } from 'antd';
import { api } from '../../api.js';
import { FormModal } from '../../components/FormModal.js';
import type { Subject } from '../../types.js';

interface RenameValues {
  name: string;
  changedOn?: string;
}

/** 主体更名 (POST /subjects/{id}/rename): the current name becomes a former name. */
export function RenameModal({ subject, open, onClose, onDone }: { subject: Subject; open: boolean; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<RenameValues>();
  const { message } = App.useApp();

  async function submit(values: RenameValues) {
    await api<Subject>(`/subjects/${encodeURIComponent(subject.id)}/rename`, {
      method: 'POST',
      body: { name: values.name.trim(), ...(values.changedOn ? { changedOn: values.changedOn } : {}) },
    });
    message.success(`已更名为：${values.name.trim()}`);
    onDone();
  }

  return (
    <FormModal<RenameValues> name="subject-rename" title="主体更名" okText="确认更名" open={open} form={form} fields={['name', 'changedOn']} onSubmit={submit} onClose={onClose}>
      <Form.Item label="当前名称">
        <Input value={subject.name} disabled />
      </Form.Item>
      <Form.Item
        label="新名称"
        name="name"
        rules={[
          { required: true, whitespace: true, message: '请输入新名称' },
          { validator: async (_, value?: string) => { if (value?.trim() === subject.name) throw new Error('新名称与当前名称相同'); } },
        ]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label="变更日期" name="changedOn" extra="原名称使用至该日期；可不填">
        <Input type="date" style={{ width: 200 }} />
      </Form.Item>
    </FormModal>
  );
}
