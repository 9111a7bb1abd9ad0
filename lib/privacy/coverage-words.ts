/**
 * The coverage statement's words (lib/privacy/results.ts `CoverageWords`) from the "report" messages of one
 * language: the staff's on the case page, the person's in the printable report and the files. Pure: takes a
 * translator over the "report" namespace (next-intl's `useTranslations('report')` or `createTranslator`).
 */
import type { CoverageWords } from './results';

/** What is used of a translator over messages "report.*". */
export interface ReportTranslate {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- next-intl's translators type their keys and values per catalog
  (key: any, values?: any): string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  has(key: any): boolean;
}

/** `day` writes a calendar day (YYYY-MM-DD); the staff's screens show it as it is, the report in the person's language. */
export function coverageWords(t: ReportTranslate, day: (ymd: string) => string = (ymd) => ymd): CoverageWords {
  return {
    window: (w) => {
      const channel = t(`channelInText.${w.channel}`);
      return w.from === w.to ? t('windowDay', { channel, day: day(w.from) }) : t('window', { channel, from: day(w.from), to: day(w.to) });
    },
    reason: (reason) => failureReasonText(t, reason),
    statement: (p) =>
      t('coverage.statement', {
        answered: p.answered ? t('coverage.answered', { count: p.answered, total: p.total, list: p.answeredList }) : t('coverage.answeredNone', { total: p.total }),
        failed: p.failed ? t('coverage.failed', { count: p.failed, list: p.failedList }) : t('coverage.failedNone'),
        neverAsked: p.neverAsked ? t('coverage.neverAsked', { count: p.neverAsked, list: p.neverAskedList }) : t('coverage.neverAskedNone'),
      }),
  };
}

/**
 * A window's failure reason: a kind (lib/staff-words.ts `privacyWindowFailureKind`) in words; any other text
 * (a window failed before reasons were kinds, or the action's own message, already in the staff's language) as it is.
 */
export function failureReasonText(t: ReportTranslate, reason: string): string {
  return /^[a-z_]+$/.test(reason) && t.has(`failure.${reason}`) ? t(`failure.${reason}`) : reason;
}
