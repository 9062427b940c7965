import { useEffect, useState } from 'react';
import { request } from './api.js';

export interface SiteInfo {
  name: string;
  operator: string;
  contact: string;
}

export const FALLBACK_SITE_NAME = '信用河南';
const FALLBACK_SITE: SiteInfo = { name: FALLBACK_SITE_NAME, operator: '', contact: '' };

/** GET /api/v1/public/site; falls back to 信用河南 when the call fails. */
export function useSiteInfo(): SiteInfo {
  const [site, setSite] = useState<SiteInfo>(FALLBACK_SITE);
  useEffect(() => {
    const controller = new AbortController();
    request<Partial<SiteInfo>>('/public/site', { signal: controller.signal })
      .then((info) => setSite({
        name: info?.name || FALLBACK_SITE_NAME,
        operator: info?.operator ?? '',
        contact: info?.contact ?? '',
      }))
      .catch(() => { /* keep the fallback */ });
    return () => controller.abort();
  }, []);
  return site;
}
