import { App, Checkbox, Form, Input, Radio, Select } from 'antd';
import { api } from '../../api.js';
import { FormModal } from '../../components/FormModal.js';
import { APPLIES_TO, asOptions, MATTER_CATEGORIES, MEASURE_KIND, NATURE } from '../../jointLabels.js';
import { useDepartmentOptions } from '../../lookups.js';
import type { Measure } from '../../types-joint.js';

interface MeasureValues {
  code: string;
  title: string;
  kind: 'reward' | 'punishment';
  nature: 'mandatory' | 'recommended';
  legalBasis: string;
  content?: string;
  implementingDepartment: string;
  appliesTo: string[];
  matterCategories: string[];
  category?: string;
}

const FIELDS = ['code', 'title', 'kind', 'nature', 'legalBasis', 'content', 'implementingDepartment', 'appliesTo', 'matterCategories', 'category'];

/** 新增措施 (POST /measures): the credit office's admins. */
export function MeasureForm({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const [form] = Form.useForm<MeasureValues>();
  const { message } = App.useApp();
  const departments = useDepartmentOptions('implementing', open);

  async function submit(v: MeasureValues) {
    const created = await api<Measure>('/measures', {
      method: 'POST',
      body: {
        code: v.code.trim(), title: v.title.trim(), kind: v.kind, nature: v.nature, legalBasis: v.legalBasis.trim(),
        implementingDepartment: v.implementingDepartment, appliesTo: v.appliesTo, matterCategories: v.matterCategories ?? [],
        ...(v.content?.trim() ? { content: v.content.trim() } : {}),
        ...(v.category?.trim() ? { category: v.category.trim() } : {}),
      },
    });
    message.success(`已新增措施：${created.title}`);
    onCreated();
  }

  return (
    <FormModal<MeasureValues>
      name="measure-create"
      title="新增措施"
      okText="新增"
      width={680}
      open={open}
      form={form}
      fields={FIELDS}
      initialValues={{ kind: 'punishment', nature: 'mandatory', appliesTo: ['organization'], matterCategories: [] }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item label="措施代码" name="code" rules={[{ required: true, message: '请输入措施代码' }, { pattern: /^[A-Za-z0-9_.-]{1,64}$/, message: '措施代码为 1–64 位字母、数字或 _ . -' }]}>
        <Input maxLength={64} placeholder="如 LP-SUBSIDY-BAN" spellCheck={false} />
      </Form.Item>
      <Form.Item label="措施名称" name="title" rules={[{ required: true, whitespace: true, message: '请输入措施名称' }]}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item label="类别" name="kind" rules={[{ required: true }]}>
        <Radio.Group options={asOptions(MEASURE_KIND)} />
      </Form.Item>
      <Form.Item label="性质" name="nature" rules={[{ required: true }]} extra="强制性措施依法必须实施；推荐性措施供参考">
        <Radio.Group options={asOptions(NATURE)} />
      </Form.Item>
      <Form.Item label="法律依据" name="legalBasis" rules={[{ required: true, whitespace: true, message: '请输入法律依据' }]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item label="措施内容" name="content">
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
      <Form.Item label="实施部门" name="implementingDepartment" rules={[{ required: true, message: '请选择实施部门' }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={departments} placeholder="具有“实施部门”职能的部门" />
      </Form.Item>
      <Form.Item label="适用对象" name="appliesTo" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一类适用对象' }]}>
        <Checkbox.Group options={asOptions(APPLIES_TO)} />
      </Form.Item>
      <Form.Item label="适用事项类别" name="matterCategories" extra="留空表示适用于所有业务事项；须与业务事项的类别用词一致">
        <Select mode="tags" options={MATTER_CATEGORIES.map((c) => ({ value: c, label: c }))} placeholder="选择或输入类别" />
      </Form.Item>
      <Form.Item label="清单分类" name="category">
        <Input maxLength={50} placeholder="如 公共管理机构依法依规实施的管理措施" />
      </Form.Item>
    </FormModal>
  );
}

type EditValues = Pick<MeasureValues, 'title' | 'nature' | 'legalBasis' | 'content' | 'appliesTo' | 'matterCategories'>;

/** 修改措施 (PATCH /measures/{code}): the credit office's admins correct a measure; checks apply it at once.
 * Mounted per measure (the page gives it a key), so its initial values are the measure's. */
export function MeasureEditForm({ measure, onClose, onSaved }: { measure: Measure | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<EditValues>();
  const { message } = App.useApp();
  return (
    <FormModal<EditValues>
      name="measure-edit" title={`修改措施：${measure?.code ?? ''}`} okText="保存" width={680} open={measure !== null} form={form}
      fields={['title', 'nature', 'legalBasis', 'content', 'appliesTo', 'matterCategories']}
      // the page remounts this form per measure (key), so the saved values are the initial ones
      initialValues={measure ? { title: measure.title, nature: measure.nature, legalBasis: measure.legalBasis, content: measure.content ?? '', appliesTo: measure.appliesTo, matterCategories: measure.matterCategories } : undefined}
      onSubmit={async (v) => {
        const saved = await api<Measure>(`/measures/${encodeURIComponent(measure!.code)}`, {
          method: 'PATCH',
          body: { title: v.title.trim(), nature: v.nature, legalBasis: v.legalBasis.trim(), content: v.content?.trim() || null, appliesTo: v.appliesTo, matterCategories: v.matterCategories ?? [] },
        });
        message.success(`已保存措施：${saved.title}`);
        onSaved();
      }}
      onClose={onClose}
    >
      <Form.Item label="措施名称" name="title" rules={[{ required: true, whitespace: true, message: '请输入措施名称' }]}><Input maxLength={500} /></Form.Item>
      <Form.Item label="性质" name="nature" rules={[{ required: true }]}><Radio.Group options={asOptions(NATURE)} /></Form.Item>
      <Form.Item label="法律依据" name="legalBasis" rules={[{ required: true, whitespace: true, message: '请输入法律依据' }]}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      <Form.Item label="措施内容" name="content"><Input.TextArea rows={2} maxLength={5000} /></Form.Item>
      <Form.Item label="适用对象" name="appliesTo" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一类适用对象' }]}>
        <Checkbox.Group options={asOptions(APPLIES_TO)} />
      </Form.Item>
      <Form.Item label="适用事项类别" name="matterCategories" extra="留空表示适用于所有业务事项">
        <Select mode="tags" options={MATTER_CATEGORIES.map((c) => ({ value: c, label: c }))} />
      </Form.Item>
    </FormModal>
  );
}
