import { App, Form, Input, Select } from 'antd';
import { api } from '../../api.js';
import { FormModal } from '../../components/FormModal.js';
import { asOptions, MEMORANDUM_STATUS } from '../../jointLabels.js';
import type { ListType, Measure, Memorandum } from '../../types-joint.js';

interface MemorandumValues {
  code: string;
  docNo: string;
  title: string;
  listTypes: string[];
  measures: string[];
  status: 'notified' | 'in_force' | 'expired';
}

const FIELDS = ['code', 'docNo', 'title', 'listTypes', 'measures', 'status'];

interface MemorandumFormProps {
  open: boolean;
  listTypes: ListType[];
  measures: Measure[];
  onClose: () => void;
  onCreated: () => void;
}

/** 登记合作备忘录 (POST /memoranda): joins list types to measures; every implementing department named must accept. */
export function MemorandumForm({ open, listTypes, measures, onClose, onCreated }: MemorandumFormProps) {
  const [form] = Form.useForm<MemorandumValues>();
  const { message } = App.useApp();
  return (
    <FormModal<MemorandumValues>
      name="memorandum-create"
      title="登记合作备忘录"
      okText="登记"
      width={680}
      open={open}
      form={form}
      fields={FIELDS}
      initialValues={{ status: 'in_force', listTypes: [], measures: [] }}
      onSubmit={async (v) => {
        const created = await api<Memorandum>('/memoranda', {
          method: 'POST',
          body: { code: v.code.trim(), docNo: v.docNo.trim(), title: v.title.trim(), listTypes: v.listTypes, measures: v.measures, status: v.status },
        });
        message.success(`已登记备忘录：${created.title}`);
        onCreated();
      }}
      onClose={onClose}
    >
      <Form.Item label="备忘录代码" name="code" rules={[{ required: true, message: '请输入备忘录代码' }, { pattern: /^[A-Za-z0-9_.-]{1,64}$/, message: '代码为 1–64 位字母、数字或 _ . -' }]}>
        <Input maxLength={64} spellCheck={false} placeholder="如 memo_local_wage" />
      </Form.Item>
      <Form.Item label="文号" name="docNo" rules={[{ required: true, whitespace: true, message: '请输入文号' }]}>
        <Input maxLength={100} placeholder="如 豫发改财金〔2026〕1号" />
      </Form.Item>
      <Form.Item label="标题" name="title" rules={[{ required: true, whitespace: true, message: '请输入标题' }]}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item label="名单类型" name="listTypes" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个名单类型' }]}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={listTypes.map((t) => ({ value: t.code, label: t.name }))} />
      </Form.Item>
      <Form.Item label="奖惩措施" name="measures" extra="措施须已指定实施部门" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一项措施' }]}>
        <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }}
          options={measures.map((m) => ({ value: m.code, label: `${m.title}${m.implementingDepartmentName ? `（${m.implementingDepartmentName}）` : '（未指定实施部门）'}`, disabled: !m.implementingDepartment }))} />
      </Form.Item>
      <Form.Item label="状态" name="status" extra="只有“实施”状态的备忘录才会产生响应任务和核查措施">
        <Select options={asOptions(MEMORANDUM_STATUS)} style={{ width: 160 }} />
      </Form.Item>
    </FormModal>
  );
}
