// What the signed-in user may do, as the API decides it (src/modules/*): used to offer only the
// actions the role can take. The API still enforces every rule; this only keeps the UI honest.
import type { User } from './types.js';

export const isAdmin = (user: User) => user.role === 'admin';
/** The credit office (信用办) runs the platform; its admins act across departments. */
export const isPlatform = (user: User) => user.department.platform === true;
export const isPlatformAdmin = (user: User) => isPlatform(user) && isAdmin(user);
/** The credit office's people (admins and officers, not system keys): objections, reports. */
export const isCreditOfficeStaff = (user: User) => isPlatform(user) && user.role !== 'system';

/** The department's functions: provider 数源, initiating 发起, implementing 实施. */
export const hasDepartmentRole = (user: User, role: 'provider' | 'initiating' | 'implementing') =>
  (user.department.roles ?? []).includes(role);
export const isInitiating = (user: User) => isPlatform(user) || hasDepartmentRole(user, 'initiating');
export const isImplementing = (user: User) => isPlatform(user) || hasDepartmentRole(user, 'implementing');
/** Objections are decided by the department that provided the data (the initiating department of an entry). */
export const isProvider = (user: User) => isInitiating(user) || hasDepartmentRole(user, 'provider');

export const can = {
  createDepartment: isPlatformAdmin,
  manageKeys: isAdmin,
  manageUsers: isAdmin,
  /** choose another department for a new user or key */
  chooseDepartment: isPlatformAdmin,
  readAudit: isAdmin,
  verifyAudit: isPlatformAdmin,
  /** rename subjects and link persons: officers and admins, not system keys */
  editSubjects: (user: User) => user.role === 'admin' || user.role === 'officer',
  /** list types, measures, matters and memoranda are kept by the credit office's admins */
  manageJointAction: isPlatformAdmin,
  /** publish, remove and revoke entries of a list type: its initiating department only */
  publishTo: (user: User, listType: { initiatingDepartment: string | null }) =>
    listType.initiatingDepartment === user.department.code,
  endEntry: (user: User, entry: { department: { code: string } }) => entry.department.code === user.department.code,
  /** memoranda naming the department are accepted by its officers and admins */
  acceptMemoranda: (user: User) => hasDepartmentRole(user, 'implementing') && user.role !== 'system',
  check: isImplementing,
  /** accept, return and forward objections; assign reports */
  handleObjections: isCreditOfficeStaff,
  decideObjection: (user: User, objection: { provider?: { code: string } }) =>
    (objection.provider?.code === user.department.code && user.role !== 'system') || isPlatformAdmin(user),
  decideRepair: (user: User, repair: { decider?: { code: string } }) =>
    (repair.decider?.code === user.department.code && user.role !== 'system') || isPlatformAdmin(user),
  assignReports: isCreditOfficeStaff,
  /** departments that provide data (and the credit office) see their batches, timeliness and the catalog */
  collect: (user: User) => isPlatform(user) || hasDepartmentRole(user, 'provider'),
  /** admins manage, officers deliver: the API takes files from officers and system keys only */
  deliver: (user: User) => (isPlatform(user) || hasDepartmentRole(user, 'provider')) && user.role !== 'admin',
};
