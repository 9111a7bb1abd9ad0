/**
 * Plain words for staff: zod's default messages never reach a form, and a vendor's refusal or failure is
 * told as what to do — the vendor's own text stays in the log and the admin queue.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { VendorError } from '@/lib/vendors/http';
import {
  captureSyncNote,
  asLeadSyncFailureKind,
  leadSyncFailureKind,
  plainValidationMessage,
  privacyWindowFailureKind,
} from './staff-words';
import { setBrowserValidationWords } from '@/lib/browser-words';
import { actionWords, serverTranslator, validationErrorMap, vendorActionMessage } from '@/lib/i18n/server-words';

vi.mock('server-only', () => ({}));

/** What the root providers hand zod's map in the browser: the page's "validation" words. */
const pageWords = (locale: 'en' | 'ro') => (key: string, values?: Record<string, string>) =>
  (serverTranslator(locale) as unknown as (k: string, v?: Record<string, string>) => string)(`validation.${key}`, values);
beforeEach(() => setBrowserValidationWords(pageWords('en')));

const messageOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected a validation error');
  return result.error.issues[0].message;
};

const refused = new VendorError({ vendor: 'footprints', operation: 'addLead', status: 400, kind: 'http', retryable: false, message: 'sandbox fault: HTTP 400' });
const outage = new VendorError({ vendor: 'footprints', operation: 'getLeads', status: 503, kind: 'http', retryable: true, message: 'Service Unavailable (sandbox outage)' });
const TECHNICAL = /sandbox|HTTP|\d{3}|getLeads|addLead|Service Unavailable|expected|<=|>=/;

describe('validation messages in the staff’s language', () => {
  it('an action’s per-parse map answers in the request’s language; a schema’s own message still wins', () => {
    const schema = z.object({ note: z.string().max(4000), email: z.email(), count: z.number().min(2), own: z.string().min(1, 'Own words') });
    const issues = (locale: 'ro' | 'en') =>
      schema.safeParse({ note: 'x'.repeat(4001), email: 'nope', count: 1, own: '' }, { error: validationErrorMap(locale) }).error!.issues.map((i) => i.message);
    expect(issues('ro')).toEqual(['Păstrează sub 4000 caractere', 'Introdu o adresă de e-mail validă', 'Introdu 2 sau mai mult', 'Own words']);
    expect(issues('en')).toEqual(['Keep this under 4000 characters', 'Enter a valid e-mail address', 'Enter 2 or more', 'Own words']);
  });
  it('the global map (browser) uses the words the page handed over', () => {
    expect(messageOf(z.string().min(1), '')).toBe('Fill this in');
    setBrowserValidationWords(pageWords('ro'));
    expect(messageOf(z.string().min(1), '')).toBe('Completează acest câmp');
  });
});

describe('action errors in the staff’s language', () => {
  it('a vendor failure and the action door’s sentences in Romanian and English', () => {
    expect(vendorActionMessage(outage, 'ro')).toBe('Footprints nu răspunde acum. Nu s-a schimbat nimic; încearcă din nou peste un minut.');
    expect(vendorActionMessage({ vendor: 'loyalty', retryable: false }, 'ro')).toMatch(/^Motorul de fidelitate nu a acceptat această schimbare\./);
    expect(vendorActionMessage({ vendor: 'loyalty', retryable: true })).toBe('The loyalty engine is not answering right now. Nothing was changed; try again in a minute.');
    expect(actionWords('ro').internal('ab12cd34')).toBe('Ceva nu a mers (ref ab12cd34). Încearcă din nou; dacă se repetă, dă această referință unui administrator.');
    expect(actionWords().roleNotAllowed()).toBe('Your role does not allow this. Ask an admin if you need it.');
  });
});

describe('validation messages', () => {
  it('say what to do instead of zod’s defaults', () => {
    expect(messageOf(z.string().max(4000), 'x'.repeat(4001))).toBe('Keep this under 4000 characters');
    expect(messageOf(z.string().min(1), '')).toBe('Fill this in');
    expect(messageOf(z.string().min(3), 'ab')).toBe('Write at least 3 characters');
    expect(messageOf(z.number().int().max(10), 11)).toBe('Enter 10 or less');
    expect(messageOf(z.number().min(0), -1)).toBe('Enter 0 or more');
    expect(messageOf(z.object({ a: z.string() }), {})).toBe('Fill this in');
    expect(messageOf(z.email(), 'not-an-email')).toBe('Enter a valid e-mail address');
    expect(messageOf(z.uuid(), 'nope')).toBe('This form is out of date: reload the page');
    expect(messageOf(z.enum(['a', 'b']), 'c')).toBe('Choose one of the options');
    expect(messageOf(z.array(z.string()).max(2), ['a', 'b', 'c'])).toBe('Choose at most 2');
  });

  it('keep a schema’s own sentence and a refinement’s message', () => {
    expect(messageOf(z.string().max(10, 'At most 10 characters'), 'x'.repeat(11))).toBe('At most 10 characters');
    expect(messageOf(z.string().refine(() => false, 'Choose the offer category first'), 'x')).toBe('Choose the offer category first');
  });

  it('covers every issue zod raises with a sentence that has no technical notation', () => {
    const samples: [z.ZodType, unknown][] = [
      [z.string().max(5), 'toolong'],
      [z.string(), 42],
      [z.number().multipleOf(5), 3],
      [z.strictObject({ a: z.string() }), { a: 'x', b: 1 }],
      [z.union([z.string(), z.number()]), true],
      [z.string().regex(/^\d+$/), 'abc'],
      [z.literal('x'), 'y'],
    ];
    for (const [schema, value] of samples) {
      const message = messageOf(schema, value);
      expect(message).not.toMatch(/\bexpected\b|Invalid|<=|>=|Too (big|small)/);
      expect(plainValidationMessage(schema.safeParse(value).error!.issues[0] as never, pageWords('en'))).toBeTruthy();
    }
  });
});

