/**
 * Input schemas of the lead detail page, shared by its forms (checked in the browser, errors beside the
 * fields) and by the server actions (checked again: a crafted call meets the same rule). Pure.
 */
import { z } from 'zod';

/** How far ahead an action may be dated: a planned follow-up within a month, never "years from now". */
export const ACTION_MAX_DAYS_AHEAD = 31;

const DATETIME_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

function isCalendarDateTime(value: string): boolean {
  const [d, t] = value.split('T');
  const [y, m, day] = d.split('-').map(Number);
  const [hh, mm] = t.split(':').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, day));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === day && hh < 24 && mm < 60;
}

/**
 * What is wrong with an action's date ("Y-m-dTH:i" from a datetime-local field, store wall clock), or null.
 * Empty means "now". The bound is counted in days from today (UTC: a day either way does not matter at 31).
 */
export function actionDateProblem(value: string | undefined, now: Date = new Date()): string | null {
  if (!value) return null;
  if (!DATETIME_LOCAL.test(value) || !isCalendarDateTime(value)) return 'Enter a date and time, e.g. 2026-05-04 14:30';
  const limit = new Date(now.getTime() + ACTION_MAX_DAYS_AHEAD * 86_400_000).toISOString().slice(0, 10);
  if (value.slice(0, 10) > limit) return `An action can be dated at most ${ACTION_MAX_DAYS_AHEAD} days ahead`;
  return null;
}

export const ActionFormSchema = z.object({
  leadId: z.string().trim().min(1).max(64),
  typeId: z.string().trim().min(1, 'Choose the type of action').max(64),
  detail: z.string().trim().min(1, 'Describe the action').max(2000, 'Keep the description under 2,000 characters'),
  date: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      const problem = actionDateProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
});
export type ActionFormInput = z.infer<typeof ActionFormSchema>;

/** Field errors of an action form, by field (first message each), for the browser's own check. */
export function actionFormErrors(input: ActionFormInput): Record<string, string[]> {
  const parsed = ActionFormSchema.safeParse(input);
  if (parsed.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (out[String(issue.path[0])] ??= []).push(issue.message);
  return out;
}
