/**
 * zod schemas of every Footprints answer the console reads, written against the samples in
 * ../shared/vendor-docs/footprints-api.txt (copied to ./fixtures). They accept every sample and unknown
 * extra fields (z.looseObject), and reject what would break a page: a record without its `_id`, a lead
 * without a known status, a loyalty code without its code or status, a token without access_token.
 *
 * The samples are loose about types, so the schemas are too where the docs disagree with themselves:
 * booleans come as true or "true"; prices as 800, "800" or "" (the customer sample); dates as ISO instants
 * or wall-clock "Y-m-d H:i:s" (see dates.ts); nullable fields come as null.
 */
import { z } from 'zod';

import { LEAD_STATUSES, LOST_REASONS, type LeadStatus, type LostReason } from './lead-statuses';

export { LEAD_STATUSES, LOST_REASONS, type LeadStatus, type LostReason };

export const DOCUMENT_TYPES = ['contracts', 'offers', 'consents'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/**
 * "associated" is what the samples call a code the docs' prose calls "allocated"; a code leaves it once,
 * for redeemed or blocked.
 */
export const LOYALTY_CODE_STATUSES = ['associated', 'redeemed', 'blocked'] as const;
export type LoyaltyCodeStatus = (typeof LOYALTY_CODE_STATUSES)[number];

export const MARKETING_CHANNEL_NAMES = ['sms', 'email', 'notification', 'dm', 'socialMedia'] as const;
export const MARKETING_CHANNEL_TYPES = ['owner', 'group', 'partners'] as const;

// ---- building blocks ------------------------------------------------------------------------------------

const id = z.string().min(1);
const optText = z.string().nullish();
/** true / "true" (and false / "false"); anything else is left out rather than guessed. */
const flexBool = z
  .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
  .nullish()
  .catch(undefined);
/** 800, "800", "800.50", "" or null; "" and null become null. */
const flexNumber = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^-?\d+(\.\d+)?$/)
      .transform(Number),
    z.literal('').transform(() => null),
  ])
  .nullish();
/** A date as the vendor sends it (ISO instant or "Y-m-d H:i:s"); read with parseFootprintsDate. */
const vendorDate = z.string().nullish();
const named = z.looseObject({ _id: id.optional(), name: z.string() });
const namedWithId = z.looseObject({ _id: id, name: z.string() });
const numberList = z.array(z.union([z.number(), z.string()])).nullish();

// ---- token ----------------------------------------------------------------------------------------------

export const TokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().nullish(),
  expires_in: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).nullish(),
  refresh_token: z.string().nullish(),
  // The sample sends an array; an OAuth server may send a space-separated string: both become an array.
  scope: z
    .union([z.array(z.string()), z.string().transform((s) => s.split(/[\s,]+/).filter(Boolean))])
    .nullish()
    .transform((s) => s ?? []),
  hostess_name: z.string().nullish(),
  hostess_id: z.string().nullish(),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

// ---- leads ----------------------------------------------------------------------------------------------

export const MarketingChannelSchema = z.looseObject({
  channel: z.string(),
  type: z.string().nullish(),
  agreed: flexBool,
});
export type MarketingChannel = z.infer<typeof MarketingChannelSchema>;

/** A lead as GET /api/lead, PUT /api/lead/{id} and PUT …/leadLost answer it. */
export const LeadSchema = z.looseObject({
  _id: id,
  status: z.enum(LEAD_STATUSES),
  userFirstName: optText,
  userLastName: optText,
  userEmail: optText,
  userPhone: optText,
  userCountry: optText,
  userCity: optText,
  userCounty: optText,
  /** The answers spell it correctly; the request field is `userFamilyDetalis` (see encode.ts). */
  userFamilyDetails: optText,
  userBirthday: optText,
  userIncome: z.union([z.string(), z.number()]).nullish(),
  userCompanyName: optText,
  userCompanyAddress: optText,
  clientId: optText,
  offerId: optText,
  offerCategoryId: optText,
  /** GET /api/lead sends the category's name here, next to offerCategoryId. */
  offerCategory: z.union([z.string(), z.looseObject({})]).nullish(),
  offer: z.looseObject({ _id: id, name: z.string(), price: flexNumber }).nullish(),
  sku: z.looseObject({ _id: id, name: z.string(), price: flexNumber }).nullish(),
  skuId: optText,
  skuExternalId: optText,
  industryId: optText,
  offlineCampaignId: optText,
  locationId: optText,
  channelId: optText,
  consultantId: optText,
  consultant: z.looseObject({ _id: id, name: z.string() }).nullish(),
  contractId: optText,
  assignedBefore: flexNumber,
  agreeToCollect: flexBool,
  agreeTandc: flexBool,
  agreePrivacy: flexBool,
  isAdult: flexBool,
  isMultipart: flexBool,
  isComplete: flexBool,
  actionRequired: flexBool,
  deviceType: optText,
  tags: z.array(z.string()).nullish(),
  marketingChannels: z.array(MarketingChannelSchema).nullish(),
  timestamp: vendorDate,
  timestampStatusChange: vendorDate,
  createdAt: vendorDate,
  updatedAt: vendorDate,
});
export type Lead = z.infer<typeof LeadSchema>;