describe('vendor failures', () => {
  it('a refused or failed change says what to do, never the vendor’s text', () => {
    expect(vendorActionMessage(refused)).toBe(
      'Footprints did not accept this change. Nothing was changed; check the details and try again, and if it happens again ask an admin (the details are in the admin sync queue).',
    );
    expect(vendorActionMessage(outage)).toBe('Footprints is not answering right now. Nothing was changed; try again in a minute.');
    expect(vendorActionMessage({ vendor: 'loyalty', retryable: true })).toMatch(/^The loyalty engine is not answering right now/);
    for (const m of [vendorActionMessage(refused), vendorActionMessage(outage)]) expect(m).not.toMatch(TECHNICAL);
  });

  it('capture: a refused lead and a waiting one are told in plain words', () => {
    // The words are the message files' (capture.mine.notes); here, which note a capture gets.
    expect(captureSyncNote('failed', true)).toBe('failed');
    expect(captureSyncNote('checking', true, true)).toBe('checkingWithAdmin');
    expect(captureSyncNote('checking', true)).toBe('checking');
    expect(captureSyncNote('waiting', true)).toBe('notAnswering');
    expect(captureSyncNote('waiting', false)).toBeNull();
  });

  it('pipeline sync status: a kind, said in each reader\'s language where it is shown', () => {
    expect(leadSyncFailureKind(outage)).toBe('retryable');
    expect(leadSyncFailureKind(refused)).toBe('refused');
    expect(leadSyncFailureKind(null)).toBe('unexpected');
    // A sentence stored before kinds were reads as "stopped unexpectedly".
    expect(asLeadSyncFailureKind('Footprints did not answer the last refresh')).toBe('unexpected');
    expect(asLeadSyncFailureKind('refused')).toBe('refused');
    const say = (locale: 'en' | 'ro', f: typeof outage | null) => (serverTranslator(locale) as unknown as (k: string) => string)(`leads.syncFailed.${leadSyncFailureKind(f)}`);
    expect(say('en', outage)).toBe(
      'Footprints did not answer the last refresh; the list shows what was synced before. It retries by itself, or try “Refresh from Footprints”.',
    );
    expect(say('en', refused)).toMatch(/^Footprints refused the last refresh; .+ Ask an admin/);
    expect(say('en', null)).toMatch(/^The last refresh stopped unexpectedly/);
    expect(say('ro', outage)).toMatch(/^Footprints nu a răspuns la ultima actualizare/);
    for (const m of [say('en', outage), say('en', refused), say('ro', refused)]) expect(m).not.toMatch(TECHNICAL);
  });

  it('privacy windows: retry, split, or ask an admin', () => {
    // A kind, put into words where it is shown (messages "report.failure", lib/privacy/coverage-words.test.ts).
    expect(privacyWindowFailureKind({ retryable: true, kind: 'http' })).toBe('not_answering');
    expect(privacyWindowFailureKind({ retryable: false, kind: 'invalid_request' })).toBe('seven_day_rule');
    expect(privacyWindowFailureKind({ retryable: false, kind: 'invalid_response' })).toBe('unreadable');
    expect(privacyWindowFailureKind({ retryable: false, kind: 'http' })).toBe('refused');
  });
});

describe('the action door', () => {
  it('turns a vendor refusal into plain words and logs the detail', async () => {
    const { setLogSink } = await import('@/lib/log');
    const lines: string[] = [];
    const restore = setLogSink((_level, line) => lines.push(line));
    try {
      const { toActionError } = await import('@/lib/auth/action');
      const result = toActionError(refused, 'capture.submit');
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error).toMatchObject({ code: 'vendor', retryable: false });
      expect(result.error.message).not.toMatch(TECHNICAL);
      expect(lines.join('\n')).toContain('sandbox fault: HTTP 400');
      const invalid = toActionError(z.object({ comments: z.string().max(4000) }).safeParse({ comments: 'x'.repeat(4001) }).error, 'leads.addAction');
      if (!invalid.ok) expect(invalid.error.fieldErrors).toEqual({ comments: ['Keep this under 4000 characters'] });
    } finally {
      setLogSink(restore);
    }
  });
});
