import { Alert, Button, Checkbox, Input, Modal, Select, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../shared/api.js';
import { api } from '../../api.js';
import type { ListType } from '../../types-joint.js';
import { CSV_HEADER, parseBatch } from './batchParse.js';

interface BatchAnswer {
  accepted: number;
  rejected: number;
  ids: string[];
  rejects: { row: number; field: string; code: string; reason: string }[];
}

/** Excel in China often saves CSV as GBK: decode as UTF-8 when it is, GBK otherwise. */
async function readText(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

/** 批量认定 (POST /list-entries/batch): up to 1,000 entries pasted or uploaded as JSON or CSV; rejected rows listed with their reasons. */
export function EntryBatchModal({ listTypes, open, onClose, onDone }: { listTypes: ListType[]; open: boolean; onClose: () => void; onDone: () => void }) {
  const [listType, setListType] = useState<string | undefined>(listTypes[0]?.code);
  const [text, setText] = useState('');
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [answer, setAnswer] = useState<BatchAnswer | null>(null);
  const parsed = text.trim() ? parseBatch(text, listType) : null;

  function close() {
    setText('');
    setProblem(null);
    setAnswer(null);
    onClose();
  }

  async function send() {
    const result = parseBatch(text, listType);
    if ('error' in result) return setProblem(result.error);
    setSending(true);
    setProblem(null);
    try {
      const reply = await api<BatchAnswer>('/list-entries/batch', { method: 'POST', body: { entries: result.entries, allOrNothing } });
      setAnswer(reply);
      if (reply.accepted) onDone();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setSending(false);
    }
  }

  return (
    <Modal title="批量认定列入" open={open} width={760} onCancel={close} mask={{ closable: false }}
      footer={answer ? <Button type="primary" onClick={close}>完成</Button> : (
        <Space>
          <Button onClick={close}>取消</Button>
          <Button type="primary" loading={sending} disabled={!parsed || 'error' in parsed} onClick={send}>
            {parsed && 'entries' in parsed ? `导入 ${parsed.entries.length} 条` : '导入'}
          </Button>
        </Space>
      )}>
      {answer ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type={answer.rejected ? 'warning' : 'success'} showIcon
            title={`已列入 ${answer.accepted} 条${answer.rejected ? `，${answer.rejected} 行未通过` : ''}`}
            description={allOrNothing && answer.rejected ? '已选择“全部通过才保存”，本次未保存任何记录。' : undefined} />
          {answer.rejects.length > 0 && (
            <Table rowKey={(r) => `${r.row}-${r.field}-${r.reason}`} size="small" pagination={false} dataSource={answer.rejects} scroll={{ y: 320 }}
              columns={[
                { title: '行号', dataIndex: 'row', width: 70, render: (row: number) => row + 1 },
                { title: '字段', dataIndex: 'field', width: 180, render: (f: string) => <code>{f || '—'}</code> },
                { title: '原因', dataIndex: 'reason' },
              ]} />
          )}
        </Space>
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            粘贴或选择 JSON（名单记录数组，字段同“认定列入”接口）或 CSV 文件，最多 1000 条。CSV 首行为表头：
            <Typography.Text code copyable>{CSV_HEADER}</Typography.Text>
            日期格式 YYYY-MM-DD；移出日期留空按默认期限，填“长期”表示直至移出。
          </Typography.Paragraph>
          <Space wrap>
            <span>未写名单类型的行按</span>
            <Select style={{ width: 260 }} value={listType} onChange={setListType} aria-label="默认名单类型"
              options={listTypes.map((t) => ({ value: t.code, label: t.name }))} />
            <Upload accept=".csv,.json,text/csv,application/json" showUploadList={false}
              beforeUpload={(file) => { void readText(file).then(setText); return false; }}>
              <Button>选择文件</Button>
            </Upload>
          </Space>
          <Input.TextArea rows={10} value={text} onChange={(e) => setText(e.target.value)} aria-label="要导入的名单记录" spellCheck={false}
            placeholder={`${CSV_HEADER}\nmajor_tax_violation,法人和非法人组织,某某有限公司,91410100MA3X5K7Q1U,,偷税,豫税稽罚〔2026〕1号,2026-05-20,2026-06-01,`} />
          <Checkbox checked={allOrNothing} onChange={(e) => setAllOrNothing(e.target.checked)}>全部通过才保存（任一行有误则一条都不保存）</Checkbox>
          {parsed && 'error' in parsed && <Alert type="warning" showIcon title={parsed.error} />}
          {problem && <Alert type="error" showIcon title={problem} role="alert" />}
        </Space>
      )}
    </Modal>
  );
}
