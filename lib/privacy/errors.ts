/**
 * The privacy desk's refusals as message keys ("privacyCase.errors.<name>" in messages/<locale>.json), not
 * sentences: the form schemas (browser and action), the use cases' ValidationError / ConflictError, and the
 * screens that show one put it into the staff member's words (components/privacy/use-error-words.ts). Pure.
 */
export const PRIVACY_ERROR_PREFIX = 'privacyCase.errors.';

export const PRIVACY_ERRORS = {
  subjectMissing: `${PRIVACY_ERROR_PREFIX}subjectMissing`,
  receivedDate: `${PRIVACY_ERROR_PREFIX}receivedDate`,
  realDate: `${PRIVACY_ERROR_PREFIX}realDate`,
  receivedFuture: `${PRIVACY_ERROR_PREFIX}receivedFuture`,
  enterDate: `${PRIVACY_ERROR_PREFIX}enterDate`,
  noCase: `${PRIVACY_ERROR_PREFIX}noCase`,
  noLookup: `${PRIVACY_ERROR_PREFIX}noLookup`,
  noWindow: `${PRIVACY_ERROR_PREFIX}noWindow`,
  profileNeedsBoth: `${PRIVACY_ERROR_PREFIX}profileNeedsBoth`,
  noReference: `${PRIVACY_ERROR_PREFIX}noReference`,
} as const;

export type PrivacyErrorName = keyof typeof PRIVACY_ERRORS;

/** The error's name when `message` is one of the keys above; else null (a sentence already in words). */
export function privacyErrorName(message: string | null | undefined): PrivacyErrorName | null {
  if (!message?.startsWith(PRIVACY_ERROR_PREFIX)) return null;
  const name = message.slice(PRIVACY_ERROR_PREFIX.length);
  return Object.hasOwn(PRIVACY_ERRORS, name) ? (name as PrivacyErrorName) : null;
}
