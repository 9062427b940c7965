import { Alert, Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../../shared/api.js';
import { allPlaced, applyServerErrors } from '../fieldErrors.js';

type FieldName = string | (string | number)[];

interface FormModalProps<T> {
  /** the form's name: prefixes its field ids, so two forms on a page never share an id */
  name: string;
  title: string;
  open: boolean;
  form: FormInstance<T>;
  /** the form's field names, to put the API's field errors (`body.code`…) next to their field */
  fields: FieldName[];
  okText?: string;
  width?: number;
  initialValues?: Partial<T>;
  onValuesChange?: (changed: Partial<T>, all: T) => void;
  /** sends the form; a thrown ApiError is shown (on its fields where it names them) */
  onSubmit: (values: T) => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}

/** A create/edit form in a modal: validation, submit state, server errors mapped onto fields. */
export function FormModal<T extends object>(props: FormModalProps<T>) {
  const { name, title, open, form, fields, okText = '确定', width, initialValues, onValuesChange, onSubmit, onClose, children } = props;
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function close() {
    form.resetFields();
    setError(null);
    onClose();
  }

  async function finish(values: T) {
    setSubmitting(true);
    setError(null);
    try {
      await onSubmit(values);
      form.resetFields();
      onClose();
    } catch (failure) {
      const unplaced = applyServerErrors(form, failure, fields);
      if (!allPlaced(failure, unplaced)) {
        setError([errorMessage(failure), ...unplaced].filter((m, i, all) => all.indexOf(m) === i).join('；'));
      }
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal
      title={title}
      open={open}
      width={width}
      okText={okText}
      cancelText="取消"
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={close}
      mask={{ closable: false }}
      forceRender
    >
      <Form<T>
        name={name}
        form={form}
        layout="vertical"
        requiredMark
        initialValues={initialValues}
        onValuesChange={onValuesChange}
        onFinish={finish}
        aria-label={title}
      >
        {children}
        {error && <Alert type="error" showIcon title={error} role="alert" />}
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}
