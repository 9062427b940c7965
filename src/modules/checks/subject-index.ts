// What a check needs to know of every subject — who it is, the entries in force that reach it (own
// or as an organisation's answerable person) and the date of its latest negative record — held in
// process memory, so that a check by USCC or ID number is answered without a database round trip
// (ADR 015). No I/O here: index-follower.ts fills it from the database and keeps it moving with the
// change feed.
//
// Compact on purpose, because a city platform holds millions of subjects: one slot per subject in
// parallel arrays (id as 16 bytes, kind and dates as small integers), the identifier maps pointing
// at slots, entries only for the few subjects that have some. About 150 bytes a subject.
import type { FactEntry, FactSubject, FactViaEntry } from './store.js';

export type SubjectKind = FactSubject['kind'];
const KINDS: SubjectKind[] = ['organization', 'individual_business', 'natural_person'];

/** A subject as the database gives it (index loads and reloads). */
export interface SubjectRow { id: string; kind: SubjectKind; name: string; uscc: string | null; id_blind: string | null; id_masked: string | null; created_on: string }
/** An entry in force as stored in the index: its list type by id (names come from the catalog). */
export interface IndexedEntry { id: string; status: string; starts_on: string; ends_on: string | null; list_type_id: string }
export interface IndexedViaEntry extends IndexedEntry { role: string; org_id: string; org_name: string; org_uscc: string | null }
/** Everything the index holds about one subject, as one reload reads it. */
export interface SubjectState { subject: SubjectRow; own: IndexedEntry[]; via: IndexedViaEntry[]; negativeOn: string | null }
export interface ListTypeFact { code: string; name: string; kind: 'red' | 'black'; domain: string }

const DAY = 86_400_000;
const dayOf = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY);
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
function uuidToBytes(id: string, into: Uint8Array, at: number) {
  const hex = id.replace(/-/g, '');
  for (let i = 0; i < 16; i++) into[at + i] = parseInt(hex.substr(i * 2, 2), 16);
}
function bytesToUuid(b: Uint8Array, at: number): string {
  let s = '';
  for (let i = 0; i < 16; i++) {
    s += HEX[b[at + i]];
    if (i === 3 || i === 5 || i === 7 || i === 9) s += '-';
  }
  return s;
}

