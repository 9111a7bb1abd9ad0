/**
 * What the console may send to Footprints: input types, their zod schemas (checked before any request, so a
 * call the docs would not accept never leaves the server), and the encoders that turn them into the
 * form-urlencoded bodies (bracket notation) the docs show. Pure: no network, no secrets.
 *
 * Decisions where the docs are sloppy are written next to the field they concern.
 */
import { z } from 'zod';
import { isTimeZone } from '@/lib/dates';
import { toBracketForm } from '@/lib/vendors/http';
import { isFootprintsDate, isFootprintsDateTime } from './dates';
import {
  DOCUMENT_TYPES,
  LEAD_STATUSES,
  LOST_REASONS,
  MARKETING_CHANNEL_NAMES,
  MARKETING_CHANNEL_TYPES,
  type DocumentType,
  type LeadStatus,
  type LostReason,
} from './schemas';

const text = z.string().trim().min(1);
const optText = text.optional();
const ymd = z.string().refine(isFootprintsDate, 'accepted format is Y-m-d');
const ymdHis = z.string().refine(isFootprintsDateTime, 'accepted format is Y-m-d H:i:s');
const count = z.number().int().min(0).max(30);
const email = z.string().trim().email();


export type CustomDetailValue = string | number | boolean | CustomDetailValue[] | { [key: string]: CustomDetailValue };
const CustomDetailValueSchema: z.ZodType<CustomDetailValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.array(CustomDetailValueSchema), z.record(z.string(), CustomDetailValueSchema)]),
);

export const MarketingChannelInputSchema = z.strictObject({
  channel: z.enum(MARKETING_CHANNEL_NAMES),
  type: z.enum(MARKETING_CHANNEL_TYPES),
  /** Sent as "true" / "false", as documented. */
  agreed: z.boolean(),
});
export type MarketingChannelInput = z.infer<typeof MarketingChannelInputSchema>;

/** Every body field "Add Lead" documents (custom variables aside). */
export const ADD_LEAD_FIELDS = [
  'offlineCampaignId',
  'offerCategoryId',
  'offerId',
  'locationId',
  'consultantId',
  'channelId',
  'userFirstName',
  'userLastName',
  'userEmail',
  'userPhone',
  'nps',
  'userSex',
  'userCity',
  'userCounty',
  'userCountry',
  'userAddress',
  'userFamilyDetalis',
  'userChildren',
  'userIndustry',
  'userCompanyName',
  'userCompanyAddress',
  'userJob',
  'userJobDescription',
  'userIncome',
  'userBirthday',
  'userExternalId',
  'userDistrict',
  'facebookUrl',
  'imageUrl',
  'tags',
  'createdAt',
  'timezone',
  'marketingChannels',
  'customDetails',
  'userComments',
  'hasKids',
  'noOfKids',
  'agreeTandc',
  'agreePrivacy',
  'agreedTargetedMessages',
  'isAdult',
] as const;

const RESERVED_NAMES = new Set<string>([...ADD_LEAD_FIELDS, 'userFamilyDetails', 'access_token', 'status']);

const personFields = {
  userFirstName: optText,
  userLastName: optText,
  userEmail: email.optional(),
  userPhone: optText,
  userSex: z.enum(['male', 'female']).optional(),
  userCity: optText,
  userCounty: optText,
  userCountry: optText,
  userAddress: optText,
  /**
   * The docs' field is `userFamilyDetalis` (typo, in both tables that list it), while the answers carry
   * `userFamilyDetails`. Callers use the correct spelling; the encoder sends the documented, misspelt name
   * only: it is the one form the docs show for a request, and sending both could be read as two fields.
   */
  userFamilyDetails: z.enum(['single', 'married']).optional(),
  userChildren: count.optional(),
  userIndustry: optText,
  userCompanyName: optText,
  userCompanyAddress: optText,
  userJob: optText,
  userJobDescription: optText,
  userBirthday: ymd.optional(),
  userExternalId: optText,
  facebookUrl: optText,
  imageUrl: optText,
  marketingChannels: z.array(MarketingChannelInputSchema).optional(),
  customDetails: z.record(z.string().min(1), CustomDetailValueSchema).optional(),
  hasKids: z.boolean().optional(),
  noOfKids: count.optional(),
  agreeTandc: z.boolean().optional(),
  agreePrivacy: z.boolean().optional(),
  agreedTargetedMessages: z.boolean().optional(),
  isAdult: z.boolean().optional(),
};

