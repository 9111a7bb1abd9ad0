/**
 * Rules of a GDPR Art. 15 access-request case: the due date (one month after receipt), the days left,
 * masking of the data subject's identifiers in lists, and the case forms' schemas.
 *
 * Pure and browser-safe: the forms (zodResolver) and the actions use the same schemas.
 */
import { z } from 'zod';
import { PRIVACY_CASE_STATUSES, type PrivacyCaseStatus } from './constants';
import { daysInMonth, formatIsoDate, parseIsoDate, toDayNumber } from './window-rule';

export const CASE_STATUS_LABELS: Record<PrivacyCaseStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  answered: 'Answered',
  closed: 'Closed',
};

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

export function describeDaysLeft(days: number | null): string {
  if (days === null) return '—';
  if (days < 0) return `${-days} day${days === -1 ? '' : 's'} overdue`;
  if (days === 0) return 'due today';
  return `${days} day${days === 1 ? '' : 's'} left`;
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

const optionalText = (schema: z.ZodString) =>
  z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(schema.optional());

export const SUBJECT_EMAIL = z.string().max(254).email('Enter a valid e-mail address.');
/** Digits, optionally a leading +, 6–15 digits (E.164 length); spaces and dashes are dropped. */
export const SUBJECT_PHONE = z.string().regex(/^\+?\d{6,15}$/, 'Enter a phone number of 6 to 15 digits.');

export function createCaseSchema(today: () => string) {
  return z
    .object({
      subjectEmail: optionalText(SUBJECT_EMAIL),
      subjectPhone: z
        .string()
        .transform((v) => v.replace(/[\s-]/g, ''))
        .transform((v) => (v === '' ? undefined : v))
        .pipe(SUBJECT_PHONE.optional()),
      receivedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date the request was received.'),
      notes: z.string().max(4000).default(''),
    })
    .superRefine((v, ctx) => {
      if (!v.subjectEmail && !v.subjectPhone) {
        ctx.addIssue({ code: 'custom', path: ['subjectEmail'], message: 'Enter the data subject’s e-mail, mobile, or both.' });
      }
      const received = parseIsoDate(v.receivedOn);
      if (!received) {
        ctx.addIssue({ code: 'custom', path: ['receivedOn'], message: 'Enter a real date.' });
        return;
      }
      const now = parseIsoDate(today());
      if (now && toDayNumber(received) > toDayNumber(now)) {
        ctx.addIssue({ code: 'custom', path: ['receivedOn'], message: 'The request cannot have been received in the future.' });
      }
    });
}
export type CreateCaseInput = z.input<ReturnType<typeof createCaseSchema>>;
export type CreateCaseData = z.output<ReturnType<typeof createCaseSchema>>;

export const updateCaseSchema = z.object({
  caseId: z.string().uuid(),
  status: z.enum(PRIVACY_CASE_STATUSES),
  notes: z.string().max(4000),
});
export type UpdateCaseInput = z.input<typeof updateCaseSchema>;

export const listCasesSchema = z.object({
  status: z.enum(PRIVACY_CASE_STATUSES).optional(),
  reference: z.string().trim().max(60).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type ListCasesInput = z.input<typeof listCasesSchema>;
