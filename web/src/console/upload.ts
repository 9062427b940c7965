// File upload with progress: fetch() cannot report how much of a request body was sent, so the
// console's one multipart call goes through XMLHttpRequest. Same rules as api(): the CSRF header on
// the write, problem+json errors as ApiError, a 401 ends the session.
import { ApiError, NETWORK_ERROR, type Problem } from '../shared/api.js';
import { CLIENT_HEADER, notifyUnauthorized } from './api.js';

export interface UploadProgress { loaded: number; total: number }

export function uploadForm<T>(path: string, form: FormData, onProgress: (p: UploadProgress) => void, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.setRequestHeader(CLIENT_HEADER, 'console');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : 0 });
    xhr.onerror = () => reject(new ApiError(0, NETWORK_ERROR));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.onload = () => {
      let body: unknown;
      try { body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined; } catch { body = undefined; }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      if (xhr.status === 401) notifyUnauthorized();
      const problem = body as Problem | undefined;
      reject(new ApiError(xhr.status, problem?.detail ?? `上传失败（${xhr.status}）`, problem));
    };
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}
