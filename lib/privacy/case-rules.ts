/**
 * Rules of a GDPR Art. 15 access-request case: the due date (one month after receipt), the days left,
 * masking of the data subject's identifiers in lists. The forms' schemas are in inputs.ts.
 *
 * Pure and browser-safe.
 */
import { daysInMonth, formatIsoDate, parseIsoDate, toDayNumber } from '@/lib/vendors/netcore/window-rule';

/**
 * Received + one calendar month (GDPR Art. 12(3)). When that month has no such day (received 31 Jan),
 * the period ends on the month's last day (Regulation 1182/71, Art. 3(2)(c)).
 */
export function dueDateFor(receivedIso: string): string | null {
  const d = parseIsoDate(receivedIso);
  if (!d) return null;
  const year = d.month === 12 ? d.year + 1 : d.year;
  const month = d.month === 12 ? 1 : d.month + 1;
  return formatIsoDate({ year, month, day: Math.min(d.day, daysInMonth(year, month)) });
}

/** Whole days from today to the due date: 0 on the due day, negative when overdue. */
export function daysLeft(dueIso: string, todayIso: string): number | null {
  const due = parseIsoDate(dueIso);
  const today = parseIsoDate(todayIso);
  if (!due || !today) return null;
  return toDayNumber(due) - toDayNumber(today);
}

/** `ana.popescu@example.com` → `a•••••••••u@example.com`: enough to tell cases apart, not to contact. */
export function maskEmail(email: string | null): string | null {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  if (at <= 0) return '•••';
  const local = email.slice(0, at);
  const domain = email.slice(at);
  if (local.length <= 2) return `${local[0]}•${domain}`;
  return `${local[0]}${'•'.repeat(Math.min(local.length - 2, 8))}${local.at(-1)}${domain}`;
}

/** `0722000001` → `07••••••01`. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  if (phone.length <= 4) return '•'.repeat(phone.length);
  return `${phone.slice(0, 2)}${'•'.repeat(phone.length - 4)}${phone.slice(-2)}`;
}
