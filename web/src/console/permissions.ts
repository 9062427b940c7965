// What the signed-in user may do, as the API decides it (src/modules/*): used to offer only the
// actions the role can take. The API still enforces every rule; this only keeps the UI honest.
import type { User } from './types.js';

export const isAdmin = (user: User) => user.role === 'admin';
/** The credit office (信用办) runs the platform; its admins act across departments. */
export const isPlatform = (user: User) => user.department.platform === true;
export const isPlatformAdmin = (user: User) => isPlatform(user) && isAdmin(user);

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
};
