// Publication windows of credit records (公示期). Penalties are published for a minimum and a
// maximum period that depend on the decision date (which policy was in force) and the severity; the
// policy tables are data (data/catalog/publication-policies.json, each with its source). Pure
// functions; the only I/O is reading that table once at import, like the identifier tables.
import { readFileSync } from 'node:fs';
import { daysInMonth } from './identifiers/dates.js';
import { dayNumber } from './working-days.js';

export type Severity = 'minor' | 'general' | 'serious';

export interface PolicyTier {
  minMonths: number;
  maxMonths: number;
  /** Minor penalties may stay unpublished (国办发〔2025〕22号); if published, for at most maxMonths. */
  mayBeUnpublished: boolean;
  note?: string;
}

export interface PublicationPolicy {
  code: string;
  appliesTo: 'penalty';
  /** Inclusive bounds on the decision date; null = open. */
  decidedFrom: string | null;
  decidedUntil: string | null;
  source: string;
  confidence: string;
  tiers: Record<Severity, PolicyTier>;
  note?: string;
}

export interface PublicationWindow {
  policy: string | null;
  publishFrom: string;
  /** Earliest day publication may end on request (repair), inclusive; null = no minimum. */
  minPublishUntil: string | null;
  /** Last day of publication, inclusive; null = no limit. */
  maxPublishUntil: string | null;
}

// src/domain and dist/domain both sit two levels below the project root.
const POLICY_FILE = new URL('../../data/catalog/publication-policies.json', import.meta.url);

export const PUBLICATION_POLICIES: readonly PublicationPolicy[] =
  (JSON.parse(readFileSync(POLICY_FILE, 'utf8')) as { policies: PublicationPolicy[] }).policies;

/** Chinese labels used in files and on screen; 较重 (a KPI grade seen in practice) counts as general. */
export const SEVERITY_LABELS: Record<string, Severity> = { 轻微: 'minor', 一般: 'general', 较重: 'general', 严重: 'serious' };
export const SEVERITY_NAMES: Record<Severity, string> = { minor: '轻微', general: '一般', serious: '严重' };

/**
 * `date` plus `months` calendar months, by 民法典 第二百零二条: the period ends on the corresponding
 * day of the last month, or on that month's last day when it has none (2024-01-31 + 1 → 2024-02-29).
 */
export function addMonths(date: string, months: number): string {
  dayNumber(date); // validates
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12 + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The policy in force on the decision date. */
export function policyFor(decidedOn: string, policies: readonly PublicationPolicy[] = PUBLICATION_POLICIES): PublicationPolicy | null {
  return policies.find((p) => (!p.decidedFrom || decidedOn >= p.decidedFrom) && (!p.decidedUntil || decidedOn <= p.decidedUntil)) ?? null;
}

/**
 * The window of a penalty decided on `decidedOn` with `severity` (general when unknown): counted
 * from the decision date (发改办财金〔2019〕527号). Other record kinds (licences, lists) have no
 * policy here: published from the decision date with no end.
 */
export function publicationWindow(opts: {
  kind: 'penalty' | null; decidedOn: string; severity?: Severity | null; policies?: readonly PublicationPolicy[];
}): PublicationWindow {
  const open = { policy: null, publishFrom: opts.decidedOn, minPublishUntil: null, maxPublishUntil: null };
  if (opts.kind !== 'penalty') return open;
  const policy = policyFor(opts.decidedOn, opts.policies);
  if (!policy) return open;
  const tier = policy.tiers[opts.severity ?? 'general'];
  return {
    policy: policy.code,
    publishFrom: opts.decidedOn,
    minPublishUntil: tier.minMonths > 0 ? addMonths(opts.decidedOn, tier.minMonths) : null,
    maxPublishUntil: addMonths(opts.decidedOn, tier.maxMonths),
  };
}

/** Whether a window covers `today` (both ends inclusive). */
export function isWithinWindow(w: Pick<PublicationWindow, 'publishFrom' | 'maxPublishUntil'>, today: string): boolean {
  return w.publishFrom <= today && (w.maxPublishUntil === null || today <= w.maxPublishUntil);
}
