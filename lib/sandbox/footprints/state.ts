/** The simulator's in-memory records (its own shapes; the wire shapes are built from them per answer). */

export const SIM_LEAD_STATUSES = ['prospect', 'lead', 'sale_lead', 'opportunity', 'customer', 'lost'] as const;
export type SimLeadStatus = (typeof SIM_LEAD_STATUSES)[number];

/** As listed under "Update Lost Lead". */
export const SIM_LOST_REASONS = [
  'poor_qualification',
  'need',
  'wrong_time',
  'price_too_high',
  'lost_momentum',
  'competition',
  'abandoned',
  'feature',
  'other',
] as const;

export const SIM_DOCUMENT_TYPES = ['contracts', 'offers', 'consents'] as const;
export type SimCodeStatus = 'associated' | 'redeemed' | 'blocked';

export interface SimLocation {
  _id: string;
  areaId: string;
  name: string;
  description: string;
  address: string;
  county: string;
  country: string;
  coords: [number, number];
  createdAt: Date;
}
export interface SimOfferCategory {
  _id: string;
  name: string;
  locationIds: string[];
}
export interface SimOffer {
  _id: string;
  name: string;
  price: number;
  externalId: string;
  offerCategoryId: string;
}
export interface SimSku {
  _id: string;
  name: string;
  price: number;
  externalId: string;
  quantity: number;
  offerId: string;
}
export interface SimChannel {
  _id: string;
  name: string;
  mediaType: string;
}
export interface SimOfflineCampaign {
  _id: string;
  locationId: string;
  name: string;
  description: string;
  budget: number;
  startDate: Date;
  endDate: Date;
  createdAt: Date;
}
export interface SimBusinessUser {
  _id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  groupRole: string;
  role: string;
  locationIds: string[];
  offerCategoryIds: string[];
}
export interface SimActionType {
  _id: string;
  name: string;
  createdAt: Date;
}

export interface SimMarketingChannel {
  channel: string;
  type: string;
  agreed: boolean;
}

/** A Footprints client (customer profile), keyed by e-mail + phone. */
export interface SimClient {
  _id: string;
  userFirstName?: string;
  userLastName?: string;
  userEmail?: string;
  userPhone?: string;
  nationalId?: string;
  userExternalId?: string;
  /** Every other documented profile field, by its wire name (strings, booleans, numbers, string arrays). */
  profile: Record<string, string | boolean | number | string[] | number[]>;
  marketingChannels: SimMarketingChannel[];
  interests: string[];
  preferences: string[];
  kidsAge: number[];
  customDetails: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

export interface SimContract {
  contractId: string;
  contractNumber?: string;
  contractValue?: string;
  contractDate?: string;
  contractDescription?: string;
}

export interface SimNps {
  nps: number;
  comment?: string;
  at: Date;
}
export interface SimLost {
  reasonLost: string;
  comment?: string;
  commentId: string;
  at: Date;
}
export interface SimDocument {
  _id: string;
  leadId: string;
  documentType: string;
  filename: string;
  contentType: string;
  size: number;
  leadActionId?: string;
  uploadedAt: Date;
}

export interface SimLead {
  _id: string;
  /** Created through /api/prospect rather than /api/lead. */
  source: 'lead' | 'prospect';
  clientId: string;
  status: SimLeadStatus;
  /** Person and profile fields as sent (wire names; `userFamilyDetalis` is stored as `userFamilyDetails`). */
  person: Record<string, string | boolean | number>;
  offlineCampaignId?: string;
  offerCategoryId?: string;
  offerId?: string;
  locationId?: string;
  consultantId?: string;
  channelId?: string;
  skuId?: string;
  skuExternalId?: string;
  tags: string[];
  marketingChannels: SimMarketingChannel[];
  customDetails: Record<string, unknown>;
  /** Only the custom variables declared in the account's settings; others are ignored, as documented. */
  customVariables: Record<string, string>;
  timezone?: string;
  nps?: number;
  npsHistory: SimNps[];
  lost?: SimLost;
  contract?: SimContract;
  statusHistory: { status: SimLeadStatus; at: Date }[];
  createdAt: Date;
  updatedAt: Date;
  timestampStatusChange: Date;
}

export interface SimLeadAction {
  _id: string;
  leadId: string;
  leadActionTypeId: string;
  actionDetail?: string;
  date: Date;
  createdAt: Date;
  updatedAt: Date;
}

export interface SimPrizeType {
  _id: string;
  name: string;
  totalCodes: number;
  pointsValue: number;
}
export interface SimCampaign {
  _id: string;
  internalId: string;
  name: string;
  locationId: string;
  startDate: Date;
  endDate: Date;
  expireCodesDate: Date;
  createdAt: Date;
  loyaltyType: 'instant' | 'standard';
  codeLength: number;
  prizeTypes: SimPrizeType[];
}
export interface SimCode {
  code: string;
  campaignId: string;
  clientId: string;
  status: SimCodeStatus;
  prizeTypeId: string;
  hostessId: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface SimNotification {
  templateKey: string;
  email: string;
  firstName?: string;
  lastName?: string;
  attachment?: { fileName: string; size: number };
  at: Date;
}

export interface SimToken {
  grant: 'pin' | 'password' | 'client_credentials';
  scope: string[];
  hostessId?: string;
  username?: string;
  expiresAt: Date;
}

export interface SimState {
  locations: SimLocation[];
  offerCategories: SimOfferCategory[];
  offers: SimOffer[];
  skus: SimSku[];
  channels: SimChannel[];
  offlineCampaigns: SimOfflineCampaign[];
  businessUsers: SimBusinessUser[];
  actionTypes: SimActionType[];
  /** Names declared under "Settings > Custom Variables". */
  customVariables: string[];
  /** Template keys known to /api/notifications/send. */
  templates: string[];
  clients: Map<string, SimClient>;
  leads: Map<string, SimLead>;
  actions: Map<string, SimLeadAction>;
  documents: SimDocument[];
  campaigns: SimCampaign[];
  codes: Map<string, SimCode>;
  notifications: SimNotification[];
  tokens: Map<string, SimToken>;
  /** Counter for ids minted at runtime. */
  nextId: number;
}

/** 24 hex characters, like the vendor's Mongo ids: a 4-hex kind prefix and a counter. */
export function objectId(kind: string, n: number): string {
  return `${kind}${n.toString(16).padStart(20, '0')}`.slice(0, 24);
}

/** Digits only, with a Romanian +40 / 0040 prefix folded into the national 0 form. */
export function normalizePhone(phone: string): string {
  let digits = phone.replace(/\D/g, '');
  if (digits.startsWith('0040')) digits = `0${digits.slice(4)}`;
  else if (digits.startsWith('40') && digits.length === 11) digits = `0${digits.slice(2)}`;
  return digits;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
