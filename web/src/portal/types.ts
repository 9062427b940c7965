export type SubjectKind = 'organization' | 'individual_business' | 'natural_person';

export type { SiteInfo } from '../shared/site.js';

export interface SearchItem {
  id: string;
  kind: SubjectKind;
  name: string;
  uscc: string | null;
  idNumberMasked: string | null;
  regionName: string | null;
  matchedBy: 'uscc' | 'id_number' | 'name';
  score?: number;
}

export interface SearchResponse {
  items: SearchItem[];
}

export interface PublicSubject {
  id: string;
  kind: SubjectKind;
  name: string;
  uscc: string | null;
  regionCode: string | null;
  regionName: string | null;
  orgCode: string | null;
  formerNames: string[];
}

export interface SubjectResponse {
  subject: PublicSubject;
}
