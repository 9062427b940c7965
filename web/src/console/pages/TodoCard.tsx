import { Card, Col, Row, Statistic } from 'antd';
import { linkClick } from '../../shared/router.js';
import { can, isCreditOfficeStaff, isImplementing, isInitiating, isPlatform, isProvider } from '../permissions.js';
import type { CheckSummary, Memorandum, TasksAnswer } from '../types-joint.js';
import type { Objection, Repair, ReportRow } from '../types-rights.js';
import type { Items, User } from '../types.js';
import { useApi } from '../useApi.js';

interface Todo { key: string; title: string; path: string; count: number | undefined; danger?: boolean }

/** 待办: what waits for the user's department, counted from the queues it may read. */
export function TodoCard({ user }: { user: User }) {
  const implementing = isImplementing(user);
  const office = isCreditOfficeStaff(user);
  const tasks = useApi<TasksAnswer>(implementing ? '/tasks?status=pending&limit=1' : null);
  const memoranda = useApi<Items<Memorandum>>(can.acceptMemoranda(user) ? '/memoranda?pending=true' : null);
  const open = useApi<Items<CheckSummary>>(implementing ? '/checks?status=open&limit=500' : null);
  const overdue = useApi<Items<CheckSummary>>(implementing ? '/checks?status=overdue&limit=500' : null);
  const objections = useApi<Items<Objection>>(office ? '/objections?status=submitted&limit=500'
    : isProvider(user) ? '/objections?status=with_provider&limit=500' : null);
  const repairs = useApi<Items<Repair>>(isInitiating(user) ? '/repairs?status=submitted&limit=500' : null);
  const reports = useApi<Items<ReportRow>>(office ? '/reports?status=submitted' : '/reports?status=handling');

  const all = isPlatform(user) ? '（全部部门）' : '';
  const todos: Todo[] = [
    ...(implementing ? [{ key: 'tasks', title: `待确认响应任务${all}`, path: '/console/tasks', count: tasks.data?.counts.pending }] : []),
    ...(can.acceptMemoranda(user) && !isPlatform(user) ? [{ key: 'memoranda', title: '待接收备忘录', path: '/console/memoranda', count: memoranda.data?.items.length }] : []),
    ...(implementing ? [
      { key: 'open', title: `待反馈核查${all}`, path: '/console/feedback', count: open.data?.items.length },
      { key: 'overdue', title: `逾期未反馈${all}`, path: '/console/feedback', count: overdue.data?.items.length, danger: true },
    ] : []),
    ...(office || isProvider(user) ? [{ key: 'objections', title: office ? '待受理异议' : '待决定异议', path: '/console/objections', count: objections.data?.items.length }] : []),
    ...(isInitiating(user) ? [{ key: 'repairs', title: '待审核修复申请', path: '/console/repairs', count: repairs.data?.items.length }] : []),
    { key: 'reports', title: office ? '待分派举报' : '办理中的举报', path: '/console/reports', count: reports.data?.items.length },
  ];

  return (
    <Card title="待办事项" style={{ marginTop: 16 }}>
      <Row gutter={[16, 16]}>
        {todos.map((t) => (
          <Col key={t.key} xs={12} md={8} xl={6}>
            <a href={t.path} onClick={linkClick} aria-label={`${t.title}：${t.count ?? '…'}`} className="console-todo">
              <Statistic title={t.title} value={t.count ?? '…'} styles={{ content: t.danger && t.count ? { color: '#cf1322' } : undefined }} />
            </a>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
