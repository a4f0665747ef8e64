/**
 * Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer, the day of birth
 * plus 60), validated with the maintained `personnummer` package (date and Luhn check digit). Stored normalised as
 * 12 digits without separator (YYYYMMDDNNNC).
 */
import personnummerModule from 'personnummer';

// The package is CommonJS whose types claim an ES default export: take the class from whichever shape arrives.
type PersonnummerClass = typeof personnummerModule.default;
const Personnummer: PersonnummerClass =
  personnummerModule.default ?? (personnummerModule as unknown as PersonnummerClass);

export const IDENTITY_NUMBER_KINDS = ['personnummer', 'samordningsnummer'] as const;
export type IdentityNumberKind = (typeof IDENTITY_NUMBER_KINDS)[number];

export interface IdentityNumber {
  readonly kind: IdentityNumberKind;
  /** 12 digits, no separator. */
  readonly value: string;
  /** The birth date the number carries (for a coordination number: the day minus 60). */
  readonly birthDate: string;
}

/** What a user may type: 10 or 12 digits, optionally with '-' or '+' before the last four. */
export const IDENTITY_NUMBER_SHAPE = /^(\d{6}|\d{8})[-+]?\d{4}$/;

/** The number validated and normalised, or null when it is not a valid personnummer or samordningsnummer. */
export function parseIdentityNumber(text: string): IdentityNumber | null {
  const input = text.trim();
  if (!IDENTITY_NUMBER_SHAPE.test(input)) return null;
  let parsed: InstanceType<PersonnummerClass>;
  try {
    parsed = Personnummer.parse(input, { allowCoordinationNumber: true, allowInterimNumber: false });
  } catch {
    return null;
  }
  const coordination = parsed.isCoordinationNumber();
  const day = Number(parsed.day) - (coordination ? 60 : 0);
  return {
    kind: coordination ? 'samordningsnummer' : 'personnummer',
    value: parsed.format(true).replace(/\D/g, ''),
    birthDate: `${parsed.fullYear}-${parsed.month}-${String(day).padStart(2, '0')}`,
  };
}

/** Shown as YYYYMMDD-NNNN. */
export function formatIdentityNumber(value: string): string {
  return /^\d{12}$/.test(value) ? `${value.slice(0, 8)}-${value.slice(8)}` : value;
}

/** The Luhn check digit over the nine digits YYMMDDNNN. */
function luhnDigit(nine: string): number {
  const sum = [...nine].reduce((acc, c, i) => {
    const d = Number(c) * (i % 2 === 0 ? 2 : 1);
    return acc + (d > 9 ? d - 9 : d);
  }, 0);
  return (10 - (sum % 10)) % 10;
}

/** A valid number for a birth date and a serial (1–999): for demo data and tests. */
export function identityNumberFor(birthDate: string, serial: number, kind: IdentityNumberKind): string {
  const day = Number(birthDate.slice(8, 10)) + (kind === 'samordningsnummer' ? 60 : 0);
  const yymmdd = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${String(day).padStart(2, '0')}`;
  const nnn = String(((serial - 1) % 999) + 1).padStart(3, '0');
  return `${birthDate.slice(0, 2)}${yymmdd}${nnn}${luhnDigit(`${yymmdd}${nnn}`)}`;
}
