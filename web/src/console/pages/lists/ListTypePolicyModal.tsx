import { App, Checkbox, Form, InputNumber, Space, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { api } from '../../api.js';
import { FormModal } from '../../components/FormModal.js';
import type { ListType } from '../../types-joint.js';

interface PolicyValues {
  objectionDefault: boolean;
  objectionDays?: (number | null)[];
  repairMinMonths?: number | null;
  repairRequires: string[];
}

interface PolicyAnswer { code: string; objectionDays: number[] | null; repairMinMonths: number | null; repairRequires: string[] }

const STAGES = ['受理', '转办', '决定'];
const FIELDS: (string | (string | number)[])[] = ['objectionDays', ['objectionDays', 0], ['objectionDays', 1], ['objectionDays', 2], 'repairMinMonths', 'repairRequires'];
const REQUIRES = [{ value: 'training', label: '信用修复培训证明' }, { value: 'report', label: '信用报告' }];

/**
 * 办理时限与修复条件 (POST /list-types/{code}/policy): objection deadlines in working days per stage
 * (null: the platform's defaults 1/2/5) and the repair conditions (minimum months, required evidence).
 */
export function ListTypePolicyModal({ listType, onClose }: { listType: ListType | null; onClose: () => void }) {
  const [form] = Form.useForm<PolicyValues>();
  const { message } = App.useApp();
  const objectionDefault = Form.useWatch('objectionDefault', form);

  // start from the type's saved policy (GET /list-types carries it), not from the defaults
  useEffect(() => {
    if (!listType) return;
    form.setFieldsValue({
      objectionDefault: !listType.objectionDays, objectionDays: listType.objectionDays ?? [1, 2, 5],
      repairMinMonths: listType.repairMinMonths, repairRequires: listType.repairRequires ?? [],
    });
  }, [listType, form]);

  async function submit(values: PolicyValues) {
    const days = values.objectionDays ?? [];
    const saved = await api<PolicyAnswer>(`/list-types/${encodeURIComponent(listType!.code)}/policy`, {
      method: 'POST',
      body: {
        objectionDays: values.objectionDefault ? null : [0, 1, 2].map((i) => days[i] ?? null),
        repairMinMonths: values.repairMinMonths ?? null,
        repairRequires: values.repairRequires ?? [],
      },
    });
    const objection = saved.objectionDays ? saved.objectionDays.join('/') : '平台默认';
    message.success(`已保存「${listType!.name}」：异议时限 ${objection}，修复最短 ${saved.repairMinMonths ?? 0} 个月`);
  }

  return (
    <FormModal<PolicyValues>
      name="list-type-policy"
      title="办理时限与修复条件"
      okText="保存"
      width={600}
      open={listType !== null}
      form={form}
      fields={FIELDS}
      initialValues={{ objectionDefault: true, objectionDays: [1, 2, 5], repairRequires: [] }}
      onSubmit={submit}
      onClose={onClose}
    >
      {listType && <Typography.Paragraph>名单类型：<strong>{listType.name}</strong>（<code>{listType.code}</code>）。保存后覆盖该类型现有的设置。</Typography.Paragraph>}
      <Form.Item label="异议办理时限使用平台默认（受理 1、转办 2、决定 5 个工作日）" name="objectionDefault" valuePropName="checked">
        <Switch checkedChildren="默认" unCheckedChildren="自定" />
      </Form.Item>
      {!objectionDefault && (
        <Form.Item label="异议办理时限（工作日）" required>
          <Space wrap>
            {STAGES.map((stage, i) => (
              <Form.Item key={stage} name={['objectionDays', i]} noStyle rules={[{ required: true, message: `请输入${stage}时限` }]}>
                <InputNumber min={1} max={60} precision={0} prefix={stage} suffix="日" aria-label={`${stage}时限（工作日）`} style={{ width: 140 }} />
              </Form.Item>
            ))}
          </Space>
        </Form.Item>
      )}
      <Form.Item label="信用修复最短期限（月）" name="repairMinMonths" extra="自认定之日起满该期限方可申请修复；留空或 0 表示不限">
        <InputNumber min={0} max={120} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item label="修复须另附材料" name="repairRequires" extra="履行义务证明始终必需">
        <Checkbox.Group options={REQUIRES} />
      </Form.Item>
    </FormModal>
  );
}
