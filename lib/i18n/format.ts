/**
 * Numbers and money in the staff's language (issue 16). Pure: server and browser. Dates and relative times
 * are in lib/dates.ts (always in the store's zone).
 *
 * Money is lei (RON): Romanian writes "12.500 lei", English "RON 12,500" (the ISO code before the amount, as
 * English-language Romanian invoices do); whole amounts show no decimals, others two.
 */
import { INTL_TAGS, type Locale } from './locales';

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, fractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${fractionDigits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(INTL_TAGS[locale], { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
    numberFormats.set(key, f);
  }
  return f;
}

/** 12500 → "12.500" (ro) / "12,500" (en); up to `maxFractionDigits` decimals (default none). */
export function formatNumber(value: number, locale: Locale, maxFractionDigits = 0): string {
  const digits = Number.isInteger(value) ? 0 : maxFractionDigits;
  return numberFormat(locale, digits).format(digits ? value : Math.round(value));
}

/** 12500 → "12.500 lei" (ro) / "RON 12,500" (en); 12500.5 → "12.500,50 lei" / "RON 12,500.50"; not a number: `empty`. */
export function formatLei(amount: number | null | undefined, locale: Locale, empty = '—'): string {
  if (amount === null || amount === undefined || !Number.isFinite(amount)) return empty;
  const digits = Number.isInteger(Math.round(amount * 100) / 100) ? 0 : 2;
  const number = numberFormat(locale, digits).format(amount);
  return locale === 'ro' ? `${number}\u00a0lei` : `RON\u00a0${number}`;
}
