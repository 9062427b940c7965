import { Alert, Button, Descriptions, Flex, Space, Statistic, Table, Typography } from 'antd';
import { CodeTag } from '../../components/CodeTag.js';
import { BATCH_STATUS } from '../../collectionLabels.js';
import { formatTime } from '../../labels.js';
import type { BatchDetail, RejectRow } from '../../types-collection.js';

export const rejectsHref = (batchId: string) => `/api/v1/collection/batches/${encodeURIComponent(batchId)}/rejects.xlsx`;

const REJECT_COLUMNS = [
  { title: '行号', dataIndex: 'row', width: 70 },
  { title: '字段', dataIndex: 'field', width: 200, render: (f: string) => f || '—' },
  { title: '代码', dataIndex: 'code', width: 170, render: (c: string) => <code>{c}</code> },
  { title: '原因', dataIndex: 'reason' },
];

/** The counts of an import, as the clerk reads them: kept, new versions, unchanged, revoked, rejected. */
export function BatchCounts({ batch }: { batch: BatchDetail }) {
  const counts: [string, number, string?][] = [
    ['总行数', batch.total], ['新增', batch.accepted, '#389e0d'], ['更新版本', batch.versioned], ['未变化', batch.unchanged],
    ['撤销', batch.revoked], ['拒绝', batch.rejected, batch.rejected ? '#cf1322' : undefined],
  ];
  return (
    <Flex gap={32} wrap role="group" aria-label="导入结果统计">
      {counts.map(([title, value, color]) => (
        <Statistic key={title} title={title} value={value} styles={{ content: color ? { color } : undefined }} data-testid={`count-${title}`} />
      ))}
    </Flex>
  );
}

/** Rejected rows with their reasons (the first 1,000) and the Excel download of all of them. */
export function RejectsTable({ batch }: { batch: BatchDetail }) {
  if (!batch.rejected) return <Alert type="success" showIcon title="所有行均通过校验" />;
  return (
    <section aria-label="被拒绝的行">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>被拒绝的行（{batch.rejected} 行，{batch.rejectsTotal} 处问题）</Typography.Title>
        <Button href={rejectsHref(batch.batchId)} download>下载被拒绝的行（Excel）</Button>
      </Flex>
      {batch.rejectsTotal > batch.rejects.length && (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} title={`此处显示前 ${batch.rejects.length} 处，全部问题请下载 Excel 查看。`} />
      )}
      <Table<RejectRow> rowKey={(r) => `${r.row}-${r.field}-${r.code}-${r.reason}`} size="small" columns={REJECT_COLUMNS} dataSource={batch.rejects}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }} />
    </section>
  );
}

export function BatchFacts({ batch, typeName }: { batch: BatchDetail; typeName?: string }) {
  return (
    <Descriptions bordered size="small" column={2} styles={{ label: { width: 110 } }} items={[
      { key: 'file', label: '文件', children: batch.fileName, span: 2 },
      { key: 'type', label: '信息类别', children: `${typeName ?? batch.infoType}（第 ${batch.typeVersion} 版）` },
      { key: 'status', label: '状态', children: <CodeTag table={BATCH_STATUS} code={batch.status} /> },
      { key: 'department', label: '报送部门', children: batch.department.name },
      { key: 'format', label: '格式', children: [batch.format.toUpperCase(), batch.encoding].filter(Boolean).join(' · ') },
      { key: 'started', label: '开始时间', children: formatTime(batch.startedAt) },
      { key: 'finished', label: '完成时间', children: formatTime(batch.finishedAt) },
      { key: 'mode', label: '方式', children: batch.allOrNothing ? '全部通过才保存' : '保存通过校验的行' },
      { key: 'override', label: '校验豁免理由', children: batch.overrideReason ?? '—' },
    ]} />
  );
}

/** Warnings and a stopping error of a batch, if any. */
export function BatchNotices({ batch }: { batch: BatchDetail }) {
  const rejectedWhole = batch.allOrNothing && batch.status === 'rejected';
  if (!batch.error && !rejectedWhole && !batch.warnings.length) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {batch.error && <Alert type="error" showIcon title={batch.error} />}
      {rejectedWhole && <Alert type="warning" showIcon title="已选择“全部通过才保存”，有行未通过校验，本批次未保存任何记录。" />}
      {batch.warnings.map((w) => <Alert key={w} type="warning" showIcon title={w} />)}
    </Space>
  );
}
