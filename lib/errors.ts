/**
 * Expected errors are typed and shown to staff; anything else is logged with a reference and the user
 * sees "Something went wrong (ref …)". Pure module: action results cross to the browser.
 */
import { brandedInstanceCheck } from './brand';

export type ActionErrorCode = 'unauthenticated' | 'forbidden' | 'validation' | 'vendor' | 'conflict' | 'rate_limited' | 'internal';

export interface ActionError {
  code: ActionErrorCode;
  /** A sentence a member of staff can act on. Never a stack, a vendor's raw body or a key. */
  message: string;
  fieldErrors?: Record<string, string[]>;
  /** Log reference for unexpected errors. */
  ref?: string;
  /** True when trying again later can help (vendor down, timeout). */
  retryable?: boolean;
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

const VALIDATIONERROR_BRAND = Symbol.for('storedesk.ValidationError');

/** Input the user can fix. */
export class ValidationError extends Error {
  static [Symbol.hasInstance] = brandedInstanceCheck(VALIDATIONERROR_BRAND, ValidationError);
  readonly [VALIDATIONERROR_BRAND] = true;
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

const PERMISSIONERROR_BRAND = Symbol.for('storedesk.PermissionError');

/** The caller may not do this. */
export class PermissionError extends Error {
  static [Symbol.hasInstance] = brandedInstanceCheck(PERMISSIONERROR_BRAND, PermissionError);
  readonly [PERMISSIONERROR_BRAND] = true;
  constructor(message = 'Your role does not allow this. Ask an admin if you need it.') {
    super(message);
    this.name = 'PermissionError';
  }
}

const CONFLICTERROR_BRAND = Symbol.for('storedesk.ConflictError');

/** The thing changed under the user (someone else redeemed the code first, the lead moved). */
export class ConflictError extends Error {
  static [Symbol.hasInstance] = brandedInstanceCheck(CONFLICTERROR_BRAND, ConflictError);
  readonly [CONFLICTERROR_BRAND] = true;
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

const RATELIMITERROR_BRAND = Symbol.for('storedesk.RateLimitError');

/** Too many attempts in a short time (e.g. code look-ups). */
export class RateLimitError extends Error {
  static [Symbol.hasInstance] = brandedInstanceCheck(RATELIMITERROR_BRAND, RateLimitError);
  readonly [RATELIMITERROR_BRAND] = true;
  constructor(message: string) {
    super(message);
    this.name = 'RateLimitError';
  }
}

// ---- The language of a refusal (issue 16) -------------------------------------------------------------------

const WORDS = Symbol.for('storedesk.errorWords');

/**
 * Gives an expected error its message in every language: the action door (lib/auth/action.ts) shows
 * `words(locale)` to the person who asked; `message` stays as thrown (English: logs, tests). A use case that
 * does not know the request's language throws this way instead of choosing one.
 */
export function withWords<E extends Error>(error: E, words: (locale: 'ro' | 'en' | (string & {})) => string): E {
  Object.defineProperty(error, WORDS, { value: words, enumerable: false });
  return error;
}

/** An error's message in a language: its words when it has them, else its message. */
export function messageIn(error: Error, locale: string): string {
  const words = (error as unknown as Record<symbol, unknown>)[WORDS];
  return typeof words === 'function' ? (words as (locale: string) => string)(locale) : error.message;
}
