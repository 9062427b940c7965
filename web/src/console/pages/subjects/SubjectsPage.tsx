import { Button, Form, Input, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { navigate, useLocation } from '../../../shared/router.js';
import { ApiErrorView } from '../../components/ApiErrorView.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryForm } from '../../components/QueryForm.js';
import { kindLabel, matchedByLabel } from '../../labels.js';
import type { Items, SearchHit, User } from '../../types.js';
import { useApi } from '../../useApi.js';
import { SubjectDrawer } from './SubjectDrawer.js';
import { SubjectRegisterModal } from './SubjectRegisterModal.js';

export const SUBJECT_QUERY_LABEL = '统一社会信用代码、身份证号码或主体名称';

function scoreText(hit: SearchHit): string {
  return hit.matchedBy === 'name' ? `${Math.round(hit.score * 100)}%` : '精确匹配';
}

/** 主体管理: search (GET /subjects?q=), detail drawer, register, rename, link persons. */
export function SubjectsPage({ user }: { user: User }) {
  const { search } = useLocation();
  const q = search.get('q')?.trim() ?? '';
  const result = useApi<Items<SearchHit>>(q ? `/subjects?q=${encodeURIComponent(q)}&limit=50` : null);
  const [form] = Form.useForm<{ q: string }>();
  const [openId, setOpenId] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);
  useEffect(() => form.setFieldsValue({ q }), [form, q]); // back/forward changes the query

  const columns: TableColumnsType<SearchHit> = [
    { title: '主体类别', dataIndex: 'kind', width: 150, render: kindLabel },
    {
      title: '名称', dataIndex: 'name',
      render: (name: string, hit) => (
        <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => setOpenId(hit.id)}>{name}</Button>
      ),
    },
    {
      title: '代码', key: 'code', width: 210,
      render: (_, hit) => <code>{hit.uscc ?? hit.idNumberMasked ?? '—'}</code>,
    },
    { title: '所在地区', dataIndex: 'regionName', width: 170, render: (region: string | null) => region ?? '—' },
    { title: '匹配方式', dataIndex: 'matchedBy', width: 140, render: matchedByLabel },
    { title: '匹配度', key: 'score', width: 100, render: (_, hit) => scoreText(hit) },
  ];

  function runSearch(values: { q?: string }) {
    const text = values.q?.trim() ?? '';
    navigate(text ? `/console/subjects?q=${encodeURIComponent(text)}` : '/console/subjects');
  }

  return (
    <>
      <PageHeader
        title="主体管理"
        description="按统一社会信用代码、身份证号码或名称查找主体。自然人的身份证号码仅对信用办工作人员完整显示，每次查看均记入审计日志。"
        extra={<Button type="primary" onClick={() => setRegistering(true)}>登记主体</Button>}
      />
      <QueryForm<{ q: string }>
        name="subject-query"
        form={form}
        label="查找主体"
        initialValues={{ q }}
        onSearch={runSearch}
        onReset={() => navigate('/console/subjects')}
        searchText="查找"
      >
        <Form.Item label="查询内容" name="q" rules={[{ required: true, whitespace: true, message: `请输入${SUBJECT_QUERY_LABEL}` }]}>
          <Input placeholder={SUBJECT_QUERY_LABEL} aria-label={SUBJECT_QUERY_LABEL} allowClear maxLength={100} style={{ width: 420 }} />
        </Form.Item>
      </QueryForm>
      {!q && <Typography.Paragraph type="secondary">请输入查询内容后点击“查找”。</Typography.Paragraph>}
      {q && (result.error ? <ApiErrorView error={result.error} onRetry={result.reload} /> : (
        <Table<SearchHit>
          rowKey="id"
          size="middle"
          loading={result.loading}
          columns={columns}
          dataSource={result.data?.items ?? []}
          locale={{ emptyText: '未找到相关主体' }}
          pagination={false}
          scroll={{ x: 1000 }}
          onRow={(hit) => ({ onDoubleClick: () => setOpenId(hit.id) })}
        />
      ))}
      <SubjectDrawer
        id={openId}
        user={user}
        onOpenSubject={setOpenId}
        onClose={() => setOpenId(null)}
        onChanged={result.reload}
      />
      <SubjectRegisterModal
        open={registering}
        onClose={() => setRegistering(false)}
        onRegistered={(id) => { setOpenId(id); result.reload(); }}
      />
    </>
  );
}
