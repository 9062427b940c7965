import { Descriptions, Spin, Typography } from 'antd';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { CodeTag } from '../../components/CodeTag.js';
import type { CodeLabel } from '../../jointLabels.js';
import { useApi } from '../../useApi.js';

/** A credit record as GET /records/{id} shows it (the parts the objection drawer needs). */
export interface CreditRecordView {
  id: string;
  version: number;
  infoType: string;
  status: string;
  mark: string | null;
  fields: Record<string, string | number | null>;
  decidedOn: string | null;
  department: { code: string; name: string };
  publication: { minUntil: string | null; maxUntil: string | null };
}

export interface InfoTypeFields { code: string; name: string; fields: { key: string; label: string; pii?: boolean }[] }

export const RECORD_STATUS: Record<string, CodeLabel> = {
  active: { label: '公示中', color: 'green' },
  held: { label: '异议处理中', color: 'orange' },
  corrected: { label: '已更正（历史版本）' },
  unpublished: { label: '已取消公示' },
  revoked: { label: '已删除', color: 'volcano' },
  expired: { label: '公示期满' },
};

/** What each decision does to a record (ADR 010): the entry wording (移出名单…) does not fit. */
export const RECORD_OUTCOME: Record<string, CodeLabel> = {
  verified: { label: '核实无误，解除异议标注' },
  unpublish: { label: '取消公示（本部门保留，继续共享）' },
  delete: { label: '删除信息（停止公示和共享）' },
  update: { label: '更新信息（生成更正后的新版本）' },
};

/** The record an objection is about, with its info type (field labels for display and correction). */
export function useRecordTarget(id: string | null) {
  const record = useApi<CreditRecordView>(id ? `/records/${encodeURIComponent(id)}` : null);
  const r = record.data && record.data.id === id ? record.data : undefined;
  const type = useApi<InfoTypeFields>(r ? `/catalog/info-types/${encodeURIComponent(r.infoType)}` : null);
  return { record, r, type: type.data && type.data.code === r?.infoType ? type.data : undefined };
}

/** 异议所针对的信用记录: type, status (marked while held), main fields, provider and publication window. */
export function RecordSummary({ target }: { target: ReturnType<typeof useRecordTarget> }) {
  const { record, r, type } = target;
  if (record.error) return <ApiErrorView error={record.error} />;
  if (!r) return <Spin spinning={record.loading}><div style={{ minHeight: 60 }} /></Spin>;
  const label = (key: string) => type?.fields.find((f) => f.key === key)?.label ?? key;
  const shown = ['decision_no', 'subject_name', 'violation_type', 'penalty_content', 'license_content'].filter((k) => r.fields[k] !== undefined && r.fields[k] !== null);
  return (
    <Descriptions bordered size="small" column={1} styles={{ label: { width: 140 } }} items={[
      { key: 'type', label: '信息类别', children: type?.name ?? r.infoType },
      { key: 'status', label: '状态', children: <><CodeTag table={RECORD_STATUS} code={r.status} />{r.version > 1 && <Typography.Text type="secondary">第 {r.version} 版</Typography.Text>}</> },
      ...shown.map((k) => ({ key: k, label: label(k), children: String(r.fields[k]) })),
      { key: 'decided', label: '决定日期', children: r.decidedOn ?? '—' },
      { key: 'window', label: '公示期限', children: r.publication.maxUntil ? `至 ${r.publication.maxUntil}${r.publication.minUntil ? `（最短至 ${r.publication.minUntil}）` : ''}` : '—' },
      { key: 'department', label: '数源单位', children: r.department.name },
    ]} />
  );
}
