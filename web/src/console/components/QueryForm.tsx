import { Button, Card, Form, Space, type FormInstance } from 'antd';
import type { ReactNode } from 'react';

interface QueryFormProps<T> {
  /** the form's name: prefixes its field ids, so two forms on a page never share an id */
  name: string;
  form: FormInstance<T>;
  /** accessible name of the search form */
  label: string;
  initialValues?: Partial<T>;
  onSearch: (values: T) => void;
  onReset?: () => void;
  searchText?: string;
  children: ReactNode;
}

/** The query form that sits above a list's table: fields inline, 查询 / 重置 at the end. */
export function QueryForm<T extends object>(props: QueryFormProps<T>) {
  const { name, form, label, initialValues, onSearch, onReset, searchText = '查询', children } = props;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form<T>
        name={name}
        form={form}
        layout="inline"
        role="search"
        aria-label={label}
        initialValues={initialValues}
        onFinish={onSearch}
        style={{ rowGap: 12 }}
      >
        {children}
        <Form.Item style={{ marginInlineEnd: 0 }}>
          <Space>
            <Button type="primary" htmlType="submit">{searchText}</Button>
            {onReset && (
              <Button onClick={() => { form.resetFields(); onReset(); }}>重置</Button>
            )}
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}
