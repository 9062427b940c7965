import { App, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import { FormModal } from '../../components/FormModal.js';
import { usccRule } from '../../identifiers.js';
import { KIND_LABELS } from '../../labels.js';
import type { Subject, SubjectKind } from '../../types.js';

interface RegisterValues {
  kind: SubjectKind;
  name: string;
  uscc?: string;
  idNumber?: string;
}

const FIELDS = ['kind', 'name', 'uscc', 'idNumber'];
const ID_NUMBER = /^(\d{17}[\dXx]|\d{15})$/;

/** 登记主体 (POST /subjects): by USCC, or by ID number for a natural person; an existing subject is returned as is. */
export function SubjectRegisterModal({ open, onClose, onRegistered }: { open: boolean; onClose: () => void; onRegistered: (id: string) => void }) {
  const [form] = Form.useForm<RegisterValues>();
  const [kind, setKind] = useState<SubjectKind>('organization');
  const { message } = App.useApp();
  const person = kind === 'natural_person';

  // Characters 1–2 of a USCC say whether it is an individual business (92): follow it.
  const onValidUscc = (details: Record<string, unknown>) => {
    const codeKind = details.subjectKind;
    if ((codeKind === 'organization' || codeKind === 'individual_business') && form.getFieldValue('kind') !== codeKind) {
      form.setFieldValue('kind', codeKind);
      setKind(codeKind);
    }
  };

  async function submit(values: RegisterValues) {
    const body = {
      kind: values.kind,
      name: values.name.trim(),
      ...(values.kind === 'natural_person'
        ? { idNumber: values.idNumber?.trim().toUpperCase() }
        : { uscc: values.uscc?.trim().toUpperCase() }),
    };
    const subject = await api<Subject>('/subjects', { method: 'POST', body });
    if (subject.name === body.name) message.success(`已登记：${subject.name}`);
    else message.info(`该主体已登记为“${subject.name}”，已打开其详情`);
    onRegistered(subject.id);
  }

  return (
    <FormModal<RegisterValues>
      name="subject-register"
      title="登记主体"
      okText="登记"
      open={open}
      form={form}
      fields={FIELDS}
      initialValues={{ kind: 'organization' }}
      onValuesChange={(changed) => { if (changed.kind) setKind(changed.kind); }}
      onSubmit={submit}
      onClose={() => { setKind('organization'); onClose(); }}
    >
      <Form.Item label="主体类别" name="kind" rules={[{ required: true, message: '请选择主体类别' }]}>
        <Select options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item label={person ? '姓名' : '名称'} name="name" rules={[{ required: true, whitespace: true, message: person ? '请输入姓名' : '请输入名称' }]}>
        <Input maxLength={person ? 50 : 200} autoComplete="off" />
      </Form.Item>
      {person ? (
        <Form.Item
          label="身份证号码"
          name="idNumber"
          rules={[
            { required: true, whitespace: true, message: '请输入身份证号码' },
            { pattern: ID_NUMBER, message: '身份证号码应为 18 位（最后一位可为 X）或 15 位数字' },
          ]}
        >
          <Input maxLength={18} autoComplete="off" spellCheck={false} />
        </Form.Item>
      ) : (
        <Form.Item
          label="统一社会信用代码"
          name="uscc"
          validateTrigger="onBlur"
          rules={[{ required: true, whitespace: true, message: '请输入统一社会信用代码' }, usccRule(onValidUscc)]}
        >
          <Input maxLength={40} autoComplete="off" spellCheck={false} style={{ textTransform: 'uppercase' }} />
        </Form.Item>
      )}
    </FormModal>
  );
}
