// Who is acting. Every request resolves to one Principal; every use case takes it and scopes its
// queries by `departmentId` (or, for the credit office, by nothing).
export type Role = 'admin' | 'officer' | 'system';

export interface Principal {
  type: 'user' | 'key';
  id: string;
  role: Role;
  departmentId: string;
  departmentCode: string;
  departmentName: string;
  departmentRoles: string[];
  /** The credit office that runs the platform: its admins act across departments. */
  platform: boolean;
  /** Authenticated by session cookie (browser): writes need the CSRF header. */
  viaSession: boolean;
  username?: string;
  displayName?: string;
}

export interface Actor {
  type: 'user' | 'key' | 'system' | 'public';
  id: string | null;
  departmentId: string | null;
}

export const SYSTEM_ACTOR: Actor = { type: 'system', id: null, departmentId: null };
export const PUBLIC_ACTOR: Actor = { type: 'public', id: null, departmentId: null };

export function actorOf(p: Principal | null): Actor {
  return p ? { type: p.type, id: p.id, departmentId: p.departmentId } : PUBLIC_ACTOR;
}

/** The credit office's own admins and officers may see unmasked personal data. */
export function maySeePersonalData(p: Principal | null): boolean {
  return !!p && p.platform && (p.role === 'admin' || p.role === 'officer');
}

export function isPlatformAdmin(p: Principal | null): boolean {
  return !!p && p.platform && p.role === 'admin';
}
