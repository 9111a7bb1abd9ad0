/**
 * The capture use cases speak in codes ("capture.errors.…" as a ValidationError's message and field messages, a
 * `rejected` outcome); the actions (app/(console)/capture/actions.ts) hand the hostess their words in her
 * language through this. Server only: the message files never reach a browser bundle.
 */
import 'server-only';
import { ValidationError } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/locales';
import { serverTranslator } from '@/lib/i18n/server-words';
import type { CaptureOutcome } from './submit';

const CODE = /^capture\.errors\.[A-Za-z]+$/;

/** What the capture actions answer: a refused capture carries the sentence the hostess reads. */
export type CaptureAnswer =
  | Exclude<CaptureOutcome, { state: 'rejected' }>
  | (Extract<CaptureOutcome, { state: 'rejected' }> & { message: string });

/** A code of the capture use cases in a language; any other text as it is. */
export function captureSentence(text: string, locale: Locale): string {
  return CODE.test(text) ? serverTranslator(locale)(text as 'capture.errors.refused') : text;
}

/** Runs a capture use case and says its outcome and its validation errors in `locale`. */
export async function inStaffLanguage(locale: Locale, run: () => Promise<CaptureOutcome>): Promise<CaptureAnswer> {
  try {
    const outcome = await run();
    return outcome.state === 'rejected' ? { ...outcome, message: captureSentence('capture.errors.refused', locale) } : outcome;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const fields = Object.fromEntries(Object.entries(error.fieldErrors).map(([name, messages]) => [name, messages.map((m) => captureSentence(m, locale))]));
    throw new ValidationError(captureSentence(error.message, locale), fields);
  }
}
