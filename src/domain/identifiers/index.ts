/**
 * Identifier validation for the credit platform (pure; the tables in data/identifiers/ are read once at
 * import): unified social credit codes (GB 32100-2015), ID numbers (GB 11643-1999, with 15-digit legacy
 * numbers), organisation codes (GB 11714-1997) and business registration numbers (GS 15-2006), with GB/T 2260
 * regions. Errors make a value invalid; warnings (unknown region, unknown authority …) never do.
 */
export type { IdentifierIssue, IdentifierResult, IdentifierType } from './types.js';
export { IDENTIFIER_TYPES } from './types.js';
export { normaliseIdentifier } from './normalise.js';
export { validateIdentifier, structuralCandidates } from './identify.js';
export { validatedIdentifier } from './memo.js';
export { validateUscc, usccCheckChar, isCanonicalUscc, USCC_ALPHABET } from './uscc.js';
export { validateRic, ricCheckChar, upgradeRic15, type RicOptions } from './ric.js';
export { validateOrgCode, orgCodeCheckChar, formatOrgCode } from './org-code.js';
export { validateRegNo, regNoCheckChar } from './reg-no.js';
export { regionOf, type Region } from './regions.js';
