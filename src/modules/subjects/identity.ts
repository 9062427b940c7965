// Turning what a caller says about a subject (kind, USCC or ID number, name) into the identity
// the platform stores: validated, normalised, and for persons encrypted with a blind index.
import type { Config } from '../../config.js';
import { upgradeRic15, validatedIdentifier } from '../../domain/identifiers/index.js';
import { normaliseOrgName, normalisePersonName } from '../../domain/names.js';
import { blindIndex, encryptText, maskIdNumber } from '../../domain/protect.js';
import { errors, type FieldError } from '../../errors.js';

export type SubjectKind = 'organization' | 'individual_business' | 'natural_person';
export const SUBJECT_KINDS: SubjectKind[] = ['organization', 'individual_business', 'natural_person'];

export interface SubjectInput {
  kind: SubjectKind;
  name: string;
  uscc?: string;
  idNumber?: string;
  orgCode?: string;
  regNo?: string;
  regionCode?: string;
}

export interface Identity {
  kind: SubjectKind;
  name: string;
  nameKey: string;
  uscc: string | null;
  orgCode: string | null;
  regNo: string | null;
  regionCode: string | null;
  idNumber: string | null; // plaintext, never stored
  blind: string | null;
}

export function nameKeyOf(kind: SubjectKind, name: string): string {
  return kind === 'natural_person' ? normalisePersonName(name) : normaliseOrgName(name);
}

function orgIdentity(input: SubjectInput, errs: FieldError[], path: string): Partial<Identity> {
  if (!input.uscc) {
    errs.push({ path: `${path}.uscc`, message: '法人、非法人组织和个体工商户须提供统一社会信用代码' });
    return {};
  }
  const r = validatedIdentifier(input.uscc, 'uscc');
  if (!r.valid) errs.push({ path: `${path}.uscc`, message: r.errors.map((e) => e.message).join('；') });
  const kindOf = r.details.subjectKind as string | undefined;
  if (r.valid && kindOf === 'individual_business' && input.kind === 'organization') {
    errs.push({ path: `${path}.kind`, message: '该统一社会信用代码属于个体工商户（第 1–2 位为 92），主体类别应为 individual_business' });
  }
  const orgCode = input.orgCode ? validatedIdentifier(input.orgCode, 'org_code') : null;
  if (orgCode && !orgCode.valid) errs.push({ path: `${path}.orgCode`, message: orgCode.errors.map((e) => e.message).join('；') });
  const regNo = input.regNo ? validatedIdentifier(input.regNo, 'reg_no') : null;
  if (regNo && !regNo.valid) errs.push({ path: `${path}.regNo`, message: regNo.errors.map((e) => e.message).join('；') });
  return {
    uscc: r.value,
    orgCode: orgCode?.value ?? (r.valid && r.details.orgCodeValid ? String(r.details.orgCode) : null),
    regNo: regNo?.value ?? null,
    regionCode: input.regionCode ?? (r.details.regionCode as string | undefined) ?? null,
  };
}

function personIdentity(input: SubjectInput, config: Config, errs: FieldError[], path: string): Partial<Identity> {
  if (!input.idNumber) {
    errs.push({ path: `${path}.idNumber`, message: '自然人须提供公民身份号码' });
    return {};
  }
  const r = validatedIdentifier(input.idNumber, 'ric');
  if (!r.valid) {
    errs.push({ path: `${path}.idNumber`, message: r.errors.map((e) => e.message).join('；') });
    return {};
  }
  const idNumber = r.value.length === 15 ? upgradeRic15(r.value) : r.value;
  return { idNumber, blind: blindIndex(config.blindIndexKey, idNumber), regionCode: input.regionCode ?? idNumber.slice(0, 6) };
}

/** Validates and normalises; throws one validation error listing every problem. */
export function resolveIdentity(input: SubjectInput, config: Config, path = 'body.subject'): Identity {
  const errs: FieldError[] = [];
  const name = input.name?.trim() ?? '';
  if (!name) errs.push({ path: `${path}.name`, message: '名称不能为空' });
  const part = input.kind === 'natural_person' ? personIdentity(input, config, errs, path) : orgIdentity(input, errs, path);
  if (errs.length) throw errors.validation(errs);
  return {
    kind: input.kind, name, nameKey: nameKeyOf(input.kind, name),
    uscc: part.uscc ?? null, orgCode: part.orgCode ?? null, regNo: part.regNo ?? null, regionCode: part.regionCode ?? null,
    idNumber: part.idNumber ?? null, blind: part.blind ?? null,
  };
}

export function sealIdNumber(config: Config, idNumber: string) {
  const sealed = encryptText(config.encryptionKeys, idNumber);
  return { id_cipher: sealed.cipher, id_key_version: sealed.keyVersion, id_masked: maskIdNumber(idNumber) };
}
