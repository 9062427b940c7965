// Schema pieces several routes share. A date is a real calendar day (ajv-formats' `date`: 2026-02-30
// and 2026-11-31 are refused with a 400 naming the field, not passed on to PostgreSQL).
import { Type } from '@sinclair/typebox';

export const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
