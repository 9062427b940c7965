import { Button, Descriptions, Drawer, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { DISCLOSURE, FIELD_TYPE } from '../../collectionLabels.js';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { CodeTag } from '../../components/CodeTag.js';
import { PageHeader } from '../../components/PageHeader.js';
import { formatTime, kindLabel } from '../../labels.js';
import { useInfoTypes } from '../../lookups.js';
import type { InfoField, InfoType } from '../../types-collection.js';

const templateHref = (code: string) => `/api/v1/catalog/info-types/${encodeURIComponent(code)}/template.xlsx`;

const FIELD_COLUMNS: TableColumnsType<InfoField> = [
  { title: '字段', dataIndex: 'label', render: (label: string, f) => <>{label}{f.required && <Typography.Text type="danger"> *</Typography.Text>}</> },
  { title: '英文键', dataIndex: 'key', width: 170, render: (k: string) => <code>{k}</code> },
  { title: '类型', dataIndex: 'type', width: 90, render: (t: string, f) => FIELD_TYPE[t] ?? t + (f.multiple ? '（多值）' : '') },
  { title: '取值', key: 'values', render: (_, f) => (f.enum?.length ? f.enum.join(' / ') : f.identifier === 'uscc' ? '统一社会信用代码' : f.identifier === 'ric' ? '身份证号码' : f.maxLength ? `不超过 ${f.maxLength} 字` : '—') },
  { title: '个人信息', dataIndex: 'pii', width: 90, render: (pii?: boolean) => (pii ? <Tag color="orange">加密脱敏</Tag> : '—') },
];

function InfoTypeDrawer({ type, onClose }: { type: InfoType | null; onClose: () => void }) {
  const labelOf = (key: string) => (key === '$subject' ? '相对人代码' : type?.fields.find((f) => f.key === key)?.label ?? key);
  return (
    <Drawer title={type ? `${type.name}（${type.code}）` : ''} open={type !== null} size={900} onClose={onClose} destroyOnHidden
      extra={type && <Button href={templateHref(type.code)} download>下载填报模板</Button>}>
      {type && (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions bordered size="small" column={2} styles={{ label: { width: 120 } }} items={[
            { key: 'category', label: '目录类别', children: type.categoryName, span: 2 },
            { key: 'disclosure', label: '公开属性', children: <CodeTag table={DISCLOSURE} code={type.disclosure} /> },
            { key: 'dual', label: '双公示', children: type.dualPublicity ? '是（7 个工作日内公示）' : '否' },
            { key: 'kinds', label: '适用主体', children: type.subjectKinds.map(kindLabel).join('、'), span: 2 },
            { key: 'key', label: '唯一标识', children: type.naturalKey.map(labelOf).join(' + '), span: 2 },
            { key: 'version', label: '版本', children: `第 ${type.version} 版（${formatTime(type.updatedAt)}）`, span: 2 },
            ...(type.description ? [{ key: 'description', label: '说明', children: type.description, span: 2 }] : []),
          ]} />
          <section aria-label="字段">
            <Typography.Title level={5}>字段（{type.fields.length} 个，* 为必填）</Typography.Title>
            <Table<InfoField> rowKey="key" size="small" columns={FIELD_COLUMNS} dataSource={type.fields} pagination={false} />
          </section>
        </Space>
      )}
    </Drawer>
  );
}

/** 信息目录 (GET /catalog/info-types): the info types with their fields, disclosure and templates. */
export function CatalogPage() {
  const types = useInfoTypes();
  const [open, setOpen] = useState<InfoType | null>(null);
  const columns: TableColumnsType<InfoType> = [
    { title: '信息类别', key: 'name', render: (_, t) => <Button type="link" className="console-cell-link" onClick={() => setOpen(t)}>{t.name}</Button> },
    { title: '代码', dataIndex: 'code', width: 210, render: (c: string) => <code>{c}</code> },
    { title: '目录类别', dataIndex: 'categoryName', width: 200, ellipsis: true },
    { title: '公开属性', dataIndex: 'disclosure', width: 90, render: (d: string) => <CodeTag table={DISCLOSURE} code={d} /> },
    { title: '双公示', dataIndex: 'dualPublicity', width: 80, render: (d: boolean) => (d ? <Tag color="blue">双公示</Tag> : '—') },
    { title: '字段数', key: 'fields', width: 80, align: 'right', render: (_, t) => t.fields.length },
    { title: '版本', dataIndex: 'version', width: 70, align: 'right' },
    { title: '操作', key: 'actions', width: 170, render: (_, t) => (
      <Space size={0}>
        <Button type="link" size="small" onClick={() => setOpen(t)}>字段</Button>
        <Button type="link" size="small" href={templateHref(t.code)} download>模板</Button>
      </Space>
    ) },
  ];
  return (
    <>
      <PageHeader title="信息目录" description="信用信息目录中的信息类别及其字段。上报文件的列名可用中文字段名或英文键；新增和修改信息类别由信用办管理员通过接口进行，每次修改生成新版本。" />
      {types.error ? <ApiErrorView error={types.error} onRetry={types.reload} /> : (
        <Table<InfoType> rowKey="code" size="middle" loading={types.loading} columns={columns} dataSource={types.items} pagination={false}
          locale={{ emptyText: '目录为空' }} scroll={{ x: 1000 }} />
      )}
      <InfoTypeDrawer type={open} onClose={() => setOpen(null)} />
    </>
  );
}
