import { App, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { api } from '../../api.js';
import { FormModal } from '../../components/FormModal.js';
import { asOptions, LIST_KIND } from '../../jointLabels.js';
import { useDepartmentOptions } from '../../lookups.js';
import type { ListType } from '../../types-joint.js';

interface ListTypeValues {
  code: string;
  name: string;
  kind: 'red' | 'black';
  domain: string;
  initiatingDepartment: string;
  legalBasis: string;
  termMonths?: number | null;
  repairable: boolean;
  public: boolean;
  exitConditions?: string;
}

const FIELDS = ['code', 'name', 'kind', 'domain', 'initiatingDepartment', 'legalBasis', 'termMonths', 'repairable', 'public', 'exitConditions'];

/** 新增名单类型 (POST /list-types): the credit office's admins. */
export function ListTypeForm({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const [form] = Form.useForm<ListTypeValues>();
  const { message } = App.useApp();
  const departments = useDepartmentOptions('initiating', open);

  async function submit(values: ListTypeValues) {
    const created = await api<ListType>('/list-types', {
      method: 'POST',
      body: {
        code: values.code.trim(), name: values.name.trim(), kind: values.kind, domain: values.domain.trim(),
        initiatingDepartment: values.initiatingDepartment, legalBasis: values.legalBasis.trim(),
        termMonths: values.termMonths ?? null, repairable: values.repairable, public: values.public,
        ...(values.exitConditions?.trim() ? { exitConditions: values.exitConditions.trim() } : {}),
      },
    });
    message.success(`已新增名单类型：${created.name}`);
    onCreated();
  }

  return (
    <FormModal<ListTypeValues>
      name="list-type-create"
      title="新增名单类型"
      okText="新增"
      width={640}
      open={open}
      form={form}
      fields={FIELDS}
      initialValues={{ kind: 'black', repairable: true, public: true }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item label="类型代码" name="code" extra="字母、数字或 _ . -，如 local_wage_arrears"
        rules={[{ required: true, message: '请输入类型代码' }, { pattern: /^[A-Za-z0-9_.-]{1,64}$/, message: '类型代码为 1–64 位字母、数字或 _ . -' }]}>
        <Input maxLength={64} autoComplete="off" spellCheck={false} />
      </Form.Item>
      <Form.Item label="名称" name="name" rules={[{ required: true, whitespace: true, min: 2, message: '请输入名单名称（至少 2 个字）' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label="类别" name="kind" rules={[{ required: true }]}>
        <Radio.Group options={asOptions(LIST_KIND)} />
      </Form.Item>
      <Form.Item label="领域" name="domain" rules={[{ required: true, whitespace: true, message: '请输入所属领域，如 税务' }]}>
        <Input maxLength={50} placeholder="如 税务、市场监管、司法" />
      </Form.Item>
      <Form.Item label="认定部门" name="initiatingDepartment" rules={[{ required: true, message: '请选择认定部门' }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={departments} placeholder="具有“发起部门”职能的部门" />
      </Form.Item>
      <Form.Item label="认定依据" name="legalBasis" rules={[{ required: true, whitespace: true, message: '请输入法律法规依据' }]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item label="默认期限（月）" name="termMonths" extra="留空表示长期有效，直至移出">
        <InputNumber min={1} max={1200} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item label="可申请信用修复" name="repairable" valuePropName="checked">
        <Switch checkedChildren="是" unCheckedChildren="否" />
      </Form.Item>
      <Form.Item label="向社会公开" name="public" valuePropName="checked">
        <Switch checkedChildren="是" unCheckedChildren="否" />
      </Form.Item>
      <Form.Item label="移出条件" name="exitConditions">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
