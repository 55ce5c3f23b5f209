import { InputError } from '@hub/service-kit';

/**
 * SSDA903 code lists per collection year (DOMAIN.md §14, from the community validator's rules). A collection year
 * runs from 1 April to 31 March and is written `2025-26`.
 */
export const SUPPORTED_YEARS = ['2023-24', '2024-25', '2025-26', '2026-27'] as const;
export type CollectionYear = (typeof SUPPORTED_YEARS)[number];

/** The first and last day of a collection year. */
export interface YearSpan {
  year: CollectionYear;
  start: string;
  end: string;
}

/**
 * Parses a collection year; BAD_USER_INPUT (UNKNOWN_COLLECTION_YEAR) for any other value.
 * @param value - e.g. `2025-26`
 * @returns the year and its first and last days
 */
export function collectionYear(value: string): YearSpan {
  if (!(SUPPORTED_YEARS as readonly string[]).includes(value)) {
    throw new InputError(`collection year must be one of ${SUPPORTED_YEARS.join(', ')}`, { field: 'collectionYear', reason: 'UNKNOWN_COLLECTION_YEAR' });
  }
  const first = Number(value.slice(0, 4));
  return { year: value as CollectionYear, start: `${first}-04-01`, end: `${first + 1}-03-31` };
}

export const LS_CODES = ['C1', 'C2', 'D1', 'E1', 'V2', 'V3', 'V4', 'J1', 'J2', 'J3', 'L1', 'L2', 'L3'] as const;
export const RNE_CODES = ['S', 'P', 'L', 'T', 'U', 'B'] as const;
export const REC_CODES = ['E11', 'E12', 'E2', 'E3', 'E4A', 'E4B', 'E13', 'E41', 'E45', 'E46', 'E47', 'E48', 'E5', 'E6', 'E7', 'E8', 'E9', 'E14', 'E15', 'E16', 'E17', 'X1'] as const;
export const REASON_PLACE_CHANGE_CODES = ['CARPL', 'CLOSE', 'ALLEG', 'STAND', 'APPRR', 'CREQB', 'CREQO', 'CHILD', 'LAREQ', 'PLACE', 'CUSTOD', 'OTHER'] as const;
export const PLACE_PROVIDER_CODES = ['PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5'] as const;
export const CIN_CODES = ['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8'] as const;
export const REVIEW_CODES = ['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7'] as const;
export const MISSING_CODES = ['M', 'A'] as const;
export const IN_TOUCH_CODES = ['YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM'] as const;
export const ACTIV_CODES = ['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6', '0'] as const;
export const ACCOM_CODES = [
  'B1', 'B2', 'C1', 'C2', 'D1', 'D2', 'E1', 'E2', 'G1', 'G2', 'H1', 'H2', 'K1', 'K2', 'R1', 'R2', 'S2', 'T1', 'T2',
  'U1', 'U2', 'V1', 'V2', 'W1', 'W2', 'X2', 'Y1', 'Y2', 'Z1', 'Z2', '0',
] as const;

const PLACE_BASE = ['A3', 'A4', 'A5', 'A6', 'K1', 'K2', 'P1', 'P3', 'R1', 'R2', 'R3', 'R5', 'S1', 'T0', 'T1', 'T2', 'T3', 'T4', 'U1', 'U2', 'U3', 'U4', 'U5', 'U6'];

/**
 * PLACE codes valid in a collection year: P2 is withdrawn from 28 October 2023 (rule 217t); 2025–26 drops H5 and
 * Z1 and adds K3 and Z11–Z14.
 * @param year - the collection year
 * @returns the valid codes
 */
export function placeCodes(year: CollectionYear): readonly string[] {
  if (year >= '2025-26') return [...PLACE_BASE, 'K3', 'Z11', 'Z12', 'Z13', 'Z14'];
  return [...PLACE_BASE, 'H5', 'Z1'];
}

/** Placement types that need no PLACE_PROVIDER (temporary and other placements). */
export const NO_PROVIDER_PLACES = ['T0', 'T1', 'T2', 'T3', 'T4', 'Z1', 'Z11', 'Z12', 'Z13', 'Z14'];

/** Legal statuses of short-break children, outside the reviews and MOTHER data (rule 399). */
export const SHORT_BREAK_LS = ['V3', 'V4'];

/** UPN: a letter, 11 digits and a check character A–Z or digit (DfE unique pupil number, 13 characters). */
export const UPN_PATTERN = /^[A-Z][0-9]{11}[0-9A-Z]$/;
/** UPN placeholders the return accepts when there is no number: UN1–UN10. */
export const UPN_UNKNOWN = ['UN1', 'UN2', 'UN3', 'UN4', 'UN5', 'UN6', 'UN7', 'UN8', 'UN9', 'UN10'];
/** A UK postcode district (outward code and sector), as the return records postcodes. */
export const POSTCODE_PATTERN = /^[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}$/;
/** An Ofsted unique reference number: SC followed by 6 digits, or 7 digits; XXXXXXX where there is none. */
export const URN_PATTERN = /^(SC[0-9]{6}|[0-9]{7}|XXXXXXX)$/;

/**
 * Checks a code against its list; BAD_USER_INPUT with the field and reason UNKNOWN_CODE otherwise.
 * @param value - the code (upper-cased first)
 * @param list - the valid codes
 * @param field - the input field named in the error
 * @returns the normalised code
 */
export function oneOf(value: string, list: readonly string[], field: string): string {
  const v = value.trim().toUpperCase();
  if (!list.includes(v)) throw new InputError(`${field} must be one of ${list.join(', ')}`, { field, reason: 'UNKNOWN_CODE' });
  return v;
}

/**
 * Checks a value against a pattern; BAD_USER_INPUT with reason BAD_FORMAT otherwise.
 * @param value - the value (upper-cased, surrounding space trimmed)
 * @param pattern - the format
 * @param field - the input field named in the error
 * @returns the normalised value
 */
export function formatted(value: string, pattern: RegExp, field: string): string {
  const v = value.trim().toUpperCase().replace(/\s+/g, ' ');
  if (!pattern.test(v)) throw new InputError(`${field} is not in the expected format`, { field, reason: 'BAD_FORMAT' });
  return v;
}
