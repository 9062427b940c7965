import { Alert, Button, Card, Checkbox, Form, Input, Progress, Select, Space, Typography, Upload } from 'antd';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../../shared/api.js';
import { navigate } from '../../../shared/router.js';
import { fileSize } from '../../collectionLabels.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useInfoTypes } from '../../lookups.js';
import { isPlatform } from '../../permissions.js';
import type { BatchDetail, InfoType } from '../../types-collection.js';
import type { User } from '../../types.js';
import { uploadForm } from '../../upload.js';
import { BATCHES_PATH } from './BatchesPage.js';
import { BatchCounts, BatchNotices, RejectsTable } from './BatchSummary.js';

type Phase =
  | { step: 'idle' }
  | { step: 'uploading'; file: File; percent: number }
  | { step: 'importing'; file: File }
  | { step: 'done'; file: File; batch: BatchDetail }
  | { step: 'failed'; file: File; message: string };

const ACCEPT = '.xlsx,.csv,.json,.jsonl,.txt';

/** The info types this department may deliver (an empty provider list: any department). */
function deliverable(types: InfoType[], user: User): InfoType[] {
  return types.filter((t) => isPlatform(user) || !t.providerDepartments.length || t.providerDepartments.includes(user.department.code));
}

function PhaseProgress({ phase }: { phase: Phase }) {
  if (phase.step === 'idle') return null;
  const percent = phase.step === 'uploading' ? phase.percent : 100;
  const status = phase.step === 'failed' ? 'exception' : phase.step === 'done' ? 'success' : 'active';
  const text = {
    uploading: `正在上传 ${phase.file.name}（${fileSize(phase.file.size)}）`,
    importing: `${phase.file.name} 已上传，正在逐行校验并入库……`,
    done: `${phase.file.name}（${fileSize(phase.file.size)}）已导入`,
    failed: `${phase.file.name} 导入未完成`,
  }[phase.step];
  return (
    <div aria-live="polite">
      <Typography.Text>{text}</Typography.Text>
      <Progress percent={percent} status={status} aria-label="上传进度" />
    </div>
  );
}

/** 数据上报 (POST /collection/batches): choose the info type, drop a file, watch it upload, read the result. */
export function UploadPage({ user }: { user: User }) {
  const types = useInfoTypes();
  const options = useMemo(() => deliverable(types.items, user), [types.items, user]);
  const [type, setType] = useState<string | undefined>();
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const busy = phase.step === 'uploading' || phase.step === 'importing';
  const chosen = options.find((t) => t.code === type);

  async function send(file: File) {
    if (!type) return;
    const form = new FormData();
    form.set('type', type);
    if (allOrNothing) form.set('allOrNothing', 'true');
    if (overrideReason.trim()) form.set('overrideReason', overrideReason.trim());
    form.set('file', file, file.name);
    setPhase({ step: 'uploading', file, percent: 0 });
    try {
      const batch = await uploadForm<BatchDetail>('/collection/batches', form, ({ loaded, total }) => {
        // the request body is a little larger than the file: cap at 99 until the server has it all
        const percent = total ? Math.min(99, Math.floor((loaded / total) * 100)) : 0;
        if (total && loaded >= total) setPhase({ step: 'importing', file });
        else setPhase({ step: 'uploading', file, percent });
      });
      setPhase({ step: 'done', file, batch });
    } catch (error) {
      setPhase({ step: 'failed', file, message: errorMessage(error) });
    }
  }

  return (
    <>
      <PageHeader
        title="数据上报"
        description="按信用信息目录上报行政许可、行政处罚等信息：选择信息类别，下载填报模板，把 Excel（.xlsx）、CSV（UTF-8 或 GBK）、JSON 或 JSONL 文件拖到下方。通过校验的行即时入库，未通过的行列出原因。"
        extra={<Button onClick={() => navigate(BATCHES_PATH)}>导入批次</Button>}
      />
      <Card>
        <Form layout="vertical" name="upload" style={{ maxWidth: 760 }}>
          <Form.Item label="信息类别" required htmlFor="upload-type" extra={chosen && (
            <Space size="middle">
              <span>{chosen.categoryName} · 第 {chosen.version} 版 · {chosen.fields.length} 个字段{chosen.dualPublicity ? ' · 双公示' : ''}</span>
              <a href={`/api/v1/catalog/info-types/${encodeURIComponent(chosen.code)}/template.xlsx`} download>下载填报模板</a>
            </Space>
          )}>
            <Select id="upload-type" placeholder="请选择信息类别" value={type} onChange={setType} disabled={busy} loading={types.loading}
              options={options.map((t) => ({ value: t.code, label: t.name }))} style={{ width: 320 }} />
          </Form.Item>
          <Form.Item label="校验豁免理由" htmlFor="upload-override" extra="仅用于校验位不符、但确属有效的旧代码（如 2016 年前赋码）；理由随记录保存。">
            <Input id="upload-override" value={overrideReason} onChange={(e) => setOverrideReason(e.target.value)} maxLength={500} disabled={busy} />
          </Form.Item>
          <Form.Item>
            <Checkbox checked={allOrNothing} onChange={(e) => setAllOrNothing(e.target.checked)} disabled={busy}>全部通过才保存（任一行有误则整批不保存）</Checkbox>
          </Form.Item>
          <Upload.Dragger accept={ACCEPT} multiple={false} showUploadList={false} disabled={!type || busy}
            customRequest={({ file }) => { void send(file as File); }} aria-label="上传文件">
            <p style={{ fontSize: 16, margin: '8px 0' }}>{type ? '将文件拖到此处，或点击选择文件' : '请先选择信息类别'}</p>
            <p style={{ color: '#595959', margin: 0 }}>支持 .xlsx、.csv（UTF-8 / GBK 自动识别）、.json（对象数组或接口返回的数据包）、.jsonl；单个文件不超过 1 GB，超大文件请用命令行 xinyong import</p>
          </Upload.Dragger>
        </Form>
      </Card>
      {phase.step !== 'idle' && (
        <Card style={{ marginTop: 16 }} title="导入结果" data-testid="upload-result">
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <PhaseProgress phase={phase} />
            {phase.step === 'failed' && <Alert type="error" showIcon title={phase.message} role="alert" />}
            {phase.step === 'done' && (
              <>
                <BatchCounts batch={phase.batch} />
                <BatchNotices batch={phase.batch} />
                <RejectsTable batch={phase.batch} />
                <Space>
                  <Button type="primary" onClick={() => navigate(`${BATCHES_PATH}?batch=${encodeURIComponent(phase.batch.batchId)}`)}>查看批次详情</Button>
                  <Button onClick={() => setPhase({ step: 'idle' })}>继续上报</Button>
                </Space>
              </>
            )}
          </Space>
        </Card>
      )}
    </>
  );
}