export const AddLeadInputSchema = z
  .strictObject({
    offlineCampaignId: optText,
    offerCategoryId: optText,
    offerId: optText,
    locationId: optText,
    consultantId: optText,
    channelId: optText,
    ...personFields,
    /** "min:0 max:10" here (Update NPS says 1..10 for its own call). */
    nps: z.number().int().min(0).max(10).optional(),
    userIncome: z.union([text, z.number().nonnegative()]).optional(),
    userDistrict: optText,
    tags: z.array(text).optional(),
    /** Wall-clock "Y-m-d H:i:s" in `timezone` (see formatFootprintsDateTime). */
    createdAt: ymdHis.optional(),
    timezone: z.string().refine(isTimeZone, 'not an IANA time zone').optional(),
    userComments: optText,
    /**
     * The console's idempotency key of the capture (issue 13). Footprints has no idempotency key for add-lead, so
     * the key travels in `customDetails`, the one free-form field the docs allow without any setup (custom
     * variables must be declared first, else ignored), under CAPTURE_KEY_DETAIL: a retry whose earlier answer
     * was lost can find its lead again. Merged into the caller's customDetails (the key wins on a name clash).
     */
    captureKey: z.string().trim().min(1).max(200).optional(),
    /**
     * Custom variables, sent as top-level fields; Footprints ignores names not declared under
     * Settings > Custom Variables. A name that is also a documented field is refused.
     */
    customVariables: z
      .record(
        z
          .string()
          .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a custom variable name is letters, digits and _')
          .refine((n) => !RESERVED_NAMES.has(n), 'a custom variable cannot reuse a documented field name'),
        z.union([z.string(), z.number(), z.boolean()]),
      )
      .optional(),
  })
  .refine((v) => v.createdAt === undefined || v.timezone !== undefined, {
    message: 'createdAt is a wall-clock time: send its timezone with it',
    path: ['timezone'],
  });
export type AddLeadInput = z.input<typeof AddLeadInputSchema>;

type FormShape = Record<string, unknown>;

function personToForm(input: Record<string, unknown>): FormShape {
  const { userFamilyDetails, ...rest } = input;
  return { ...rest, userFamilyDetalis: userFamilyDetails };
}

/** The name under customDetails that carries a capture's idempotency key (see AddLeadInput.captureKey). */
export const CAPTURE_KEY_DETAIL = 'storedeskCaptureKey';

/**
 * The capture key a listed lead carries back, if Footprints echoes customDetails in GET /api/lead (the docs'
 * sample shows no customDetails there, so the console never relies on it: see lib/capture/reconcile-capture.ts).
 */
export function captureKeyOfLead(lead: Readonly<Record<string, unknown>>): string | undefined {
  const details = lead.customDetails;
  if (!details || typeof details !== 'object' || Array.isArray(details)) return undefined;
  const key = (details as Record<string, unknown>)[CAPTURE_KEY_DETAIL];
  return typeof key === 'string' && key ? key : undefined;
}

/** The documented field order, then custom variables. */
export function encodeAddLead(input: AddLeadInput): URLSearchParams {
  const parsed = AddLeadInputSchema.parse(input);
  const { customVariables, captureKey, ...fields } = parsed;
  // customDetails[storedeskCaptureKey]=<key>, bracket notation as the docs' `customDetails[offerDetails] = '…'`.
  if (captureKey !== undefined) fields.customDetails = { ...fields.customDetails, [CAPTURE_KEY_DETAIL]: captureKey };
  const form = personToForm(fields);
  const ordered: FormShape = {};
  for (const name of ADD_LEAD_FIELDS) if (form[name] !== undefined) ordered[name] = form[name];
  return toBracketForm({ ...ordered, ...customVariables });
}

const contractSchema = z.strictObject({
  contractNumber: optText,
  contractValue: z.union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d+)?$/, 'a number')]).optional(),
  /** The docs give no format; the only date format they use for a day is Y-m-d. */
  contractDate: ymd.optional(),
  contractDescription: optText,
});
export type ContractInput = z.infer<typeof contractSchema>;

export const UpdateLeadInputSchema = z
  .strictObject({
    status: z.enum(LEAD_STATUSES).optional(),
    userCompanyName: optText,
    userCompanyAddress: optText,
    skuId: optText,
    skuExternalId: optText,
    channelId: optText,
    tags: z.array(text).optional(),
    /**
     * Decision: Update Lead's body table does not list these, but its answer carries locationId, offerId and
     * consultantId, Add Lead takes all four, and Get Leads lists only leads that have them — so a lead added
     * without them can be completed only here. The client sends them by the names Add Lead documents.
     */
    offerCategoryId: optText,
    offerId: optText,
    consultantId: optText,
    locationId: optText,
    /** "(only with status customer)": the client sends contract fields only together with status=customer. */
    contract: contractSchema.optional(),
  })
  .refine((v) => !v.contract || v.status === 'customer', {
    message: 'contract fields are sent only with status customer',
    path: ['contract'],
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'nothing to update' });

