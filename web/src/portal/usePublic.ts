import { useEffect, useState } from 'react';
import { ApiError, errorMessage, request } from '../shared/api.js';

export type Load<T> = { status: 'loading' } | { status: 'done'; data: T } | { status: 'empty' } | { status: 'error'; message: string };

/** GET a public path; a 404 (e.g. the endpoint not deployed yet) means there is nothing public to show. */
export function usePublic<T>(path: string | null): Load<T> {
  const [state, setState] = useState<Load<T>>({ status: 'loading' });
  useEffect(() => {
    if (!path) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    request<T>(path, { signal: controller.signal })
      .then((data) => setState({ status: 'done', data }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState(error instanceof ApiError && error.status === 404 ? { status: 'empty' } : { status: 'error', message: errorMessage(error) });
      });
    return () => controller.abort();
  }, [path]);
  return state;
}