export function createSubjectIndex(initialCapacity = 1024) {
  let capacity = Math.max(16, initialCapacity);
  let size = 0;
  let ids = new Uint8Array(capacity * 16);
  let kinds = new Uint8Array(capacity);
  let createdDays = new Int32Array(capacity);
  let negativeDays = new Int32Array(capacity); // 0: no negative record known
  const names: string[] = [];
  const usccs: (string | null)[] = [];
  const bySlotPerson = new Map<number, { blind: string; masked: string | null }>();
  const slotOfUscc = new Map<string, number>();
  const slotOfBlind = new Map<string, number>();
  const entries = new Map<number, { own: IndexedEntry[]; via: IndexedViaEntry[] }>();

  function grow() {
    capacity *= 2;
    const copy = <T extends Uint8Array | Int32Array>(old: T, make: (n: number) => T, per = 1) => { const n = make(capacity * per); n.set(old); return n; };
    ids = copy(ids, (n) => new Uint8Array(n), 16);
    kinds = copy(kinds, (n) => new Uint8Array(n));
    createdDays = copy(createdDays, (n) => new Int32Array(n));
    negativeDays = copy(negativeDays, (n) => new Int32Array(n));
  }

  function slotFor(s: SubjectRow): number {
    const known = s.uscc !== null ? slotOfUscc.get(s.uscc) : slotOfBlind.get(s.id_blind!);
    if (known !== undefined) return known;
    if (size === capacity) grow();
    const slot = size++;
    if (s.uscc !== null) slotOfUscc.set(s.uscc, slot);
    if (s.id_blind !== null) slotOfBlind.set(s.id_blind, slot);
    return slot;
  }

  /** Adds or replaces a subject's identity (identifiers and kind never change; the name may). */
  function putSubject(s: SubjectRow): number {
    const slot = slotFor(s);
    uuidToBytes(s.id, ids, slot * 16);
    kinds[slot] = KINDS.indexOf(s.kind);
    createdDays[slot] = dayOf(s.created_on);
    names[slot] = s.name;
    usccs[slot] = s.uscc;
    if (s.id_blind !== null) bySlotPerson.set(slot, { blind: s.id_blind, masked: s.id_masked });
    return slot;
  }

  function setFacts(slot: number, own: IndexedEntry[], via: IndexedViaEntry[], negativeOn: string | null) {
    negativeDays[slot] = negativeOn ? dayOf(negativeOn) : 0;
    if (own.length || via.length) entries.set(slot, { own, via });
    else entries.delete(slot);
  }

  function subjectAt(slot: number): FactSubject {
    const person = bySlotPerson.get(slot);
    return {
      id: bytesToUuid(ids, slot * 16), kind: KINDS[kinds[slot]], name: names[slot], uscc: usccs[slot],
      id_masked: person?.masked ?? null, id_blind: person?.blind ?? null, created_on: isoOf(createdDays[slot]),
    };
  }

  return {
    get size() { return size; },
    putSubject,
    /** Replaces all a subject holds: identity, entries in force, latest negative record. */
    put(state: SubjectState) {
      setFacts(putSubject(state.subject), state.own, state.via, state.negativeOn);
    },
    /** Entries and negative dates for a subject already put (the initial load streams them apart). */
    setFactsOf(s: { uscc: string | null; id_blind: string | null }, own: IndexedEntry[], via: IndexedViaEntry[], negativeOn: string | null): boolean {
      const slot = s.uscc !== null ? slotOfUscc.get(s.uscc) : slotOfBlind.get(s.id_blind!);
      if (slot === undefined) return false;
      setFacts(slot, own, via, negativeOn);
      return true;
    },
    /**
     * The facts of a round of subjects in the shape the database statement gives them
     * (store.SubjectFacts without the versions): subjects found, entries in force, and the subjects
     * with a negative record on or after `negativeSince`.
     */
    facts(a: { usccs: string[]; blinds: string[]; negativeSince: string; listTypes: Map<string, ListTypeFact> }) {
      const subjects: FactSubject[] = [];
      const own: FactEntry[] = [];
      const via: FactViaEntry[] = [];
      const negative: string[] = [];
      const since = dayOf(a.negativeSince);
      const seen = new Set<number>();
      const visit = (slot: number | undefined) => {
        if (slot === undefined || seen.has(slot)) return;
        seen.add(slot);
        const s = subjectAt(slot);
        subjects.push(s);
        if (negativeDays[slot] !== 0 && negativeDays[slot] >= since) negative.push(s.id);
        const held = entries.get(slot);
        if (!held) return;
        for (const e of held.own) {
          const lt = a.listTypes.get(e.list_type_id);
          if (lt) own.push({ id: e.id, subject_id: s.id, status: e.status, starts_on: e.starts_on, ends_on: e.ends_on, list_type: lt.code, list_type_name: lt.name, kind: lt.kind, domain: lt.domain });
        }
        for (const e of held.via) {
          const lt = a.listTypes.get(e.list_type_id);
          if (lt) via.push({ id: e.id, person_id: s.id, role: e.role, status: e.status, starts_on: e.starts_on, ends_on: e.ends_on, list_type: lt.code, list_type_name: lt.name, kind: lt.kind, domain: lt.domain, org_id: e.org_id, org_name: e.org_name, org_uscc: e.org_uscc });
        }
      };
      for (const u of a.usccs) visit(slotOfUscc.get(u));
      for (const b of a.blinds) visit(slotOfBlind.get(b));
      return { subjects, own, via, negative };
    },
  };
}

export type SubjectIndex = ReturnType<typeof createSubjectIndex>;
