// Shapes of the API responses the console reads (see src/modules/*/routes.ts and the OpenAPI at /api/docs).
export type Role = 'admin' | 'officer' | 'system';

export interface User {
  id: string;
  type?: 'user' | 'key';
  username: string;
  displayName: string;
  role: Role;
  department: { code: string; name: string; roles?: string[]; platform?: boolean };
}

export interface UserResponse {
  user: User;
}

export interface Items<T> {
  items: T[];
}

export interface Department {
  id: string;
  code: string;
  name: string;
  regionCode: string;
  regionName: string | null;
  roles: string[];
  platform: boolean;
  createdAt: string;
}

export interface ApiKey {
  id: string;
  role: Role;
  name: string | null;
  prefix: string;
  /** department code */
  department: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** POST /keys answer: the only time the key itself is sent. */
export interface CreatedKey {
  id: string;
  key: string;
  role: Role;
  department: string;
  name: string | null;
  createdAt: string;
}

export interface ConsoleUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  department: { code: string; name: string };
  createdAt: string;
}

export type SubjectKind = 'organization' | 'individual_business' | 'natural_person';

export interface SearchHit {
  id: string;
  kind: SubjectKind;
  name: string;
  uscc: string | null;
  idNumberMasked: string | null;
  regionName: string | null;
  matchedBy: 'uscc' | 'id_number' | 'org_code' | 'reg_no' | 'name';
  score: number;
}

export interface Relation {
  id: string;
  role: string;
  startsOn: string | null;
  endsOn: string | null;
  organization: { id: string; name: string; uscc: string | null };
  person: { id: string; name: string; idNumberMasked: string | null };
}

export interface Subject {
  id: string;
  kind: SubjectKind;
  name: string;
  uscc: string | null;
  orgCode: string | null;
  regNo: string | null;
  regionCode: string | null;
  regionName: string | null;
  /** present only for callers allowed to see personal data (the credit office's staff) */
  idNumber: string | null;
  idNumberMasked: string | null;
  formerNames: { name: string; until: string | null }[];
  aliases: string[];
  relations: Relation[];
  createdAt: string;
}

export interface AuditEvent {
  id: number;
  seq: number | null;
  at: string;
  actor: { type: string; id: string | null };
  departmentId: string | null;
  action: string;
  entity: { type: string; id: string | null };
  data: unknown;
  sealed: boolean;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  broken: { seq: string; reason: 'gap' | 'prev_hash' | 'hash'; expected: string; actual: string | null } | null;
}

export interface Change {
  seq: number;
  type: string;
  at: string;
  data: unknown;
}

export interface ChangesPage {
  changes: Change[];
  next: number;
}

export interface IdentifierCheck {
  value: string;
  type: string | null;
  valid: boolean;
  errors: { code: string; message: string }[];
  details: Record<string, unknown>;
}
