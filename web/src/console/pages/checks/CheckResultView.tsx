import { Alert, Button, Descriptions, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { CodeTag } from '../../components/CodeTag.js';
import { codeLabel, ENTRY_STATUS, LIST_KIND, MEASURE_KIND, NATURE, OUTCOME } from '../../jointLabels.js';
import { kindLabel, relationRoleLabel } from '../../labels.js';
import type { CheckMeasure, CheckResult, ListType } from '../../types-joint.js';
import type { SearchHit } from '../../types.js';

type Entry = CheckResult['entries'][number];

const OUTCOME_TEXT: Record<string, { type: 'error' | 'success' | 'warning' | 'info'; text: string }> = {
  restrict: { type: 'error', text: '该主体在联合惩戒名单中，本事项须依法实施下列惩戒措施。' },
  reward: { type: 'success', text: '该主体在联合激励名单中，本事项可实施下列激励措施。' },
  mixed: { type: 'warning', text: '该主体同时适用惩戒和激励措施，请逐项依法处理。' },
  clear: { type: 'info', text: '未发现本事项须实施的联合奖惩措施。' },
  unresolved: { type: 'warning', text: '仅凭名称不能确定主体，平台不作判断。请从候选主体中选择，按统一社会信用代码重新核查。' },
};

interface CheckResultViewProps {
  result: CheckResult;
  listTypes: Map<string, ListType>;
  /** re-check a candidate by its USCC (name-only checks) */
  onPick?: (hit: SearchHit) => void;
  /** give feedback on this check (when measures were returned and feedback is open) */
  onFeedback?: () => void;
}

/** What a check answered: outcome, aggravation, green channel, the entries (held ones apart) and the measures with their legal basis. */
export function CheckResultView({ result, listTypes, onPick, onFeedback }: CheckResultViewProps) {
  const outcome = OUTCOME_TEXT[result.outcome] ?? OUTCOME_TEXT.clear;
  const entryName = (id: string) => {
    const entry = result.entries.find((e) => e.id === id);
    return entry ? listTypes.get(entry.listType)?.name ?? entry.listType : id.slice(0, 8);
  };

  const entryColumns: TableColumnsType<Entry> = [
    { title: '名单类型', key: 'type', render: (_, e) => <Space size={4}><CodeTag table={LIST_KIND} code={e.kind} />{listTypes.get(e.listType)?.name ?? e.listType}</Space> },
    { title: '状态', dataIndex: 'status', width: 170, render: (s: string) => <CodeTag table={ENTRY_STATUS} code={s} /> },
    {
      title: '关联方式', dataIndex: 'via', width: 300,
      render: (via: Entry['via']) => (via ? `作为 ${via.organizationName} 的${relationRoleLabel(via.role)}` : '本主体直接列入'),
    },
  ];
  const measureColumns: TableColumnsType<CheckMeasure> = [
    { title: '措施', dataIndex: 'title', render: (t: string, m) => <><div>{t}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}><code>{m.code}</code></Typography.Text></> },
    { title: '类别', dataIndex: 'kind', width: 70, render: (k: string) => <CodeTag table={MEASURE_KIND} code={k} /> },
    { title: '性质', dataIndex: 'nature', width: 85, render: (n: string) => <CodeTag table={NATURE} code={n} /> },
    { title: '法律依据', dataIndex: 'legalBasis', width: 320 },
    { title: '依据的名单', dataIndex: 'entryIds', width: 180, render: (ids: string[]) => ids.map((id) => <div key={id}>{entryName(id)}</div>) },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="check-result">
      <Alert
        type={outcome.type}
        showIcon
        title={
          <Space wrap>
            <span>核查结果：</span>
            <Tag color={OUTCOME[result.outcome]?.color} style={{ fontSize: 15, padding: '2px 10px' }} data-testid="check-outcome">{codeLabel(OUTCOME, result.outcome)}</Tag>
            {result.aggravated && <Tag color="magenta">加大惩戒</Tag>}
            {result.greenChannel && <Tag color="green">绿色通道</Tag>}
          </Space>
        }
        description={
          <>
            <div>{outcome.text}</div>
            {result.aggravated && <div>该主体被两个以上领域列入黑名单，依法加大惩戒力度。</div>}
            {result.greenChannel && <div>可按规定提供“绿色通道”和“容缺受理”等便利服务。</div>}
          </>
        }
      />
      {result.subject && (
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'name', label: '主体', children: result.subject.known ? result.subject.name : <Typography.Text type="secondary">平台未登记该主体</Typography.Text> },
          { key: 'kind', label: '主体类别', children: result.subject.kind ? kindLabel(result.subject.kind) : '—' },
          { key: 'code', label: result.subject.uscc ? '统一社会信用代码' : '身份证号码', children: <code>{result.subject.uscc ?? result.subject.idNumberMasked ?? '—'}</code> },
          { key: 'id', label: '核查编号', children: <Typography.Text copyable={{ text: result.checkId }} type="secondary">{result.checkId.slice(0, 8)}… · 数据版本 {result.dataVersion}</Typography.Text> },
        ]} />
      )}
      {result.candidates && (
        <section aria-label="候选主体">
          <Typography.Title level={5}>候选主体</Typography.Title>
          <Table<SearchHit> rowKey="id" size="small" pagination={false} dataSource={result.candidates} locale={{ emptyText: '未找到名称相近的主体' }}
            columns={[
              { title: '名称', dataIndex: 'name' },
              { title: '主体类别', dataIndex: 'kind', width: 150, render: kindLabel },
              { title: '代码', key: 'code', width: 200, render: (_, h) => <code>{h.uscc ?? h.idNumberMasked ?? '—'}</code> },
              { title: '所在地区', dataIndex: 'regionName', width: 170, render: (r: string | null) => r ?? '—' },
              { title: '操作', key: 'pick', width: 130, render: (_, h) => (h.uscc && onPick ? <Button size="small" type="primary" onClick={() => onPick(h)}>按此主体核查</Button> : null) },
            ]} />
        </section>
      )}
      {result.held.length > 0 && (
        <Alert type="warning" showIcon title="部分名单记录正在异议核实中"
          description="核实期间暂不执行这些记录引起的联合奖惩措施（豫政〔2016〕65号 五(八)）。" />
      )}
      {result.entries.length > 0 && (
        <section aria-label="名单记录">
          <Typography.Title level={5}>名单记录</Typography.Title>
          <Table<Entry> rowKey="id" size="small" pagination={false} columns={entryColumns} dataSource={result.entries} />
        </section>
      )}
      {result.subject && (
        <section aria-label="适用措施">
          <Typography.Title level={5}>适用措施</Typography.Title>
          <Table<CheckMeasure> rowKey="code" size="small" pagination={false} columns={measureColumns} dataSource={result.measures}
            locale={{ emptyText: '本事项无须实施的措施' }} scroll={{ x: 900 }} />
        </section>
      )}
      {result.feedbackDueOn && (
        <Alert type="info" showIcon
          title={`请在 ${result.feedbackDueOn} 前反馈上述措施的执行情况`}
          description={result.warnings?.join('；')}
          action={onFeedback && <Button type="primary" onClick={onFeedback}>填写反馈</Button>} />
      )}
    </Space>
  );
}