export const LeadListSchema = z.array(LeadSchema);

/** PUT …/leadLost answers the lead plus the id of the recorded comment. */
export const LostLeadResponseSchema = LeadSchema.extend({ comments: z.union([z.string(), z.array(z.unknown())]).nullish() });
export type LostLeadResponse = z.infer<typeof LostLeadResponseSchema>;

/** POST /api/lead, POST /api/prospect. */
export const CreatedSchema = z.looseObject({ _id: id });

/** POST /api/lead/action, PUT /api/lead/action/{id}. */
export const ActionSavedSchema = z.looseObject({ status: z.string().nullish(), _id: id });

export const LeadActionSchema = z.looseObject({
  _id: id,
  leadId: id,
  actionDetail: optText,
  /** Populated ({_id, name}) in the sample; a bare id is accepted too. */
  leadActionTypeId: z.union([namedWithId, id]),
  attachments: z.array(z.unknown()).nullish(),
  date: vendorDate,
  createdAt: vendorDate,
  updatedAt: vendorDate,
});
export type LeadAction = z.infer<typeof LeadActionSchema>;

/**
 * The samples of Get Lead Actions / Get Lead Action Types (`[ data: [{…}]`) are not JSON. They most likely
 * mean {"data": [...]} (what the fixtures hold); a bare array is accepted too. Both become the array.
 */
function dataList<T extends z.ZodType>(item: T) {
  return z.union([z.looseObject({ data: z.array(item) }).transform((o) => o.data), z.array(item)]);
}
export const LeadActionListSchema = dataList(LeadActionSchema);

export const LeadActionTypeSchema = z.looseObject({ _id: id, name: z.string(), createdAt: vendorDate });
export type LeadActionType = z.infer<typeof LeadActionTypeSchema>;
export const LeadActionTypeListSchema = dataList(LeadActionTypeSchema);

export const UploadDocumentsResponseSchema = z.looseObject({
  status: z.string(),
  uploaded_files: z.array(z.string()).nullish(),
});

/** {"status": "success"} (NPS, customer update/delete, code change). */
export const StatusSchema = z.looseObject({ status: z.string(), message: optText });

// ---- customers ------------------------------------------------------------------------------------------

const CustomerLeadSchema = z.looseObject({
  _id: id,
  status: z.enum(LEAD_STATUSES),
  history: z.array(z.looseObject({ status: z.string().nullish() })).nullish(),
  createdAt: vendorDate,
});

export const CustomerSchema = z.looseObject({
  _id: id,
  userFirstName: optText,
  userLastName: optText,
  userEmail: optText,
  userPhone: optText,
  nationalId: optText,
  userExternalId: optText,
  type: optText,
  timestamp: vendorDate,
  createdAt: vendorDate,
  kidsAge: numberList,
  interests: z.array(z.string()).nullish(),
  preferences: z.array(z.string()).nullish(),
  marketingChannels: z.array(MarketingChannelSchema).nullish(),
  interactionsTimeline: z.array(z.looseObject({})).nullish(),
  leads: z.array(CustomerLeadSchema).nullish(),
});
export type Customer = z.infer<typeof CustomerSchema>;

// ---- loyalty --------------------------------------------------------------------------------------------

const PrizeTypeSchema = z.looseObject({
  _id: id.optional(),
  name: z.string(),
  totalCodes: flexNumber,
  pointsValue: flexNumber,
});

/** Both campaign lists: active-campaigns sends a summary, campaigns the full record. */
export const CampaignSchema = z.looseObject({
  _id: id,
  internalId: z.string().min(1),
  name: z.string(),
  type: optText,
  startDate: vendorDate,
  endDate: vendorDate,
  expireCodesDate: vendorDate,
  locationId: optText,
  location: z.looseObject({ name: z.string().nullish() }).nullish(),
  loyaltySettings: z
    .looseObject({
      type: optText,
      codeLength: z.union([z.string(), z.number()]).nullish(),
      loyaltyPrizeTypes: z.array(PrizeTypeSchema).nullish(),
    })
    .nullish(),
  total: flexNumber,
});
export type Campaign = z.infer<typeof CampaignSchema>;

export const CampaignListResponseSchema = z.looseObject({
  status: z.string().nullish(),
  campaigns: z.array(CampaignSchema),
});

