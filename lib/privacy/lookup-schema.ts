/**
 * The channel-activity lookup request, as the form holds it and the action receives it. A single range
 * must pass the one window rule (checkActivityWindowIso); a split period must pass the splitter (at most
 * MAX_PERIOD_DAYS). The form and the action use this very schema, so a crafted call meets the same rule.
 *
 * Pure and browser-safe.
 */
import { z } from 'zod';
import type { PrivacyChannel } from './constants';
import { MAX_WINDOW_DAYS, checkActivityWindowIso, parseIsoDate, toDayNumber } from './window-rule';
import { splitIntoWindows } from './windows';

export const CHANNEL_CHOICES = ['email', 'sms', 'both'] as const;
export type ChannelChoice = (typeof CHANNEL_CHOICES)[number];

export const CHANNEL_LABELS: Record<PrivacyChannel, string> = { email: 'E-mail', sms: 'SMS' };

export function channelsOf(choice: ChannelChoice): PrivacyChannel[] {
  return choice === 'both' ? ['email', 'sms'] : [choice];
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date.');

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

/** For the refusal's "split instead" offer: how many windows a period would take (null if not splittable). */
export function windowsNeeded(from: string, to: string): number | null {
  const days = periodDays(from, to);
  return days === null ? null : Math.ceil(days / MAX_WINDOW_DAYS);
}

/** Calendar days of a period, both ends included; null when not a real, ordered period. */
export function periodDays(from: string, to: string): number | null {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) return null;
  const days = toDayNumber(b) - toDayNumber(a) + 1;
  return days >= 1 ? days : null;
}
