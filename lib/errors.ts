/**
 * Expected errors are typed and shown to staff; anything else is logged with a reference and the user
 * sees "Something went wrong (ref …)". Pure module: action results cross to the browser.
 */
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

/** Input the user can fix. */
export class ValidationError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

/** The caller may not do this. */
export class PermissionError extends Error {
  constructor(message = 'Your role does not allow this. Ask an admin if you need it.') {
    super(message);
    this.name = 'PermissionError';
  }
}

/** The thing changed under the user (someone else redeemed the code first, the lead moved). */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

export class RateLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RateLimitError';
  }
}
