/**
 * The one schema of the capture form: the form validates with it (components/capture/use-capture-form.ts) and the
 * server action validates the same input with it again. Pure (browser and server).
 *
 * Every value is what the form holds (strings and booleans), so the data typed is never transformed under
 * the hostess; lib/capture/submit.ts turns it into the Footprints add-lead fields.
 */
import { z } from 'zod';
import { isIsoDay } from '@/lib/dates';
import { LOCALES } from '@/lib/i18n/locales';
import { MARKETING_CHANNELS } from './consent-channels';

/** The capture form's own sentences (its refinements), by key: the form passes them in the staff's language (messages, "capture.validation"). */
const ENGLISH_WORDS = {
  lostKey: 'The form lost its key; reload the page',
  firstName: 'Enter the first name',
  lastName: 'Enter the last name',
  maxChars: 'At most {max} characters',
  email: 'Enter a valid e-mail address',
  phone: 'Enter a valid phone number (6–15 digits)',
  emailOrPhone: 'Enter an e-mail address or a phone number',
  phoneOrEmail: 'Enter a phone number or an e-mail address',
  realDate: 'Enter a real date',
  birthdayPast: 'The birthday must be in the past',
  birthdayAfter1900: 'Enter a birthday after 1900',
  nps: 'NPS is a whole number from 0 to 10',
  children: 'A whole number from 0 to 30',
  income: 'A positive amount, e.g. 3500',
  terms: 'The customer must agree to the Terms & Conditions',
  privacy: 'The customer must agree to the Privacy Policy',
  categoryFirst: 'Choose the offer category first',
} as const;
export type CaptureValidationKey = keyof typeof ENGLISH_WORDS;
export type CaptureValidationWords = (key: CaptureValidationKey, values?: { max: string }) => string;
/** The English sentences (the action's parse, tests); `{max}` filled in. */
export const englishCaptureWords: CaptureValidationWords = (key, values) => ENGLISH_WORDS[key].replace('{max}', values?.max ?? '');

const MAX_TEXT = 200;

/** A phone number as people type it: digits with spaces, dots, dashes, brackets, an optional leading +. */
const PHONE_RE = /^\+?[\d\s().-]+$/;
export function phoneDigits(value: string): string {
  return value.replace(/\D/g, '');
}
export function isValidPhone(value: string): boolean {
  const v = value.trim();
  const digits = phoneDigits(v);
  return PHONE_RE.test(v) && digits.length >= 6 && digits.length <= 15;
}

const EMAIL = z.email();
export function isValidEmail(value: string): boolean {
  return EMAIL.safeParse(value.trim()).success;
}

const NPS_RE = /^(?:[0-9]|10)$/;
const COUNT_RE = /^\d{1,2}$/;

export const MarketingConsentSchema = z.object(
  Object.fromEntries(MARKETING_CHANNELS.map((c) => [c, z.boolean()])) as Record<(typeof MARKETING_CHANNELS)[number], z.ZodBoolean>,
);

/**
 * The capture schema; `today` is the store's calendar day (YYYY-MM-DD, `todayInZone(storeZone)`), so a
 * birthday is judged by the store's date whatever zone the server or the tablet runs in. `words`: the form's own
 * sentences in the staff's language (the browser's form passes them; English by default).
 */
