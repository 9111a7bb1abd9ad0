/**
 * Plain words for staff. Two sources of technical text never reach a member of staff:
 *   - zod's default validation messages ("Too big: expected string to have <=4000 characters"): a global
 *     error map (installed by importing this module: lib/auth/action.ts on the server, components/providers.tsx
 *     in the browser) says what to do instead ("Keep this under 4000 characters"). A schema's own message
 *     still wins over the map (zod's precedence), so the forms' hand-written sentences stay;
 *   - a vendor's refusal or failure ("sandbox fault: HTTP 400", "Service Unavailable", "footprints getLeads: …"):
 *     staff read what happened and what to do; the vendor's detail goes to the log and the admin queue only.
 * Pure (browser and server): no server-only import.
 */
import type { z } from 'zod';
// zod's core `config` only (the same global configuration as `zod`'s): installing the map ships no zod.
import { config } from 'zod/v4/core';

// ---- validation -----------------------------------------------------------------------------------------

type Issue = Parameters<z.core.$ZodErrorMap>[0];

const count = (n: number | bigint) => Number(n).toLocaleString('en-GB').replace(/,/g, '');

/** The sentence a member of staff reads beside a field for one zod issue; undefined keeps the schema's own. */
export function plainValidationMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'too_big': {
      const max = count(issue.maximum);
      if (issue.origin === 'string') return `Keep this under ${max} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Choose at most ${max}`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return `Enter ${max} or less`;
      if (issue.origin === 'date') return 'Choose an earlier date';
      if (issue.origin === 'file') return 'This file is too large';
      return 'This is too long';
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? 'Fill this in' : `Write at least ${count(issue.minimum)} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? 'Choose at least one' : `Choose at least ${count(issue.minimum)}`;
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return `Enter ${count(issue.minimum)} or more`;
      if (issue.origin === 'date') return 'Choose a later date';
      return 'This is too short';
    }
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === '' ? 'Fill this in' : 'This value is not valid here; check it and try again';
    case 'invalid_format':
      if (issue.format === 'email') return 'Enter a valid e-mail address';
      if (issue.format === 'uuid' || issue.format === 'guid') return 'This form is out of date: reload the page';
      if (issue.format === 'date' || issue.format === 'datetime') return 'Enter a real date';
      if (issue.format === 'url') return 'Enter a web address starting with https://';
      return 'Check how this is written';
    case 'invalid_value':
      return 'Choose one of the options';
    case 'not_multiple_of':
      return 'Enter a whole number';
    case 'unrecognized_keys':
      return 'This form sent something unexpected: reload the page';
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return 'This value is not valid here; check it and try again';
    default:
      // custom: the refinement's own message (every refine in the console writes one).
      return undefined;
  }
}

// Installed on import (zod keeps one global configuration per bundle).
config({ customError: plainValidationMessage });

// ---- vendor failures ------------------------------------------------------------------------------------

export type StaffVendor = 'footprints' | 'netcore' | 'loyalty';

export const VENDOR_NAMES: Record<StaffVendor, string> = {
  footprints: 'Footprints',
  netcore: 'Netcore',
  loyalty: 'The loyalty engine',
};

/** The facts of a vendor failure staff words are chosen from (never its text). */
export interface VendorFailure {
  vendor: StaffVendor;
  retryable: boolean;
}

/** A change the vendor did not make, said to the member of staff who asked for it. */
export function vendorActionMessage(f: VendorFailure): string {
  const who = VENDOR_NAMES[f.vendor];
  return f.retryable
    ? `${who} is not answering right now. Nothing was changed; try again in a minute.`
    : `${who} did not accept this change. Nothing was changed; check the details and try again, and if it happens again ask an admin (the details are in the admin sync queue).`;
}

/** The capture desk: a lead Footprints did not accept (the hostess keeps her form). */
export const CAPTURE_REFUSED_MESSAGE =
  'Footprints did not accept this lead. Check the name, e-mail, phone and birthday with the customer, then tap “Save lead” again. If it happens again, ask an admin: the details are in the sync queue.';

/** "My submissions today": a line per capture not sent yet. */
export function captureSyncNote(state: 'waiting' | 'failed' | 'checking', hadFailure: boolean, withAdmin = false): string | null {
  if (state === 'failed') return 'Not accepted by Footprints: capture it again with the customer, or ask an admin to look at the sync queue.';
  if (state === 'checking') {
    return withAdmin
      ? 'Footprints may have it already: an admin is checking, so it is not sent twice. Do not capture it again.'
      : 'Footprints did not confirm it: checking whether it arrived before sending it again. Do not capture it again.';
  }
  return hadFailure ? 'Footprints is not answering right now; it will be sent automatically.' : null;
}

/** The pipeline's sync status after a failed refresh. */
export function leadSyncFailureMessage(f: VendorFailure | null): string {
  if (!f) return 'The last refresh stopped unexpectedly; the list shows what was synced before. Try “Refresh from Footprints” again.';
  return f.retryable
    ? 'Footprints did not answer the last refresh; the list shows what was synced before. It retries by itself, or try “Refresh from Footprints”.'
    : 'Footprints refused the last refresh; the list shows what was synced before. Ask an admin to check the connection to Footprints.';
}

/** A privacy look-up window that failed (Netcore's seven-day channel activity). */
export function privacyWindowFailureMessage(f: { retryable: boolean; kind: string }): string {
  if (f.kind === 'invalid_request') return 'Not sent: the window breaks the seven-day rule. Split the period and try again.';
  if (f.kind === 'invalid_response') return 'Netcore sent an answer the console could not read; retry this window, and if it happens again ask an admin.';
  if (f.retryable) return 'Netcore is not answering right now; retry this window in a minute.';
  return 'Netcore did not accept this look-up; retry this window, and if it happens again ask an admin.';
}
