import { Alert, Button, Card, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../../../shared/api.js';
import { useLocation } from '../../../shared/router.js';
import { api } from '../../api.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useListTypes, useMatters } from '../../lookups.js';
import type { CheckResult } from '../../types-joint.js';
import type { User } from '../../types.js';
import { CheckResultView } from './CheckResultView.js';
import { FeedbackModal } from './FeedbackModal.js';

type By = 'uscc' | 'idNumber' | 'name';

interface CheckValues {
  matterCode: string;
  by: By;
  value: string;
}

const BY_LABELS: Record<By, string> = { uscc: '统一社会信用代码', idNumber: '身份证号码', name: '名称' };

/** 核查 (POST /checks): a clerk checks a subject in one of the department's matters (应查必查). */
export function CheckPage({ user }: { user: User }) {
  const { search } = useLocation();
  const matters = useMatters();
  const listTypes = useListTypes();
  const [form] = Form.useForm<CheckValues>();
  const by = Form.useWatch('by', form) ?? 'uscc';
  const [result, setResult] = useState<CheckResult | null>(null);
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [feedbackFor, setFeedbackFor] = useState<string | null>(null);
  const [feedbackGiven, setFeedbackGiven] = useState<string[]>([]);
  const uscc = search.get('uscc');

  useEffect(() => {
    if (uscc) form.setFieldsValue({ by: 'uscc', value: uscc });
  }, [form, uscc]);
  useEffect(() => {
    if (!form.getFieldValue('matterCode') && matters.items.length) form.setFieldValue('matterCode', matters.items[0].code);
  }, [form, matters.items]);

  async function check(values: CheckValues) {
    setChecking(true);
    setFailure(null);
    try {
      const answer = await api<CheckResult>('/checks', {
        method: 'POST',
        body: { matterCode: values.matterCode, subject: { [values.by]: values.value.trim() } },
      });
      setResult(answer);
    } catch (error) {
      setResult(null);
      const fieldErrors = error instanceof ApiError ? error.problem?.errors ?? [] : [];
      const matter = fieldErrors.filter((e) => e.path.includes('matterCode')).map((e) => e.message);
      const subject = fieldErrors.filter((e) => !e.path.includes('matterCode')).map((e) => e.message);
      form.setFields([{ name: 'matterCode', errors: matter }, { name: 'value', errors: subject }]);
      if (!fieldErrors.length) setFailure(errorMessage(error));
    } finally {
      setChecking(false);
    }
  }

  function recheck(usccValue: string) {
    form.setFieldsValue({ by: 'uscc', value: usccValue });
    void check({ ...form.getFieldsValue(), by: 'uscc', value: usccValue });
  }

  const noMatters = !matters.loading && !matters.error && matters.items.length === 0;
  return (
    <>
      <PageHeader
        title="核查"
        description="在业务办理中核查主体是否适用联合奖惩措施（应查必查）。每次核查连同结果留存备查；返回措施的，须在期限内反馈执行情况。"
      />
      {noMatters && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="本部门暂无业务事项" description="请联系信用办登记嵌入核查的业务事项后再核查。" />}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form<CheckValues> name="check" form={form} layout="vertical" initialValues={{ by: 'uscc' }} onFinish={check} aria-label="核查主体" requiredMark>
          <Space wrap align="start" size="middle">
            <Form.Item label="业务事项" name="matterCode" rules={[{ required: true, message: '请选择业务事项' }]}>
              <Select style={{ width: 300 }} loading={matters.loading} placeholder="选择办理的业务事项"
                options={matters.items.map((m) => ({ value: m.code, label: `${m.name}（${m.category}）` }))} />
            </Form.Item>
            <Form.Item label="查询方式" name="by">
              <Radio.Group optionType="button" options={(Object.keys(BY_LABELS) as By[]).map((value) => ({ value, label: BY_LABELS[value] }))}
                onChange={() => form.setFields([{ name: 'value', errors: [] }])} />
            </Form.Item>
            <Form.Item label={BY_LABELS[by]} name="value" rules={[{ required: true, whitespace: true, message: `请输入${BY_LABELS[by]}` }]}
              extra={by === 'name' ? '仅凭名称不能确定主体，将返回候选主体供选择' : undefined}>
              <Input style={{ width: 300 }} maxLength={by === 'name' ? 200 : 18} allowClear spellCheck={false} autoComplete="off" />
            </Form.Item>
            <Form.Item label=" " colon={false}>
              <Button type="primary" htmlType="submit" loading={checking}>核查</Button>
            </Form.Item>
          </Space>
        </Form>
        {failure && <Alert type="error" showIcon title={failure} role="alert" />}
      </Card>
      {result ? (
        <CheckResultView
          result={result}
          listTypes={listTypes.byCode}
          onPick={(hit) => hit.uscc && recheck(hit.uscc)}
          onFeedback={feedbackGiven.includes(result.checkId) ? undefined : () => setFeedbackFor(result.checkId)}
        />
      ) : (
        <Typography.Paragraph type="secondary">选择业务事项，输入主体的统一社会信用代码、身份证号码或名称后点击“核查”。核查人：{user.displayName}（{user.department.name}）。</Typography.Paragraph>
      )}
      <FeedbackModal checkId={feedbackFor} onClose={() => setFeedbackFor(null)} onDone={(id) => setFeedbackGiven((ids) => [...ids, id])} />
    </>
  );
}
