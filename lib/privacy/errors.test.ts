import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import ro from '@/messages/ro.json';
import { PRIVACY_ERRORS, privacyErrorName, type PrivacyErrorName } from './errors';
import { createCaseSchema } from './inputs';

const words = (locale: 'en' | 'ro') => createTranslator({ locale, messages: locale === 'en' ? en : ro, namespace: 'privacyCase.errors' });

describe('privacy refusals as message keys', () => {
  it('every refusal has words in both languages', () => {
    for (const name of Object.keys(PRIVACY_ERRORS) as PrivacyErrorName[]) {
      expect(words('en').has(name), `en ${name}`).toBe(true);
      expect(words('ro').has(name), `ro ${name}`).toBe(true);
    }
  });

  it('knows its keys and leaves any other text alone', () => {
    expect(privacyErrorName(PRIVACY_ERRORS.noCase)).toBe('noCase');
    expect(privacyErrorName('privacyCase.errors.toString')).toBeNull();
    expect(privacyErrorName('Some fields need attention.')).toBeNull();
    expect(privacyErrorName(undefined)).toBeNull();
  });

  it('the form schema says a refusal by key, put into the staff’s words where shown', () => {
    const parsed = createCaseSchema(() => '2026-05-04').safeParse({ subjectEmail: '', subjectPhone: '', receivedOn: '2026-05-05', notes: '' });
    expect(parsed.success).toBe(false);
    const messages = parsed.error!.issues.map((i) => i.message);
    expect(messages).toEqual([PRIVACY_ERRORS.subjectMissing, PRIVACY_ERRORS.receivedFuture]);
    expect(messages.map((m) => words('ro')(privacyErrorName(m)!))).toEqual([
      'Introduceți e-mailul persoanei vizate, mobilul sau pe amândouă.',
      'Cererea nu poate fi primită în viitor.',
    ]);
    expect(words('en')(privacyErrorName(messages[0])!)).toBe('Enter the data subject’s e-mail, mobile, or both.');
  });
});
