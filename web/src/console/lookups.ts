// Lists several pages need to name codes or offer choices: departments, list types, measures, matters.
import { useMemo } from 'react';
import type { InfoType } from './types-collection.js';
import type { ListType, Matter, Measure } from './types-joint.js';
import type { Department, Items } from './types.js';
import { useApi } from './useApi.js';

/** Departments as select options, optionally only those with a function (the credit office has every one). */
export function useDepartmentOptions(role?: 'initiating' | 'implementing', load = true) {
  const { data } = useApi<Items<Department>>(load ? '/departments' : null);
  return useMemo(() => (data?.items ?? [])
    .filter((d) => !role || d.platform || d.roles.includes(role))
    .map((d) => ({ value: d.code, label: d.name })), [data, role]);
}

export function useListTypes() {
  const state = useApi<Items<ListType>>('/list-types');
  const byCode = useMemo(() => new Map((state.data?.items ?? []).map((t) => [t.code, t])), [state.data]);
  return { ...state, items: state.data?.items ?? [], byCode };
}

export function useMeasures(load = true) {
  const state = useApi<Items<Measure>>(load ? '/measures' : null);
  const byCode = useMemo(() => new Map((state.data?.items ?? []).map((m) => [m.code, m])), [state.data]);
  return { ...state, items: state.data?.items ?? [], byCode };
}

export function useMatters() {
  const state = useApi<Items<Matter>>('/matters');
  return { ...state, items: state.data?.items ?? [] };
}

/** The catalog's info types (current versions), with their Chinese names by code. */
export function useInfoTypes(load = true) {
  const state = useApi<Items<InfoType>>(load ? '/catalog/info-types' : null);
  const names = useMemo(() => new Map((state.data?.items ?? []).map((t) => [t.code, t.name])), [state.data]);
  return { ...state, items: state.data?.items ?? [], names };
}
