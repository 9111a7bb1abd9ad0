/** An empty capture form (zod-free: the capture page's first load carries no zod; the schema is in inputs.ts). */
import type { Locale } from '@/lib/i18n/locales';
import type { CaptureFormValues } from './inputs';

/** `consentLanguage`: the language the consent is read in (its version is `consentWordingVersion`). */
export function emptyCaptureForm(idempotencyKey: string, consentWordingVersion: string, locationId = '', consentLanguage: Locale = 'en'): CaptureFormValues {
  return {
    idempotencyKey,
    firstName: '',
    lastName: '',
    email: '',
    phone: '',
    sex: '',
    birthday: '',
    city: '',
    county: '',
    country: '',
    address: '',
    familyDetails: '',
    children: '',
    industry: '',
    companyName: '',
    companyAddress: '',
    job: '',
    jobDescription: '',
    income: '',
    nps: '',
    comments: '',
    tags: '',
    locationId,
    offerCategoryId: '',
    offerId: '',
    offlineCampaignId: '',
    channelId: '',
    consultantId: '',
    agreeTerms: false,
    agreePrivacy: false,
    isAdult: false,
    agreedTargetedMessages: false,
    marketing: { sms: false, email: false, notification: false, dm: false, socialMedia: false },
    consentWordingVersion,
    consentLanguage,
    createdAt: '',
    timezone: '',
    deviceId: '',
  };
}
