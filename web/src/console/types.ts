export type Role = 'admin' | 'officer' | 'system';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  department: { code: string; name: string };
}

export interface UserResponse {
  user: User;
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  officer: '经办人',
  system: '系统',
};

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}
