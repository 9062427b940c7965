import { Alert, Button, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../shared/api.js';
import { api } from '../../api.js';
import { BROKEN_LINK_REASONS, formatTime } from '../../labels.js';
import type { VerifyResult } from '../../types.js';

type Outcome = { result: VerifyResult; at: string } | { error: string };

function short(hash: string | null): string {
  return hash ? `${hash.slice(0, 16)}…` : '（空）';
}

function OutcomeAlert({ outcome }: { outcome: Outcome }) {
  if ('error' in outcome) return <Alert type="error" showIcon title="校验未完成" description={outcome.error} role="alert" />;
  const { result, at } = outcome;
  if (result.ok) {
    return (
      <Alert type="success" showIcon role="status" data-testid="audit-verify-result"
        title="审计链完整"
        description={`已校验 ${result.checked} 条已封存的审计记录，哈希链连续、未发现篡改（校验时间 ${formatTime(at)}）。`} />
    );
  }
  const broken = result.broken;
  return (
    <Alert type="error" showIcon role="alert" data-testid="audit-verify-result"
      title={broken ? `审计链在第 ${broken.seq} 条记录处断开` : '审计链校验未通过'}
      description={broken && (
        <>
          <div>原因：{BROKEN_LINK_REASONS[broken.reason] ?? broken.reason}</div>
          <div>此前 {result.checked} 条记录校验通过。期望值 <Typography.Text code>{short(broken.expected)}</Typography.Text>，
            实际值 <Typography.Text code>{short(broken.actual)}</Typography.Text>。</div>
          <div>请立即联系系统管理员，保全数据库并核查该记录。</div>
        </>
      )} />
  );
}

/**
 * 校验审计链 (GET /audit/verify): the credit office's admins only; the page offers it to no one else.
 * Returns the button and, once run, the outcome to show.
 */
export function useAuditVerify() {
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function verify() {
    setRunning(true);
    try {
      setOutcome({ result: await api<VerifyResult>('/audit/verify'), at: new Date().toISOString() });
    } catch (failure) {
      setOutcome({ error: errorMessage(failure) });
    } finally {
      setRunning(false);
    }
  }

  return { button: <Button onClick={verify} loading={running}>校验审计链</Button>, result: outcome && <OutcomeAlert outcome={outcome} /> };
}