export const CodeCheckResponseSchema = z.looseObject({
  status: z.string().nullish(),
  message: optText,
  code: z.string().min(1),
  /** Wall-clock "Y-m-d H:i:s" in the account's zone (the sample). */
  expire_code_date: vendorDate,
  prize_status: z.enum(LOYALTY_CODE_STATUSES),
  prize: named.nullish(),
  last_update: vendorDate,
});
export type CodeCheckResponse = z.infer<typeof CodeCheckResponseSchema>;

export const LoyaltyCodeSchema = z.looseObject({
  code: z.string().min(1),
  status: z.enum(LOYALTY_CODE_STATUSES),
  campaign: z
    .looseObject({
      _id: id.optional(),
      internalId: z.string().min(1),
      name: z.string(),
      type: optText,
      startDate: vendorDate,
      endDate: vendorDate,
      expireCodesDate: vendorDate,
    })
    .nullish(),
  client: z
    .looseObject({
      _id: id.optional(),
      userFirstName: optText,
      userLastName: optText,
      userEmail: optText,
      userPhone: optText,
      userAddress: optText,
    })
    .nullish(),
  prize: z.looseObject({ name: z.string(), pointsValue: flexNumber }).nullish(),
  hostess: z.looseObject({ _id: id.optional(), name: z.string() }).nullish(),
});
export type LoyaltyCode = z.infer<typeof LoyaltyCodeSchema>;

export const CodeListResponseSchema = z.looseObject({
  status: z.string().nullish(),
  clients: z.array(LoyaltyCodeSchema),
  totalResults: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]),
});

export const PrizeHistoryEntrySchema = z.looseObject({
  code: z.string().min(1),
  status: z.enum(LOYALTY_CODE_STATUSES),
  campaign: z.looseObject({ internalId: z.string().min(1), name: z.string() }).nullish(),
  prize: named.nullish(),
  location: z.looseObject({ name: z.string().nullish() }).nullish(),
  expire_code_date: vendorDate,
  last_update: vendorDate,
});
export type PrizeHistoryEntry = z.infer<typeof PrizeHistoryEntrySchema>;

export const PrizeHistoryResponseSchema = z.looseObject({
  status: z.string().nullish(),
  codes: z.array(PrizeHistoryEntrySchema),
});

// ---- catalogues -----------------------------------------------------------------------------------------

export const OfferCategorySchema = namedWithId;
export type OfferCategory = z.infer<typeof OfferCategorySchema>;

export const OfferSchema = z.looseObject({
  _id: id,
  name: z.string(),
  price: flexNumber,
  externalId: optText,
  offerCategory: namedWithId.nullish(),
});
export type Offer = z.infer<typeof OfferSchema>;

export const SkuSchema = z.looseObject({
  _id: id,
  name: z.string(),
  price: flexNumber,
  externalId: optText,
  quantity: flexNumber,
  offer: namedWithId.nullish(),
});
export type Sku = z.infer<typeof SkuSchema>;

export const LocationSchema = z.looseObject({
  _id: id,
  name: z.string(),
  description: optText,
  address: optText,
  areaId: optText,
  coords: z.array(z.number()).nullish(),
  image: optText,
  createdAt: vendorDate,
});
export type Location = z.infer<typeof LocationSchema>;

export const OfflineCampaignSchema = z.looseObject({
  _id: id,
  name: z.string(),
  locationId: optText,
  description: optText,
  type: optText,
  budget: flexNumber,
  startDate: vendorDate,
  endDate: vendorDate,
});
export type OfflineCampaign = z.infer<typeof OfflineCampaignSchema>;

export const BusinessUserSchema = z.looseObject({
  _id: id,
  firstName: optText,
  lastName: optText,
  email: optText,
  phone: optText,
  groupRole: optText,
  role: optText,
  locations: z.array(namedWithId).nullish(),
  offerCategories: z.array(namedWithId).nullish(),
});
export type BusinessUser = z.infer<typeof BusinessUserSchema>;

export const ChannelSchema = z.looseObject({ _id: id, name: z.string(), mediaType: optText });
export type Channel = z.infer<typeof ChannelSchema>;

export const NotificationResponseSchema = StatusSchema;

// ---- errors ---------------------------------------------------------------------------------------------

/**
 * Error answers the client understands (the docs show none; these are the shapes of the simulator and of
 * the OAuth server behind /api/token): {"error", "error_description"} and {"status": "error", "message",
 * "errorCode"?}; a bare {"message"} is read too.
 */
export const ErrorBodySchema = z.looseObject({
  error: z.string().nullish(),
  error_description: z.string().nullish(),
  status: z.union([z.string(), z.number()]).nullish(),
  message: z.string().nullish(),
  errorCode: z.string().nullish(),
});
