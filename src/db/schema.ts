// Table shapes for Kysely, following src/db/migrations. Generated columns are `Generated<…>`.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface DepartmentTable {
  id: Generated<string>;
  code: string;
  name: string;
  region_code: string;
  roles: string[];
  is_platform: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface AppUserTable {
  id: Generated<string>;
  department_id: string;
  username: string;
  display_name: string;
  role: 'admin' | 'officer';
  password_hash: string;
  disabled: Generated<boolean>;
  created_at: Generated<Date>;
  password_changed_at: Generated<Date>;
}

export interface UserSessionTable {
  token_hash: string;
  user_id: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface ApiKeyTable {
  id: Generated<string>;
  department_id: string;
  role: 'admin' | 'officer' | 'system';
  name: string | null;
  prefix: string;
  key_hash: string;
  created_at: Generated<Date>;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface SubjectTable {
  id: Generated<string>;
  kind: 'organization' | 'individual_business' | 'natural_person';
  name: string;
  name_key: string;
  search_text: string;
  uscc: string | null;
  org_code: string | null;
  reg_no: string | null;
  region_code: string | null;
  id_cipher: Buffer | null;
  id_key_version: number | null;
  id_blind: string | null;
  id_masked: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SubjectNameTable {
  id: Generated<string>;
  subject_id: string;
  name: string;
  name_key: string;
  kind: 'former' | 'alias';
  until_on: string | null;
  created_at: Generated<Date>;
}

export interface SubjectRelationTable {
  id: Generated<string>;
  organization_id: string;
  person_id: string;
  role: 'legal_representative' | 'principal' | 'directly_responsible';
  starts_on: string | null;
  ends_on: string | null;
  created_at: Generated<Date>;
}

export interface AuditEventTable {
  id: Generated<string>;
  txid: Generated<string>;
  seq: string | null;
  prev_hash: string | null;
  hash: string | null;
  at: Timestamp;
  actor_type: string;
  actor_id: string | null;
  department_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  data: unknown;
}

export interface ChangeTable {
  id: Generated<string>;
  txid: Generated<string>;
  seq: string | null;
  type: string;
  at: Generated<Date>;
  subject_id: string | null;
  is_public: Generated<boolean>;
  departments: Generated<string[]>;
  data: unknown;
}

export interface DB {
  department: DepartmentTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  api_key: ApiKeyTable;
  subject: SubjectTable;
  subject_name: SubjectNameTable;
  subject_relation: SubjectRelationTable;
  audit_event: AuditEventTable;
  change: ChangeTable;
}
