/**
 * The server's translators for text made outside a page: the action door's sentences, vendor failures and the
 * validation map each action passes to its parse (lib/auth/action.ts), in the request's language. The message
 * files are imported here, on the server only, never into a browser bundle.
 */
import 'server-only';
import { createTranslator } from 'next-intl';
import type en from '@/messages/en.json';
import { withWords } from '@/lib/errors';
import { plainValidationMessage, type VendorFailure } from '@/lib/staff-words';
import { isLocale, LOCALES, type Locale } from './locales';
import { loadMessages } from './messages';

/**
 * Every language's message file, loaded once when this module is (the languages of LOCALES: a new
 * messages/<code>.json needs no change here).
 */
const CATALOGS = Object.fromEntries(await Promise.all(LOCALES.map(async (locale) => [locale, await loadMessages(locale)] as const))) as Record<Locale, typeof en>;

type Translate = ReturnType<typeof createTranslator<typeof en>>;
const translators = new Map<Locale, Translate>();

/** A translator over the whole message file of a language (cached per language). */
export function serverTranslator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator({ locale, messages: CATALOGS[locale] });
    translators.set(locale, t);
  }
  return t;
}

/**
 * An expected error (ValidationError, ConflictError…) thrown by a use case, which does not know the request's
 * language: its message is the English words (logs, tests), and the action door shows the asker's
 * (lib/errors.ts `withWords`, `messageIn`). `words` picks the message: `(t) => t('admin.errors.lastAdmin')`.
 */
export function refusal<E extends Error>(make: (message: string) => E, words: (t: Translate, locale: Locale) => string): E {
  return withWords(make(words(serverTranslator('en'), 'en')), (locale) => {
    const language = isLocale(locale) ? locale : 'en';
    return words(serverTranslator(language), language);
  });
}

/** The action door's own sentences (lib/auth/action.ts) in a language. */
export function actionWords(locale: Locale = 'en') {
  const t = serverTranslator(locale);
  return {
    fieldsNeedAttention: () => t('actions.fieldsNeedAttention'),
    sessionEnded: () => t('actions.sessionEnded'),
    roleNotAllowed: () => t('actions.roleNotAllowed'),
    internal: (ref: string) => t('actions.internal', { ref }),
  };
}

/** The validation map for one language: actions pass it to each parse. */
export function validationErrorMap(locale: Locale) {
  const t = serverTranslator(locale);
  const words = (key: string, values?: Record<string, string>) => t(`validation.${key}` as Parameters<Translate>[0], values);
  return (issue: Parameters<typeof plainValidationMessage>[0]) => plainValidationMessage(issue, words);
}

/** A change the vendor did not make, said to the member of staff who asked for it, in their language. */
export function vendorActionMessage(f: VendorFailure, locale: Locale = 'en'): string {
  const t = serverTranslator(locale);
  const vendor = t(`actions.vendors.${f.vendor}`);
  return f.retryable ? t('actions.vendorRetry', { vendor }) : t('actions.vendorRefused', { vendor });
}
