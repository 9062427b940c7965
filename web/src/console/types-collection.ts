// Shapes of the collection, catalog and push answers the console reads (src/modules/collection,
// catalog, push; OpenAPI at /api/docs).

export interface RejectRow { row: number; field: string; code: string; reason: string }

export interface Batch {
  batchId: string;
  status: 'running' | 'completed' | 'rejected' | 'failed';
  infoType: string;
  typeVersion: number;
  department: { code: string; name: string };
  fileName: string;
  format: string;
  encoding: string | null;
  allOrNothing: boolean;
  overrideReason: string | null;
  total: number;
  accepted: number;
  versioned: number;
  unchanged: number;
  revoked: number;
  rejected: number;
  warnings: string[];
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

/** POST /collection/batches and GET /collection/batches/{id}: the batch with its rejected rows (first 1,000). */
export interface BatchDetail extends Batch {
  rejects: RejectRow[];
  rejectsTotal: number;
  resumedFrom?: number;
}

export interface InfoField {
  key: string;
  label: string;
  type: 'text' | 'date' | 'integer' | 'decimal' | 'enum' | 'identifier';
  required?: boolean;
  pii?: boolean;
  enum?: string[];
  multiple?: boolean;
  identifier?: 'uscc' | 'ric';
  maxLength?: number;
  aliases?: string[];
  description?: string;
}

export interface InfoType {
  code: string;
  name: string;
  category: string;
  categoryName: string;
  description?: string;
  subjectKinds: string[];
  disclosure: 'public' | 'shared' | 'restricted';
  dualPublicity: boolean;
  publication: 'penalty' | null;
  naturalKey: string[];
  providerDepartments: string[];
  feedsListType?: string | null;
  fields: InfoField[];
  version: number;
  updatedAt: string;
}

export interface TimelinessCounts { delivered: number; onTime: number; late: number; rejected: number; onTimeRate: number | null }

export interface Timeliness {
  from: string;
  to: string;
  workingDays: number;
  items: (TimelinessCounts & { department: { code: string; name: string }; byType: (TimelinessCounts & { infoType: string })[] })[];
  warnings: string[];
}

export type DeliveryStatus = 'pending' | 'failed' | 'delivered' | 'dead';

export interface Subscription {
  id: string;
  url: string;
  events: string[];
  listTypes: string[] | null;
  secretPrefix: string;
  department: string;
  queuedThrough: number;
  pausedUntil: string | null;
  failingSince: string | null;
  deliveries: Record<DeliveryStatus, number>;
  createdAt: string;
}

export interface Delivery {
  id: string;
  subscriptionId: string;
  seq: number;
  event: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  deadAt: string | null;
  replayedAt: string | null;
  queuedAt: string;
}
