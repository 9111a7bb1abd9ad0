import { describe, expect, it } from 'vitest';
import { serverTranslator } from '@/lib/i18n/server-words';
import type { Locale } from '@/lib/i18n/locales';
import { createCaptureFormSchema, emptyCaptureForm, englishCaptureWords, type CaptureValidationWords } from './inputs';

/** The form's words in a language, as the desk passes them (components/capture/capture-desk.tsx: "capture.validation"). */
const wordsIn = (locale: Locale): CaptureValidationWords => {
  const t = serverTranslator(locale);
  return (key, values) => t(`capture.validation.${key}`, values);
};

const errorsOf = (words: CaptureValidationWords, overrides: Record<string, unknown>) => {
  const parsed = createCaptureFormSchema(() => '2026-12-04', words).safeParse({ ...emptyCaptureForm('8d7f3c1e-2b4a-4c6d-9e8f-0a1b2c3d4e5f', 'v'), ...overrides });
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('the capture form says its own refinements in the staff’s language', () => {
  it('in Romanian', () => {
    expect(errorsOf(wordsIn('ro'), { firstName: ' ', email: 'x', phone: '', birthday: '2030-01-01', city: 'x'.repeat(201) })).toMatchObject({
      firstName: 'Completați prenumele',
      email: 'Introduceți o adresă de e-mail validă',
      birthday: 'Data nașterii trebuie să fie în trecut',
      city: 'Cel mult 200 caractere',
      agreeTerms: 'Clientul trebuie să fie de acord cu Termenii și condițiile',
    });
  });

  it('in English, the same as the server’s parse (no grouping in a limit)', () => {
    const overrides = { firstName: ' ', email: '', phone: '', comments: 'x'.repeat(2001) };
    expect(errorsOf(wordsIn('en'), overrides)).toEqual(errorsOf(englishCaptureWords, overrides));
    expect(errorsOf(englishCaptureWords, overrides)).toMatchObject({ email: 'Enter an e-mail address or a phone number', comments: 'At most 2000 characters' });
  });
});
