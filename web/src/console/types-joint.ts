// Shapes of the joint-action and rights API answers the console reads (src/modules/{lists,measures,
// memoranda,tasks,checks,objections,repairs,reports}; OpenAPI at /api/docs).
import type { SearchHit, SubjectKind } from './types.js';

export type ListKind = 'red' | 'black';
export type EntryStatus = 'active' | 'held' | 'expired' | 'removed' | 'revoked';

export interface ListType {
  id: string;
  code: string;
  name: string;
  kind: ListKind;
  domain: string;
  /** department code; null for seeded national types not yet assigned */
  initiatingDepartment: string | null;
  initiatingDepartmentName: string | null;
  legalBasis: string;
  /** null: until removed */
  termMonths: number | null;
  repairable: boolean;
  public: boolean;
  exitConditions: string | null;
  source: string | null;
  edition: string | null;
  verified: boolean;
  createdAt: string;
  /** objection deadlines in working days (受理, 转办, 决定); null: the platform's defaults */
  objectionDays?: number[] | null;
  repairMinMonths?: number | null;
  repairRequires?: string[];
}

export interface EntrySubject {
  id: string;
  kind: SubjectKind;
  name: string;
  uscc: string | null;
  idNumberMasked: string | null;
}

export interface ListEntry {
  id: string;
  status: EntryStatus;
  listType: string;
  listTypeName: string;
  kind: ListKind;
  domain: string;
  legalBasis: string;
  public: boolean;
  subject: EntrySubject;
  reason: string;
  decisionNo: string;
  decidedOn: string;
  startsOn: string;
  endsOn: string | null;
  department: { code: string; name: string };
  responsiblePersons: { id: string; role: string; source: 'listing' | 'relation'; name: string; idNumberMasked: string | null }[];
  /** only in GET /list-entries/{id} */
  history?: { from: EntryStatus | null; to: EntryStatus; at: string; actor: { type: string; id: string | null }; reason: string | null }[];
  createdAt: string;
}

export interface Measure {
  id: string;
  code: string;
  kind: 'reward' | 'punishment';
  nature: 'mandatory' | 'recommended';
  category: string | null;
  title: string;
  content: string | null;
  legalBasis: string;
  implementingDepartment: string | null;
  implementingDepartmentName: string | null;
  implementingAgency: string | null;
  appliesTo: string[];
  matterCategories: string[];
  edition: string | null;
  source: string | null;
  verified: boolean;
  createdAt: string;
}

export interface Matter {
  id: string;
  code: string;
  name: string;
  category: string;
  department: string;
  departmentName: string;
  createdAt: string;
}

export type MemorandumStatus = 'notified' | 'in_force' | 'expired';

export interface Memorandum {
  id: string;
  code: string;
  docNo: string;
  title: string;
  status: MemorandumStatus;
  source: string | null;
  verified: boolean;
  listTypes: string[];
  measures: string[];
  acceptances: { department: string; departmentName: string; status: 'pending' | 'accepted'; acceptedAt: string | null }[];
  createdAt: string;
}

export interface Task {
  id: string;
  status: 'pending' | 'acknowledged';
  createdAt: string;
  acknowledgedAt: string | null;
  department: string;
  memorandum: string;
  entry: { id: string; listType: string; listTypeName: string; decisionNo: string; status: EntryStatus; subject: { name: string; uscc: string | null; idNumberMasked: string | null } };
}

export interface TasksAnswer {
  counts: { pending: number; acknowledged: number };
  items: Task[];
}

export type Outcome = 'restrict' | 'reward' | 'mixed' | 'clear' | 'unresolved';

export interface CheckMeasure {
  code: string;
  title: string;
  kind: 'reward' | 'punishment';
  nature: 'mandatory' | 'recommended';
  legalBasis: string;
  entryIds: string[];
}

export interface CheckResult {
  checkId: string;
  subject: { id: string | null; kind: SubjectKind | null; name: string | null; uscc: string | null; idNumberMasked: string | null; known: boolean } | null;
  outcome: Outcome;
  aggravated: boolean;
  greenChannel: boolean;
  entries: { id: string; listType: string; kind: ListKind; status: string; via: { organizationId: string; organizationName: string; uscc: string | null; role: string } | null }[];
  measures: CheckMeasure[];
  held: string[];
  candidates?: SearchHit[];
  feedbackDueOn: string | null;
  dataVersion: number;
  warnings?: string[];
}

export type FeedbackStatus = 'open' | 'closed' | 'not_required';

export interface CheckSummary {
  checkId: string;
  outcome: Outcome;
  matter: { code: string; name: string };
  subject: { name: string | null; uscc: string | null; idNumberMasked: string | null };
  measures: { code: string; title: string; nature: 'mandatory' | 'recommended' }[];
  feedbackStatus: FeedbackStatus;
  feedbackDueOn: string | null;
  overdue: boolean;
  createdAt: string;
}

export interface CheckDetail extends CheckResult {
  matter: { code: string; name: string };
  feedbackStatus: FeedbackStatus;
  overdue: boolean;
  createdAt: string;
  feedback: { id: string; measures: { code: string; action: 'applied' | 'not_applied'; reason?: string }[]; amount: number | null; note: string; createdAt: string } | null;
}