interface UpdateLeadBase {
  userCompanyName?: string;
  userCompanyAddress?: string;
  skuId?: string;
  skuExternalId?: string;
  channelId?: string;
  tags?: string[];
  offerCategoryId?: string;
  offerId?: string;
  consultantId?: string;
  locationId?: string;
}
/** Contract fields only travel with status customer (typed, and checked at run time). */
export type UpdateLeadInput =
  | (UpdateLeadBase & { status: 'customer'; contract?: ContractInput })
  | (UpdateLeadBase & { status?: Exclude<LeadStatus, 'customer'>; contract?: never });

export function encodeUpdateLead(input: UpdateLeadInput): URLSearchParams {
  const { contract, ...rest } = UpdateLeadInputSchema.parse(input);
  return toBracketForm({ ...rest, ...contract });
}

export const LeadActionInputSchema = z.strictObject({
  leadId: text,
  leadActionTypeId: text,
  actionDetail: z.string().trim().optional(),
  /** Wall-clock "Y-m-d H:i:s" (account zone). Every sample sends it, so the client always does. */
  date: ymdHis,
});
export type LeadActionInput = z.infer<typeof LeadActionInputSchema>;

export function encodeLeadAction(input: LeadActionInput): URLSearchParams {
  const v = LeadActionInputSchema.parse(input);
  return toBracketForm({ leadId: v.leadId, leadActionTypeId: v.leadActionTypeId, actionDetail: v.actionDetail, date: v.date });
}

export const AddProspectInputSchema = z.strictObject({
  avandorUserId: z.string().optional(),
  /** The docs allow a JSON object under application/json; the client keeps to the form body and a string. */
  avandorSession: z.string().optional(),
  userFirstName: optText,
  userLastName: optText,
  companyName: optText,
  companyType: optText,
  userCountry: optText,
  userAddress: optText,
  userPosition: optText,
  userPhone: optText,
  userEmail: email.optional(),
  companyWebsite: optText,
  potentialScore: z.union([z.number(), text]).optional(),
});
export type AddProspectInput = z.infer<typeof AddProspectInputSchema>;

export function encodeAddProspect(input: AddProspectInput): URLSearchParams {
  const v = AddProspectInputSchema.parse(input);
  // Every sample sends avandorUserId and avandorSession, empty when unknown: so does the client.
  return toBracketForm({ ...v, avandorUserId: v.avandorUserId ?? '', avandorSession: v.avandorSession ?? '' });
}

export const NpsInputSchema = z.strictObject({
  /** "nps number min:1, max: 10" (this endpoint's own table). */
  nps: z.number().int().min(1).max(10),
  comment: z.string().trim().optional(),
});
export type NpsInput = z.infer<typeof NpsInputSchema>;

/**
 * Three samples send the comment as `comment%20` (a key with a trailing space, a copy-paste slip), the
 * table and the PHP sample as `comment`: the client sends `comment`.
 */
export function encodeNps(input: NpsInput): URLSearchParams {
  const v = NpsInputSchema.parse(input);
  return toBracketForm({ nps: v.nps, comment: v.comment || undefined });
}

export const LostLeadInputSchema = z.strictObject({
  reasonLost: z.enum(LOST_REASONS),
  comment: z.string().trim().optional(),
});
export interface LostLeadInput {
  reasonLost: LostReason;
  comment?: string;
}

export function encodeLostLead(input: LostLeadInput): URLSearchParams {
  const v = LostLeadInputSchema.parse(input);
  return toBracketForm({ reasonLost: v.reasonLost, comment: v.comment || undefined });
}

export const CustomerQuerySchema = z.union([
  z.strictObject({ userEmail: text, userPhone: text }),
  z.strictObject({ nationalId: text }),
]);
/** "customer's email and phone (mandatory fields) or customer's NationalId number". */
export type CustomerQuery = { userEmail: string; userPhone: string } | { nationalId: string };

export const UpdateCustomerInputSchema = z.strictObject({
  ...personFields,
  /** The docs do not say how the customer is found; the sample sends e-mail and phone, so both are required. */
  userEmail: email,
  userPhone: text,
  nationalId: optText,
  interests: z.array(text).optional(),
  preferences: z.array(text).optional(),
  kidsAge: z.array(z.number().int().min(0).max(30)).optional(),
});
export type UpdateCustomerInput = z.input<typeof UpdateCustomerInputSchema>;

