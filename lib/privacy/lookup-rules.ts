/**
 * The channel-activity lookup's channels and periods (labels, how many legal windows a period takes).
 * Pure and browser-safe.
 */
import { MAX_WINDOW_DAYS, parseIsoDate, toDayNumber } from '@/lib/vendors/netcore/window-rule';

/** The seven-day rule, for the lookup form (zod-free: the form's first load carries no zod). */
export { checkActivityWindowIso, MAX_WINDOW_DAYS, type WindowCheck } from '@/lib/vendors/netcore/window-rule';
import type { PrivacyChannel } from './constants';

export const CHANNEL_CHOICES = ['email', 'sms', 'both'] as const;
export type ChannelChoice = (typeof CHANNEL_CHOICES)[number];

export function channelsOf(choice: ChannelChoice): PrivacyChannel[] {
  return choice === 'both' ? ['email', 'sms'] : [choice];
}

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
