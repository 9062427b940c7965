// How a subject is shown to staff: full ID numbers only to those with the right (the credit
// office), masked to everyone else; every look at a natural person is written to the audit trail.
import type { AppContext } from '../../context.js';
import { regionOf } from '../../domain/identifiers/index.js';
import { decryptText } from '../../domain/protect.js';
import { recordAudit } from '../audit/record.js';
import { actorOf, maySeePersonalData, type Principal } from '../auth/principal.js';
import * as store from './store.js';

export interface SubjectView {
  id: string;
  kind: string;
  name: string;
  uscc: string | null;
  orgCode: string | null;
  regNo: string | null;
  regionCode: string | null;
  regionName: string | null;
  idNumber: string | null;
  idNumberMasked: string | null;
  formerNames: { name: string; until: string | null }[];
  aliases: string[];
  relations: { id: string; role: string; startsOn: string | null; endsOn: string | null;
    organization: { id: string; name: string; uscc: string | null }; person: { id: string; name: string; idNumberMasked: string | null } }[];
  createdAt: string;
}

export async function presentSubject(opts: { ctx: AppContext; principal: Principal; row: store.SubjectRow; audit: boolean }): Promise<SubjectView> {
  const { ctx, principal, row } = opts;
  const reveal = row.kind === 'natural_person' && maySeePersonalData(principal);
  const [names, relations] = await Promise.all([store.otherNames(ctx.db, row.id), store.relationsOf(ctx.db, row.id)]);
  if (opts.audit && row.kind === 'natural_person') {
    await ctx.db.transaction().execute((tx) => recordAudit(tx, {
      actor: actorOf(principal), action: 'subject.viewed', entityType: 'subject', entityId: row.id,
      departmentId: principal.departmentId, data: { revealed: reveal },
    }));
  }
  return {
    id: row.id, kind: row.kind, name: row.name, uscc: row.uscc, orgCode: row.org_code, regNo: row.reg_no,
    regionCode: row.region_code, regionName: row.region_code ? regionOf(row.region_code)?.fullName ?? null : null,
    idNumber: reveal && row.id_cipher ? decryptText(ctx.config.encryptionKeys, { cipher: row.id_cipher, keyVersion: row.id_key_version! }) : null,
    idNumberMasked: row.id_masked,
    formerNames: names.filter((n) => n.kind === 'former').map((n) => ({ name: n.name, until: n.until_on })),
    aliases: names.filter((n) => n.kind === 'alias').map((n) => n.name),
    relations: relations.map((r) => ({
      id: r.id, role: r.role, startsOn: r.starts_on, endsOn: r.ends_on,
      organization: { id: r.org_id, name: r.org_name, uscc: r.org_uscc },
      person: { id: r.person_id, name: r.person_name, idNumberMasked: r.person_masked },
    })),
    createdAt: row.created_at.toISOString(),
  };
}
