import { Alert, Button, Checkbox, Descriptions, Modal, Progress, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/api.js';
import { uploadForm, type UploadProgress } from '../upload.js';

export interface SheetImportSummary {
  status: 'completed' | 'rejected';
  fileName: string;
  encoding: string | null;
  total: number; accepted: number; versioned: number; unchanged: number; revoked: number; rejected: number;
  rejects: { row: number; field: string; code: string; reason: string }[];
  rejectsTotal: number;
  warnings: string[];
}

/**
 * Imports a sheet (.xlsx, .csv UTF-8/GBK, .json, .jsonl) into `path` (multipart `file`, `allOrNothing`, plus
 * `fields`), with the upload's progress, then shows the counts and every rejected row with its reason.
 */
export function SheetImportModal({ open, title, path, hint, fields = {}, onClose, onImported }: {
  open: boolean; title: string; path: string; hint: string; fields?: Record<string, string>; onClose: () => void; onImported: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [summary, setSummary] = useState<SheetImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  function close() {
    setFile(null); setSummary(null); setError(null); setProgress(null); setAllOrNothing(false);
    onClose();
  }

  async function send() {
    if (!file) return;
    const form = new FormData();
    form.append('allOrNothing', String(allOrNothing));
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', file, file.name); // the file last: fields before it are read first
    setError(null);
    setProgress({ loaded: 0, total: file.size });
    try {
      const result = await uploadForm<SheetImportSummary>(path, form, setProgress);
      setSummary(result);
      onImported();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setProgress(null);
    }
  }

  const busy = progress !== null;
  return (
    <Modal title={title} open={open} width={760} onCancel={close} mask={{ closable: false }}
      footer={summary ? <Button type="primary" onClick={close}>完成</Button> : (
        <Space><Button onClick={close}>取消</Button><Button type="primary" disabled={!file} loading={busy} onClick={send}>导入</Button></Space>
      )}>
      {!summary && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Upload.Dragger accept=".xlsx,.csv,.json,.jsonl" maxCount={1} beforeUpload={(f) => { setFile(f); return false; }}
            onRemove={() => setFile(null)} fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}>
            <p>将 Excel（.xlsx）、CSV（UTF-8 或 GBK）或 JSONL 文件拖到此处，或点击选择</p>
            <Typography.Text type="secondary">{hint}</Typography.Text>
          </Upload.Dragger>
          <Checkbox checked={allOrNothing} onChange={(e) => setAllOrNothing(e.target.checked)}>有任何一行被拒绝则全部不导入</Checkbox>
          {progress && <Progress percent={progress.total ? Math.round((progress.loaded / progress.total) * 100) : 0} status="active" aria-label="上传进度" />}
          {error && <Alert type="error" showIcon title={error} role="alert" />}
        </Space>
      )}
      {summary && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type={summary.rejected ? 'warning' : 'success'} showIcon role="status"
            title={summary.status === 'rejected' ? `有 ${summary.rejected} 行被拒绝，按“全部或全无”未导入任何一行` : `导入完成：新增 ${summary.accepted}，更新 ${summary.versioned}，未变 ${summary.unchanged}，拒绝 ${summary.rejected}`} />
          <Descriptions size="small" column={3} items={[
            { key: 'file', label: '文件', children: summary.fileName },
            { key: 'total', label: '总行数', children: summary.total },
            { key: 'encoding', label: '编码', children: summary.encoding ?? '—' },
          ]} />
          {summary.warnings.map((w) => <Alert key={w} type="info" showIcon title={w} />)}
          {summary.rejects.length > 0 && (
            <Table size="small" rowKey={(r) => `${r.row}-${r.field}-${r.code}`} dataSource={summary.rejects} pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[{ title: '行号', dataIndex: 'row', width: 70 }, { title: '字段', dataIndex: 'field', width: 160 }, { title: '原因', dataIndex: 'reason' }]} />
          )}
        </Space>
      )}
    </Modal>
  );
}
