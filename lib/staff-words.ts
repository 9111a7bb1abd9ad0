/**
 * Plain words for staff. Two sources of technical text never reach a member of staff:
 *   - zod's default validation messages ("Too big: expected string to have <=4000 characters"): a global
 *     error map (installed by importing this module: lib/auth/action.ts on the server, components/forms/zod-setup.ts
 *     in the browser) says what to do instead ("Keep this under 4000 characters"), in the staff's language
 *     (messages/<locale>.json, "validation"; the browser reads the page's `<html lang>`, an action passes the
 *     request's language to its parse). A schema's own message
 *     still wins over the map (zod's precedence), so the forms' hand-written sentences stay;
 *   - a vendor's refusal or failure ("sandbox fault: HTTP 400", "Service Unavailable", "footprints getLeads: …"):
 *     staff read what happened and what to do; the vendor's detail goes to the log and the admin queue only.
 * Pure (browser and server): no server-only import.
 */
import type { z } from 'zod';
// zod's core `config` only (the same global configuration as `zod`'s): installing the map ships no zod.
import { config } from 'zod/v4/core';
import { browserValidationWords, type ValidationWords } from '@/lib/browser-words';

// ---- validation -----------------------------------------------------------------------------------------

type Issue = Parameters<z.core.$ZodErrorMap>[0];

/** The "validation" key a schema gave its check (`params.word`), if any. */
function schemaWord(issue: Issue): string | undefined {
  const own = (issue as { params?: { word?: unknown } }).params?.word;
  const ofCheck = (issue.inst as { _zod?: { def?: { params?: { word?: unknown } } } } | undefined)?._zod?.def?.params?.word;
  const word = own ?? ofCheck;
  return typeof word === 'string' ? word : undefined;
}

/**
 * The sentence a member of staff reads beside a field for one zod issue, in their language (`t` translates the
 * "validation" keys of messages/<locale>.json); undefined keeps the schema's own. Counts are written with the
 * language's digits but no grouping ("4000": a limit, not an amount). No catalog is imported here: this module
 * runs in the browser, and the message files stay on the server (lib/i18n/server-words.ts) or in the page's provider.
 */
export function plainValidationMessage(issue: Issue, t: ValidationWords): string | undefined {
  // A schema's own sentence, in every language: `{ params: { word: 'loyalty.customerEmail' } }` on a check, an
  // enum or a custom issue names a "validation" key (a hand-written English message would win over this map).
  const word = schemaWord(issue);
  if (word) return t(word);
  const count = (n: number | bigint) => String(Number(n));
  switch (issue.code) {
    case 'too_big': {
      const max = count(issue.maximum);
      if (issue.origin === 'string') return t('maxChars', { max });
      if (issue.origin === 'array' || issue.origin === 'set') return t('maxItems', { max });
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return t('maxNumber', { max });
      if (issue.origin === 'date') return t('earlierDate');
      if (issue.origin === 'file') return t('fileTooLarge');
      return t('tooLong');
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? t('required') : t('minChars', { min: count(issue.minimum) });
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? t('atLeastOne') : t('minItems', { min: count(issue.minimum) });
      if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') return t('minNumber', { min: count(issue.minimum) });
      if (issue.origin === 'date') return t('laterDate');
      return t('tooShort');
    }
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === '' ? t('required') : t('invalid');
    case 'invalid_format':
      if (issue.format === 'email') return t('email');
      if (issue.format === 'uuid' || issue.format === 'guid') return t('staleForm');
      if (issue.format === 'date' || issue.format === 'datetime') return t('date');
      if (issue.format === 'url') return t('url');
      return t('format');
    case 'invalid_value':
      return t('option');
    case 'not_multiple_of':
      return t('wholeNumber');
    case 'unrecognized_keys':
      return t('unexpected');
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return t('invalid');
    default:
      // custom: the refinement's own message (every refine in the console writes one).
      return undefined;
  }
}

// Installed on import (zod keeps one global configuration per bundle). In the browser the root providers hand
// over the page's "validation" words (components/providers.tsx); on the server every action passes its own map.
config({
  customError: (issue) => {
    const t = browserValidationWords();
    return t ? plainValidationMessage(issue, t) : undefined;
  },
});

// ---- vendor failures ------------------------------------------------------------------------------------

export type StaffVendor = 'footprints' | 'netcore' | 'loyalty';


/** The facts of a vendor failure staff words are chosen from (never its text). */
export interface VendorFailure {
  vendor: StaffVendor;
  retryable: boolean;
}

/** Which note "My submissions today" shows under a capture not sent yet (the words: messages, "capture.mine.notes"). */
export type CaptureSyncNote = 'failed' | 'checkingWithAdmin' | 'checking' | 'notAnswering';

/** "My submissions today": the note of a capture not sent yet, or null. */
export function captureSyncNote(state: 'waiting' | 'failed' | 'checking', hadFailure: boolean, withAdmin = false): CaptureSyncNote | null {
  if (state === 'failed') return 'failed';
  if (state === 'checking') return withAdmin ? 'checkingWithAdmin' : 'checking';
  return hadFailure ? 'notAnswering' : null;
}

/**
 * What went wrong with the last lead refresh, as a kind: it is stored in the sync state and translated where
 * it is shown (`leads.syncFailed.<kind>` of messages/<locale>.json), in the reader's language.
 */
export const LEAD_SYNC_FAILURE_KINDS = ['unexpected', 'retryable', 'refused'] as const;
export type LeadSyncFailureKind = (typeof LEAD_SYNC_FAILURE_KINDS)[number];

export function leadSyncFailureKind(f: VendorFailure | null): LeadSyncFailureKind {
  if (!f) return 'unexpected';
  return f.retryable ? 'retryable' : 'refused';
}

/** A stored failure as a kind; a sentence stored before kinds were (or anything else) reads as 'unexpected'. */
export function asLeadSyncFailureKind(stored: string): LeadSyncFailureKind {
  return (LEAD_SYNC_FAILURE_KINDS as readonly string[]).includes(stored) ? (stored as LeadSyncFailureKind) : 'unexpected';
}

/**
 * Why a privacy look-up window failed (Netcore's seven-day channel activity), as a kind: stored on the window and
 * put into words where it is shown, in the reader's language (messages "report.failure.<kind>").
 */
export type PrivacyWindowFailureKind = 'seven_day_rule' | 'unreadable' | 'not_answering' | 'refused' | 'unexpected';

export function privacyWindowFailureKind(f: { retryable: boolean; kind: string }): PrivacyWindowFailureKind {
  if (f.kind === 'invalid_request') return 'seven_day_rule';
  if (f.kind === 'invalid_response') return 'unreadable';
  if (f.retryable) return 'not_answering';
  return 'refused';
}
