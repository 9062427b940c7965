// Console API client. Every state-changing request carries `X-Xinyong-Client: console`: the server
// rejects cookie-authenticated writes without it (CSRF defence). A 401 anywhere ends the session.
import { ApiError, request, type RequestOptions } from '../shared/api.js';
import type { User, UserResponse } from './types.js';

export const CLIENT_HEADER = 'X-Xinyong-Client';
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let unauthorizedHandler: (() => void) | null = null;

/** Registers what to do when the session has ended (the app shows the login page). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

/** Ends the session in the app (the login page shows): for requests made outside api(), such as uploads. */
export function notifyUnauthorized(): void {
  unauthorizedHandler?.();
}

interface ConsoleRequestOptions extends RequestOptions {
  /** Whether a 401 means "session ended" (false for login and password checks, where it means bad credentials). */
  sessionBound?: boolean;
}

export async function api<T>(path: string, options: ConsoleRequestOptions = {}): Promise<T> {
  const { sessionBound = true, ...rest } = options;
  const method = rest.method ?? 'GET';
  const headers: Record<string, string> = { ...rest.headers };
  if (WRITE_METHODS.has(method)) headers[CLIENT_HEADER] = 'console';
  try {
    return await request<T>(path, { ...rest, method, headers });
  } catch (error) {
    if (sessionBound && error instanceof ApiError && error.status === 401) unauthorizedHandler?.();
    throw error;
  }
}

export async function fetchMe(signal?: AbortSignal): Promise<User> {
  const response = await api<UserResponse>('/auth/me', { signal, sessionBound: false });
  return response.user;
}

export async function login(username: string, password: string): Promise<User> {
  const response = await api<UserResponse>('/auth/login', {
    method: 'POST',
    body: { username, password },
    sessionBound: false,
  });
  return response.user;
}

export async function logout(): Promise<void> {
  await api<void>('/auth/logout', { method: 'POST', sessionBound: false });
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  await api<void>('/auth/password', {
    method: 'POST',
    body: { currentPassword, newPassword },
    sessionBound: false,
  });
}