const UPDATE_CUSTOMER_ORDER = [
  'userFirstName',
  'userLastName',
  'nationalId',
  'userEmail',
  'userPhone',
  'userSex',
  'userCity',
  'userCounty',
  'userCountry',
  'userAddress',
  'userFamilyDetalis',
  'userChildren',
  'userIndustry',
  'userCompanyName',
  'userCompanyAddress',
  'userJob',
  'userJobDescription',
  'userBirthday',
  'userExternalId',
  'facebookUrl',
  'imageUrl',
  'marketingChannels',
  'interests',
  'preferences',
  'customDetails',
  'hasKids',
  'noOfKids',
  'kidsAge',
  'agreeTandc',
  'agreePrivacy',
  'agreedTargetedMessages',
  'isAdult',
] as const;

export function encodeUpdateCustomer(input: UpdateCustomerInput): URLSearchParams {
  const form = personToForm(UpdateCustomerInputSchema.parse(input));
  const ordered: FormShape = {};
  for (const name of UPDATE_CUSTOMER_ORDER) if (form[name] !== undefined) ordered[name] = form[name];
  return toBracketForm(ordered);
}

export const DeleteCustomerInputSchema = z.strictObject({ userExternalId: text });
export type DeleteCustomerInput = z.infer<typeof DeleteCustomerInputSchema>;

/** The delete call's only documentation is its sample: `userExternalId` in a form body on DELETE. */
export function encodeDeleteCustomer(input: DeleteCustomerInput): URLSearchParams {
  return toBracketForm(DeleteCustomerInputSchema.parse(input));
}

export const CodeOwnerSchema = z.strictObject({ userEmail: text, userPhone: text });
export const CheckCodeInputSchema = CodeOwnerSchema.extend({ campaignInternalId: text });
export type CheckCodeInput = z.infer<typeof CheckCodeInputSchema>;
export type PrizeHistoryInput = z.infer<typeof CodeOwnerSchema>;

export const CHANGE_CODE_TARGETS = ['redeemed', 'blocked'] as const;
export type ChangeCodeTarget = (typeof CHANGE_CODE_TARGETS)[number];
export const ChangeCodeInputSchema = CheckCodeInputSchema.extend({
  code: text,
  status: z.enum(CHANGE_CODE_TARGETS),
});
export type ChangeCodeInput = z.infer<typeof ChangeCodeInputSchema>;

/**
 * "Change Code Status" documents no field for the wanted status ("change a status code from allocated to
 * redeemed/blocked"; body: userEmail, userPhone, campaignInternalId, code). The client states it explicitly
 * on every call as `status=redeemed|blocked` (the name and values the list and history answers use for a
 * code's status), never relying on a default; after a success the caller reads the code back with
 * /check to confirm the vendor applied that status (lib/loyalty/change-code.ts). To confirm with Footprints before
 * production: whether `status` is the field they read.
 */
export function encodeChangeCode(input: ChangeCodeInput): URLSearchParams {
  const v = ChangeCodeInputSchema.parse(input);
  return toBracketForm({
    userEmail: v.userEmail,
    userPhone: v.userPhone,
    campaignInternalId: v.campaignInternalId,
    code: v.code,
    status: v.status,
  });
}

export const CodeListInputSchema = z.strictObject({
  campaignInternalId: optText,
  searchTerm: z.string().trim().optional(),
  page: z.number().int().min(1).optional(),
});
export type CodeListInput = z.infer<typeof CodeListInputSchema>;

/** As the sample: searchTerm (empty when none) and page always; the campaign only when one is chosen. */
export function encodeCodeList(input: CodeListInput): URLSearchParams {
  const v = CodeListInputSchema.parse(input);
  return toBracketForm({ campaignInternalId: v.campaignInternalId, searchTerm: v.searchTerm ?? '', page: v.page ?? 1 });
}

export const LeadsQuerySchema = z
  .strictObject({
    startDate: ymd,
    endDate: ymd,
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(1000).default(10),
    appKey: optText,
  })
  .refine((v) => v.startDate <= v.endDate, { message: 'endDate is before startDate', path: ['endDate'] });
export type LeadsQuery = z.input<typeof LeadsQuerySchema>;

export const DocumentTypeSchema = z.enum(DOCUMENT_TYPES);
export const MAX_DOCUMENTS_PER_UPLOAD = 5;

export interface DocumentFile {
  /** A base name is sent (the Node sample sends a whole local path as filename). */
  fileName: string;
  content: Uint8Array | ArrayBuffer | Blob;
  /** When given it must be application/pdf. */
  contentType?: string;
}
export type { DocumentType };

export const NotificationInputSchema = z.strictObject({
  templateKey: text,
  email,
  firstName: optText,
  lastName: optText,
});
export interface NotificationInput extends z.infer<typeof NotificationInputSchema> {
  /** Sent base64-encoded; PDF only ("file types allowed - pdf"). */
  attachment?: { fileName: string; content: Uint8Array | ArrayBuffer };
}

export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** "%PDF-" at the start of the file. */
export function hasPdfMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}
