// Names for the ids an audit event carries (actor, entity, department), from the lists this admin
// may read anyway (GET /users, /keys, /departments). Unknown ids are shown shortened.
import { ACTOR_TYPE_LABELS, dataName, entityTypeLabel } from '../../labels.js';
import type { ApiKey, AuditEvent, ConsoleUser, Department, Items } from '../../types.js';
import { useApi } from '../../useApi.js';

export interface Lookups {
  actor: (actor: AuditEvent['actor']) => string;
  entity: (event: AuditEvent) => string;
  department: (id: string | null) => string;
}

export const shortId = (id: string) => (id.length > 12 ? `${id.slice(0, 8)}…` : id);

export function useLookups(enabled: boolean): Lookups {
  const users = useApi<Items<ConsoleUser>>(enabled ? '/users' : null);
  const keys = useApi<Items<ApiKey>>(enabled ? '/keys' : null);
  const departments = useApi<Items<Department>>(enabled ? '/departments' : null);
  const userName = (id: string) => {
    const u = users.data?.items.find((x) => x.id === id);
    return u ? `${u.displayName}（${u.username}）` : null;
  };
  const keyName = (id: string) => {
    const k = keys.data?.items.find((x) => x.id === id);
    return k ? `${k.prefix}…${k.name ? `（${k.name}）` : ''}` : null;
  };
  const departmentName = (id: string) => departments.data?.items.find((d) => d.id === id)?.name ?? null;

  return {
    actor: ({ type, id }) => {
      const name = id ? (type === 'user' ? userName(id) : type === 'key' ? keyName(id) : null) : null;
      const kind = ACTOR_TYPE_LABELS[type] ?? type;
      if (!id) return kind;
      return type === 'key' ? `密钥 ${name ?? shortId(id)}` : name ?? `${kind} ${shortId(id)}`;
    },
    entity: ({ entity: { type, id }, data }) => {
      if (!id) return entityTypeLabel(type);
      const name = type === 'user' ? userName(id) : type === 'api_key' ? keyName(id) : type === 'department' ? departmentName(id) : null;
      return `${entityTypeLabel(type)} ${name ?? dataName(data) ?? shortId(id)}`;
    },
    department: (id) => (id ? departmentName(id) ?? shortId(id) : '—'),
  };
}
