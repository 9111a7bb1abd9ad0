/**
 * The privacy desk's input schemas: the same zod schema validates the form (browser) and the action
 * (server). A lookup's single range must pass Netcore's one window rule (lib/vendors/netcore/window-rule.ts);
 * a split period must pass the splitter (at most MAX_PERIOD_DAYS), so a crafted call meets the same rule.
 * Pure and browser-safe.
 */
import { z } from 'zod';
import { checkActivityWindowIso, parseIsoDate, toDayNumber } from '@/lib/vendors/netcore/window-rule';
import { PRIVACY_CASE_STATUSES } from './constants';
import { CHANNEL_CHOICES } from './lookup-rules';
import { splitIntoWindows } from './windows';
import { PRIVACY_ERRORS } from './errors';

/** Netcore's window rule, for the form's own per-field check before it offers to split. */
export { checkActivityWindowIso };

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
      receivedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, PRIVACY_ERRORS.receivedDate),
      notes: z.string().max(4000).default(''),
    })
    .superRefine((v, ctx) => {
      if (!v.subjectEmail && !v.subjectPhone) {
        ctx.addIssue({ code: 'custom', path: ['subjectEmail'], message: PRIVACY_ERRORS.subjectMissing });
      }
      const received = parseIsoDate(v.receivedOn);
      if (!received) {
        ctx.addIssue({ code: 'custom', path: ['receivedOn'], message: PRIVACY_ERRORS.realDate });
        return;
      }
      const now = parseIsoDate(today());
      if (now && toDayNumber(received) > toDayNumber(now)) {
        ctx.addIssue({ code: 'custom', path: ['receivedOn'], message: PRIVACY_ERRORS.receivedFuture });
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

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, PRIVACY_ERRORS.enterDate);

/** The fields a person fills in; `today` is the store's calendar date (YYYY-MM-DD) at validation time. */
export function lookupFormSchema(today: () => string) {
  return z
    .object({
      channel: z.enum(CHANNEL_CHOICES),
      from: isoDate,
      to: isoDate,
    })
    .superRefine((v, ctx) => {
      const check = checkActivityWindowIso({ from: v.from, to: v.to, today: today() });
      if (!check.ok) ctx.addIssue({ code: 'custom', path: [check.field === 'fromDate' ? 'from' : 'to'], message: check.message });
    });
}
export type LookupFormValues = z.input<ReturnType<typeof lookupFormSchema>>;

/** What the start-lookup action takes: a single legal window, or a period to split explicitly. */
export function lookupRequestSchema(today: () => string) {
  return z
    .object({
      caseId: z.string().uuid(),
      channel: z.enum(CHANNEL_CHOICES),
      from: isoDate,
      to: isoDate,
      mode: z.enum(['single', 'split']),
    })
    .superRefine((v, ctx) => {
      if (v.mode === 'single') {
        const check = checkActivityWindowIso({ from: v.from, to: v.to, today: today() });
        if (!check.ok) ctx.addIssue({ code: 'custom', path: [check.field === 'fromDate' ? 'from' : 'to'], message: check.message });
        return;
      }
      const split = splitIntoWindows({ from: v.from, to: v.to, today: today() });
      if (!split.ok) ctx.addIssue({ code: 'custom', path: [split.field], message: split.message });
    });
}
export type LookupRequest = z.output<ReturnType<typeof lookupRequestSchema>>;

export const CaseRefSchema = z.object({ caseId: z.string().uuid() });

export const RunWindowInputSchema = z.object({ lookupId: z.string().uuid(), windowId: z.string().uuid() });

export const RecordExportInputSchema = z.object({
  lookupId: z.string().uuid(),
  format: z.enum(['csv', 'json', 'report']),
  rowCount: z.number().int().min(0).max(1_000_000),
  windowsAnswered: z.number().int().min(0).max(1000),
  windowsFailed: z.number().int().min(0).max(1000),
  windowsNeverAsked: z.number().int().min(0).max(1000),
});