export const createCaptureFormSchema = (today: () => string, words: CaptureValidationWords = englishCaptureWords) => {
  const optionalText = (max = MAX_TEXT) => z.string().trim().max(max, words('maxChars', { max: String(max) }));
  const atMost = (max: number) => words('maxChars', { max: String(max) });
  return z
  .object({
    /** Generated when the form opened; the same key always finds the same submission. */
    idempotencyKey: z.uuid(words('lostKey')),
    firstName: z.string().trim().min(1, words('firstName')).max(100, atMost(100)),
    lastName: z.string().trim().min(1, words('lastName')).max(100, atMost(100)),
    email: z.string().trim().max(254, atMost(254)),
    phone: z.string().trim().max(30, atMost(30)),
    sex: z.enum(['', 'male', 'female']),
    birthday: z.string().trim(),
    city: optionalText(),
    county: optionalText(),
    country: optionalText(),
    address: optionalText(300),
    familyDetails: z.enum(['', 'single', 'married']),
    children: z.string().trim(),
    industry: optionalText(),
    companyName: optionalText(),
    companyAddress: optionalText(300),
    job: optionalText(),
    jobDescription: optionalText(500),
    income: z.string().trim(),
    nps: z.string().trim(),
    comments: optionalText(2000),
    /** Comma-separated. */
    tags: optionalText(500),
    locationId: z.string().trim().max(100),
    offerCategoryId: z.string().trim().max(100),
    offerId: z.string().trim().max(100),
    offlineCampaignId: z.string().trim().max(100),
    channelId: z.string().trim().max(100),
    consultantId: z.string().trim().max(100),
    agreeTerms: z.boolean(),
    agreePrivacy: z.boolean(),
    isAdult: z.boolean(),
    agreedTargetedMessages: z.boolean(),
    marketing: MarketingConsentSchema,
    consentWordingVersion: z.string().min(1).max(50),
    /**
     * The language the consent was read to the customer in (consentWordingVersion is that language's version).
     * A capture kept on a tablet before the consent had languages has none: it was read in English.
     */
    consentLanguage: z.enum(LOCALES).default('en'),
    /** When the form was submitted, ISO-8601 (the browser's clock). */
    createdAt: z.string().refine((s) => s === '' || !Number.isNaN(Date.parse(s)), 'Not a date-time'),
    /** The browser's IANA time zone. */
    timezone: z.string().max(64),
    /** The tablet's id, kept in its browser. */
    deviceId: z.string().max(100),
  })
  .superRefine((v, ctx) => {
    const email = v.email.trim();
    const phone = v.phone.trim();
    if (email && !isValidEmail(email)) ctx.addIssue({ code: 'custom', path: ['email'], message: words('email') });
    if (phone && !isValidPhone(phone)) ctx.addIssue({ code: 'custom', path: ['phone'], message: words('phone') });
    if (!email && !phone) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: words('emailOrPhone') });
      ctx.addIssue({ code: 'custom', path: ['phone'], message: words('phoneOrEmail') });
    }
    if (v.birthday) {
      if (!isIsoDay(v.birthday)) ctx.addIssue({ code: 'custom', path: ['birthday'], message: words('realDate') });
      else if (v.birthday >= today()) ctx.addIssue({ code: 'custom', path: ['birthday'], message: words('birthdayPast') });
      else if (v.birthday < '1900-01-01') ctx.addIssue({ code: 'custom', path: ['birthday'], message: words('birthdayAfter1900') });
    }
    if (v.nps && !NPS_RE.test(v.nps)) ctx.addIssue({ code: 'custom', path: ['nps'], message: words('nps') });
    if (v.children && (!COUNT_RE.test(v.children) || Number(v.children) > 30)) {
      ctx.addIssue({ code: 'custom', path: ['children'], message: words('children') });
    }
    if (v.income && !/^\d+(\.\d{1,2})?$/.test(v.income)) ctx.addIssue({ code: 'custom', path: ['income'], message: words('income') });
    if (!v.agreeTerms) ctx.addIssue({ code: 'custom', path: ['agreeTerms'], message: words('terms') });
    if (!v.agreePrivacy) ctx.addIssue({ code: 'custom', path: ['agreePrivacy'], message: words('privacy') });
    if (v.offerId && !v.offerCategoryId) ctx.addIssue({ code: 'custom', path: ['offerCategoryId'], message: words('categoryFirst') });
  });
};

type CaptureFormSchema = ReturnType<typeof createCaptureFormSchema>;
export type CaptureFormInput = z.input<CaptureFormSchema>;
export type CaptureFormValues = z.output<CaptureFormSchema>;

/** An empty form for the next customer (a fresh idempotency key). */
export { emptyCaptureForm } from './form-defaults';

/** For the duplicates check (before saving): only the two keys, validated the same way. */
export const DuplicateQuerySchema = z
  .object({ email: z.string().trim().max(254), phone: z.string().trim().max(30) })
  .refine((v) => (v.email && isValidEmail(v.email)) || (v.phone && isValidPhone(v.phone)), { message: 'Enter an e-mail or a phone', path: ['email'] });
