// Shapes of the objection, repair and report queues (src/modules/{objections,repairs,reports}).

export type ObjectionStatus = 'submitted' | 'returned' | 'accepted' | 'with_provider' | 'decided';
export type ObjectionOutcome = 'verified' | 'unpublish' | 'delete' | 'update';

interface Named { name: string | null; uscc: string | null; idNumberMasked?: string | null }

export interface Objection {
  id: string;
  receiptCode: string;
  target: { type: 'entry' | 'record'; id: string };
  status: ObjectionStatus;
  outcome: ObjectionOutcome | null;
  reason: string;
  /** contact only in the detail, for staff */
  applicant: { name: string; contact?: string };
  submittedOn: string;
  /** the deadline of the stage the objection is in */
  dueOn: string | null;
  overdue: boolean;
  createdAt: string;
  /** list rows and the detail */
  subject?: Named | null;
  provider?: { code: string; name: string };
  /** detail only */
  statusNote?: string | null;
  /** an entry's new term or reason; a credit record's corrected field values */
  correction?: { endsOn?: string | null; reason?: string; fields?: Record<string, string | number | null> } | null;
  attachments?: { name: string; url?: string }[];
}

export type RepairStatus = 'submitted' | 'approved' | 'rejected';

export interface Condition { code: string; met: boolean; message: string }

export interface Repair {
  id: string;
  receiptCode: string;
  target: { type: 'entry' | 'record'; id: string };
  status: RepairStatus;
  kind: string;
  reason: string;
  applicant: { name: string; contact?: string };
  submittedOn: string;
  decideDueOn: string;
  overdue: boolean;
  certificateNo: string | null;
  /** list rows and the detail */
  subject?: Named;
  decider?: { code: string; name: string };
  /** detail only */
  commitment?: string;
  evidence?: { kind: string; name: string; url?: string }[];
  conditions?: Condition[];
  decisionNote?: string | null;
}

export type ReportStatus = 'submitted' | 'handling' | 'closed';

export interface ReportRow {
  id: string;
  receiptCode: string;
  status: ReportStatus;
  subject: { name: string; uscc: string | null };
  anonymous: boolean;
  handler: ReportHandler | null;
  /** assigned to the signed-in user */
  mine: boolean;
  submittedOn: string;
  handleDueOn: string;
  overdue: boolean;
}

/** Who handles a report: a user of some department (name null if the account is gone). */
export interface ReportHandler { type: string; id: string; name: string | null; department: { code: string; name: string } | null }

export interface Report {
  id: string;
  receiptCode: string;
  status: ReportStatus;
  subject: { uscc: string | null; name: string; id: string | null };
  content: string;
  anonymous: boolean;
  /** only for the handler of a named report */
  reporter: { name: string; contact: string } | null;
  reporterConfidential: boolean;
  handler: ReportHandler | null;
  result: string | null;
  submittedOn: string;
  handleDueOn: string;
  overdue: boolean;
}
