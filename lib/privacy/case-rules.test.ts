import { describe, expect, it } from 'vitest';
import { createTranslator } from 'next-intl';
import en from '@/messages/en.json';
import ro from '@/messages/ro.json';
import { daysLeft, dueDateFor, maskEmail, maskPhone } from './case-rules';
import { createCaseSchema } from './inputs';

describe('due date: received + one month', () => {
  it('is the same day next month', () => {
    expect(dueDateFor('2024-05-14')).toBe('2024-06-14');
    expect(dueDateFor('2024-12-20')).toBe('2025-01-20');
  });
  it('ends on the last day of a shorter month', () => {
    expect(dueDateFor('2024-01-31')).toBe('2024-02-29');
    expect(dueDateFor('2023-01-31')).toBe('2023-02-28');
    expect(dueDateFor('2024-03-31')).toBe('2024-04-30');
  });
  it('refuses a non-date', () => {
    expect(dueDateFor('2024-02-30')).toBeNull();
  });
});

describe('days left', () => {
  it('counts calendar days to the due date', () => {
    expect(daysLeft('2024-06-14', '2024-05-14')).toBe(31);
    expect(daysLeft('2024-06-14', '2024-06-14')).toBe(0);
    expect(daysLeft('2024-06-14', '2024-06-16')).toBe(-2);
    // Said in the staff's language (messages "privacy.daysLeft" / "overdue"; the list and the case page).
    const t = (locale: 'en' | 'ro') => createTranslator({ locale, messages: locale === 'en' ? en : ro, namespace: 'privacy' });
    expect(t('en')('daysLeft', { days: 31 })).toBe('31 days left');
    expect(t('en')('daysLeft', { days: 1 })).toBe('1 day left');
    expect(t('en')('overdue', { days: 2 })).toBe('2 days overdue');
    expect(t('ro')('daysLeft', { days: 1 })).toMatch(/^1 zi/);
    expect(t('ro')('daysLeft', { days: 31 })).toMatch(/^31 de zile/);
  });
});

describe('masking', () => {
  it('keeps enough to tell cases apart, not to contact', () => {
    expect(maskEmail('ana.popescu@example.com')).toBe('a••••••••u@example.com');
    expect(maskEmail('ab@example.com')).toBe('a•@example.com');
    expect(maskPhone('0722000001')).toBe('07••••••01');
    expect(maskEmail(null)).toBeNull();
    expect(maskPhone(null)).toBeNull();
    expect(maskEmail('ana.popescu@example.com')).not.toContain('popescu');
  });
});

describe('createCaseSchema', () => {
  const schema = createCaseSchema(() => '2024-05-20');
  it('needs an e-mail or a mobile', () => {
    const r = schema.safeParse({ subjectEmail: '', subjectPhone: '', receivedOn: '2024-05-14' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['subjectEmail'] });
  });
  it('normalises the phone and drops empty fields', () => {
    const r = schema.parse({ subjectEmail: '', subjectPhone: '0722 000-001', receivedOn: '2024-05-14' });
    expect(r).toEqual({ subjectEmail: undefined, subjectPhone: '0722000001', receivedOn: '2024-05-14', notes: '' });
  });
  it('refuses a future or unreal received date and a bad e-mail', () => {
    expect(schema.safeParse({ subjectEmail: 'a@example.com', subjectPhone: '', receivedOn: '2024-05-21' }).success).toBe(false);
    expect(schema.safeParse({ subjectEmail: 'a@example.com', subjectPhone: '', receivedOn: '2024-02-30' }).success).toBe(false);
    expect(schema.safeParse({ subjectEmail: 'not-an-email', subjectPhone: '', receivedOn: '2024-05-14' }).success).toBe(false);
  });
});
