/**
 * From the capture form to what the vendors receive, and the small normalisations the duplicates search
 * uses. Pure (no server-only: tests and the bench import it).
 */
import { formatFootprintsDateTime } from '@/lib/vendors/footprints/dates';
import type { AddLeadInput } from '@/lib/vendors/footprints/encode';
import { MARKETING_CHANNELS } from './consent-channels';
import { phoneDigits, type CaptureFormValues } from './inputs';

export function normalizeEmail(value: string | null | undefined): string | null {
  const v = (value ?? '').trim().toLowerCase();
  return v ? v : null;
}

/**
 * Digits only, and the last nine of them: "+40 721 000 111", "0040721000111" and "0721 000 111" are one
 * number. Nine is the length of a Romanian national number without its trunk 0; shorter numbers are kept whole.
 */
export function normalizePhone(value: string | null | undefined): string | null {
  const digits = phoneDigits(value ?? '');
  if (digits.length < 6) return null;
  return digits.length > 9 ? digits.slice(-9) : digits;
}

/** "Ana P.": enough for the hostess to recognise her own capture in a list. */
export function displayNameOf(firstName: string, lastName: string): string {
  const first = firstName.trim();
  const initial = lastName.trim().charAt(0);
  return initial ? `${first} ${initial.toUpperCase()}.` : first;
}


export function tagsOf(text: string): string[] {
  const out: string[] = [];
  const lower = new Set<string>();
  for (const raw of text.split(',')) {
    const t = raw.trim();
    if (t && !lower.has(t.toLowerCase())) {
      lower.add(t.toLowerCase());
      out.push(t);
    }
  }
  return out;
}

const opt = (v: string): string | undefined => (v.trim() ? v.trim() : undefined);

/**
 * The Footprints add-lead fields for a capture. `createdAt` travels as the documented wall-clock
 * "Y-m-d H:i:s" in the form's own IANA zone, sent with it (the server's store zone if the browser sent none).
 * Every marketing channel is sent for the owner, agreed or not, so the refusal is on record too.
 */
export function toAddLeadInput(v: CaptureFormValues, opts: { capturedAt: Date; timezone: string }): AddLeadInput {
  const tags = tagsOf(v.tags);
  const input: AddLeadInput = {
    offlineCampaignId: opt(v.offlineCampaignId),
    offerCategoryId: opt(v.offerCategoryId),
    offerId: opt(v.offerId),
    locationId: opt(v.locationId),
    consultantId: opt(v.consultantId),
    channelId: opt(v.channelId),
    userFirstName: v.firstName.trim(),
    userLastName: v.lastName.trim(),
    userEmail: opt(v.email),
    userPhone: opt(v.phone),
    nps: v.nps ? Number(v.nps) : undefined,
    userSex: v.sex || undefined,
    userCity: opt(v.city),
    userCounty: opt(v.county),
    userCountry: opt(v.country),
    userAddress: opt(v.address),
    userFamilyDetails: v.familyDetails || undefined,
    userChildren: v.children ? Number(v.children) : undefined,
    userIndustry: opt(v.industry),
    userCompanyName: opt(v.companyName),
    userCompanyAddress: opt(v.companyAddress),
    userJob: opt(v.job),
    userJobDescription: opt(v.jobDescription),
    userIncome: v.income ? Number(v.income) : undefined,
    userBirthday: opt(v.birthday),
    tags: tags.length ? tags : undefined,
    createdAt: formatFootprintsDateTime(opts.capturedAt, opts.timezone),
    timezone: opts.timezone,
    marketingChannels: MARKETING_CHANNELS.map((channel) => ({ channel, type: 'owner' as const, agreed: v.marketing[channel] })),
    userComments: opt(v.comments),
    agreeTandc: v.agreeTerms,
    agreePrivacy: v.agreePrivacy,
    agreedTargetedMessages: v.agreedTargetedMessages,
    isAdult: v.isAdult,
  };
  // Leave out what was not filled in: the encoder sends only defined fields.
  for (const k of Object.keys(input) as (keyof AddLeadInput)[]) if (input[k] === undefined) delete input[k];
  return input;
}
