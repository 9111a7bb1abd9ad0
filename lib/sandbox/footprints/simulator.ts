/**
 * The Footprints for Retail simulator, written from ../shared/vendor-docs/footprints-api.txt alone: it shares
 * no encoder or schema with lib/vendors, so that a misreading of the docs on either side shows up as a
 * failing test rather than as two matching mistakes.
 *
 * Error answers (the docs document almost none; these shapes are the simulator's choice, and the client's
 * describeError reads each of them):
 *   - /api/token, OAuth 2 style:      401/400 {"error": "invalid_client" | "invalid_grant" | "invalid_request"
 *                                              | "unsupported_grant_type", "error_description": "..."}
 *   - a missing/unknown/expired access_token on any other call:
 *                                     401 {"error": "invalid_token", "error_description": "..."}
 *   - everything else:                4xx {"status": "error", "message": "...", "errorCode": "..."}
 *       errorCode: missing_field | invalid_field | not_found | not_pdf | too_many_files | no_files
 *                  | code_not_associated (409) | code_expired (410) | unknown_endpoint (404) | method_not_allowed (405)
 * Messages never echo what the caller sent (no e-mail, phone, PIN, password or token).
 */
import { DEMO_HOSTESSES, DEMO_LOGINS, DEMO_STORE_HOSTESS, SANDBOX_FOOTPRINTS_KEY, SANDBOX_FOOTPRINTS_SECRET, TRAINEE_LOGIN } from '../demo-staff';
import { json, type Simulator } from '../types';
import { readBody, str, type FormRecord, type FormValue } from './form';
import { FOOTPRINTS_DEMO, KIND, buildSeed } from './seed';
import {
  SIM_DOCUMENT_TYPES,
  SIM_LEAD_STATUSES,
  SIM_LOST_REASONS,
  normalizeEmail,
  normalizePhone,
  objectId,
  type SimCampaign,
  type SimClient,
  type SimCode,
  type SimCodeStatus,
  type SimDocument,
  type SimLead,
  type SimLeadAction,
  type SimLeadStatus,
  type SimMarketingChannel,
  type SimNotification,
  type SimNps,
  type SimState,
  type SimToken,
} from './state';
import { ACCOUNT_TIMEZONE, fromWallClock, isCalendarDate, isValidTimeZone, wallClock, wallDate } from './time';

export interface FootprintsSimulatorOptions {
  /** How many generated leads besides the demo people's (default 300). */
  leadCount?: number;
  /** The simulator's clock (seed dates, token expiry, code expiry, timestamps). */
  now?: () => Date;
  /** Lifetime of issued access tokens, in seconds (default 12 hours). */
  tokenTtlSeconds?: number;
  /**
   * Whether GET /api/lead shows each lead's customDetails (default true). The docs' sample of the list has no
   * customDetails and no sentence says either way, so it is a setting: off, a console must find a lead whose
   * answer was lost by its e-mail/phone and createdAt instead of the key it put in customDetails.
   */
  echoCustomDetails?: boolean;
}

/** The simulator's settings that tests and trainers change while it runs (`/sandbox/_control/footprints`). */
export interface FootprintsSimulatorSettings {
  echoCustomDetails: boolean;
}

export interface CodeSnapshot {
  code: string;
  status: SimCodeStatus;
  campaignInternalId: string;
  campaignName: string;
  expireCodesDate: Date;
  expired: boolean;
  prizeName: string;
  hostessId: string;
  client: { email?: string; phone?: string; firstName?: string; lastName?: string };
  updatedAt: Date;
}

/** The Simulator contract plus an inspect API for tests and e2e journeys. */
export interface FootprintsSimulator extends Simulator {
  readonly demo: typeof FOOTPRINTS_DEMO;
  now(): Date;
  getLead(id: string): SimLead | undefined;
  listLeads(filter?: { status?: SimLeadStatus; email?: string }): SimLead[];
  listDocuments(leadId: string): SimDocument[];
  listLeadActions(leadId: string): SimLeadAction[];
  listNps(leadId: string): SimNps[];
  findClient(query: { email: string; phone: string }): SimClient | undefined;
  findCode(code: string): CodeSnapshot | undefined;
  listCodes(filter?: { campaignInternalId?: string; status?: SimCodeStatus; email?: string }): CodeSnapshot[];
  listNotifications(): SimNotification[];
  tokenInfo(accessToken: string): SimToken | undefined;
  /** Changes settings until the next reset (which restores the options given at creation). */
  configure(patch: Partial<FootprintsSimulatorSettings>): FootprintsSimulatorSettings;
  settings(): FootprintsSimulatorSettings;
}

class SimError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(String(body.message ?? body.error_description ?? body.error));
  }
}
const problem = (status: number, errorCode: string, message: string) =>
  new SimError(status, { status: 'error', message, errorCode });
const missing = (field: string) => problem(400, 'missing_field', `${field} is required`);
const invalid = (field: string, why: string) => problem(400, 'invalid_field', `${field}: ${why}`);
const notFound = (what: string) => problem(404, 'not_found', `${what} not found`);

const PERSON_STRING_FIELDS = [
  'userFirstName',
  'userLastName',
  'userCity',
  'userCounty',
  'userCountry',
  'userAddress',
  'userIndustry',
  'userCompanyName',
  'userCompanyAddress',
  'userJob',
  'userJobDescription',
  'userIncome',
  'userExternalId',
  'userDistrict',
  'facebookUrl',
  'imageUrl',
  'userComments',
] as const;
const BOOLEAN_FIELDS = ['hasKids', 'agreeTandc', 'agreePrivacy', 'agreedTargetedMessages', 'isAdult'] as const;
const MARKETING_CHANNELS = ['sms', 'email', 'notification', 'dm', 'socialMedia'];
const MARKETING_TYPES = ['owner', 'group', 'partners'];
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CATALOGUE_PAGE_SIZE = 10;
const CODE_LIST_PAGE_SIZE = 20;
const MAX_LEAD_PAGE_SIZE = 1000;
const MAX_DOCUMENTS = 5;

function bool(body: FormRecord, key: string): boolean | undefined {
  const v = str(body, key);
  if (v === undefined) return undefined;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  throw invalid(key, 'must be "true" or "false"');
}

function intField(body: FormRecord, key: string, min: number, max: number): number | undefined {
  const v = str(body, key);
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v)) throw invalid(key, `must be a whole number between ${min} and ${max}`);
  const n = Number(v);
  if (n < min || n > max) throw invalid(key, `must be between ${min} and ${max}`);
  return n;
}

function stringList(value: FormValue | undefined, field: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return (value as string[]).map((v) => v.trim()).filter(Boolean);
  }
  throw invalid(field, 'must be a list of strings');
}

function numberList(value: FormValue | undefined, field: string): number[] | undefined {
  const list = stringList(value, field);
  if (!list) return undefined;
  return list.map((v) => {
    if (!/^\d+(\.\d+)?$/.test(v)) throw invalid(field, 'must be a list of numbers');
    return Number(v);
  });
}

function marketingChannels(value: FormValue | undefined): SimMarketingChannel[] | undefined {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : typeof value === 'object' ? [value] : undefined;
  if (!list) throw invalid('marketingChannels', 'must be a list of {channel, type, agreed}');
  return list.map((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) throw invalid(`marketingChannels[${i}]`, 'must be an object');
    const { channel, type, agreed } = item as Record<string, FormValue>;
    if (typeof channel !== 'string' || !MARKETING_CHANNELS.includes(channel)) {
      throw invalid(`marketingChannels[${i}][channel]`, `must be one of ${MARKETING_CHANNELS.join(', ')}`);
    }
    if (typeof type !== 'string' || !MARKETING_TYPES.includes(type)) {
      throw invalid(`marketingChannels[${i}][type]`, `must be one of ${MARKETING_TYPES.join(', ')}`);
    }
    if (agreed !== 'true' && agreed !== 'false') throw invalid(`marketingChannels[${i}][agreed]`, 'must be "true" or "false"');
    return { channel, type, agreed: agreed === 'true' };
  });
}

function customDetails(value: FormValue | undefined): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid('customDetails', 'must be an object (customDetails[name]=value)');
  return structuredClone(value) as Record<string, unknown>;
}

function pdfMagic(bytes: Uint8Array): boolean {
  // "%PDF-"
  return bytes.length >= 5 && bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46 && bytes[4] === 0x2d;
}

function randomHex(bytes: number): string {
  const buf = new Uint8Array(bytes);
  crypto.getRandomValues(buf);
  return Array.from(buf, (b) => b.toString(16).padStart(2, '0')).join('');
}

function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'document.pdf';
  return base || 'document.pdf';
}

export function createFootprintsSimulatorImpl(opts: FootprintsSimulatorOptions = {}): FootprintsSimulator {
  const now = opts.now ?? (() => new Date());
  const leadCount = Math.max(0, Math.floor(opts.leadCount ?? 300));
  const tokenTtl = opts.tokenTtlSeconds ?? 12 * 3600;
  const initialSettings: FootprintsSimulatorSettings = { echoCustomDetails: opts.echoCustomDetails ?? true };
  let settings = { ...initialSettings };
  let state: SimState = buildSeed(now(), leadCount);

  const mintId = (kind: string) => objectId(kind, ++state.nextId);

  // ---- lookups ---------------------------------------------------------------------------------------

  const findClientBy = (email: string | undefined, phone: string | undefined): SimClient | undefined => {
    if (!email && !phone) return undefined;
    const e = email ? normalizeEmail(email) : undefined;
    const p = phone ? normalizePhone(phone) : undefined;
    for (const c of state.clients.values()) {
      if (e && (!c.userEmail || normalizeEmail(c.userEmail) !== e)) continue;
      if (p && (!c.userPhone || normalizePhone(c.userPhone) !== p)) continue;
      return c;
    }
    return undefined;
  };
  const campaignByInternalId = (internalId: string) => state.campaigns.find((c) => c.internalId === internalId);
  const campaignById = (id: string) => state.campaigns.find((c) => c._id === id);
  const hostess = (id: string) => DEMO_HOSTESSES.find((h) => h.hostessId === id);
  const isExpired = (campaign: SimCampaign) => campaign.expireCodesDate.getTime() < now().getTime();

  // ---- wire shapes -----------------------------------------------------------------------------------

  /** A lead as GET /api/lead shows it (ISO instants, offer/sku/consultant populated). */
  const leadListShape = (lead: SimLead): Record<string, unknown> => {
    const offer = state.offers.find((o) => o._id === lead.offerId);
    const sku = state.skus.find((s) => s._id === lead.skuId);
    const category = state.offerCategories.find((c) => c._id === lead.offerCategoryId);
    const consultant = state.businessUsers.find((u) => u._id === lead.consultantId);
    const { userFamilyDetails, ...person } = lead.person;
    return {
      _id: lead._id,
      ...person,
      ...(userFamilyDetails !== undefined ? { userFamilyDetails } : {}),
      ...lead.customVariables,
      offerId: lead.offerId,
      offlineCampaignId: lead.offlineCampaignId ?? null,
      locationId: lead.locationId,
      clientId: lead.clientId,
      status: lead.status,
      isMultipart: false,
      isComplete: true,
      timestamp: lead.createdAt.toISOString(),
      timestampStatusChange: lead.timestampStatusChange.toISOString(),
      createdAt: lead.createdAt.toISOString(),
      updatedAt: lead.updatedAt.toISOString(),
      actionRequired: lead.status !== 'customer' && lead.status !== 'lost',
      deviceType: 'tablet',
      skuExternalId: lead.skuExternalId,
      offerCategoryId: lead.offerCategoryId,
      offerCategory: category?.name,
      offer: offer ? { _id: offer._id, name: offer.name, price: offer.price } : undefined,
      sku: sku ? { _id: sku._id, name: sku.name, price: sku.price } : undefined,
      channelId: lead.channelId,
      consultantId: lead.consultantId,
      consultant: consultant ? { _id: consultant._id, name: `${consultant.firstName} ${consultant.lastName}` } : undefined,
      tags: lead.tags,
      marketingChannels: lead.marketingChannels,
      customDetails: settings.echoCustomDetails ? lead.customDetails : undefined,
      nps: lead.nps,
      reasonLost: lead.lost?.reasonLost,
      contractId: lead.contract?.contractId,
      contractNumber: lead.contract?.contractNumber,
      contractValue: lead.contract?.contractValue,
      contractDate: lead.contract?.contractDate,
    };
  };

  /** A lead as PUT /api/lead/{id} and PUT …/leadLost answer it (wall-clock times, ids only). */
  const leadUpdateShape = (lead: SimLead): Record<string, unknown> => ({
    _id: lead._id,
    timestamp: wallClock(lead.createdAt),
    createdAt: wallClock(lead.createdAt),
    status: lead.status,
    userFirstName: lead.person.userFirstName,
    userLastName: lead.person.userLastName,
    userPhone: lead.person.userPhone,
    userEmail: lead.person.userEmail,
    userCompanyName: lead.person.userCompanyName,
    userCompanyAddress: lead.person.userCompanyAddress,
    locationId: lead.locationId,
    offerId: lead.offerId,
    updatedAt: wallClock(lead.updatedAt),
    consultantId: lead.consultantId,
    assignedBefore: lead.consultantId ? 1 : 0,
    skuId: lead.skuId,
    channelId: lead.channelId,
    contractId: lead.contract?.contractId,
    skuExternalId: lead.skuExternalId,
    tags: lead.tags,
  });

  const customerShape = (client: SimClient): Record<string, unknown> => {
    const leads = [...state.leads.values()].filter((l) => l.clientId === client._id);
    return {
      _id: client._id,
      userFirstName: client.userFirstName,
      userLastName: client.userLastName,
      userEmail: client.userEmail,
      userPhone: client.userPhone,
      nationalId: client.nationalId,
      userExternalId: client.userExternalId,
      ...client.profile,
      timestamp: client.updatedAt.toISOString(),
      createdAt: client.createdAt.toISOString(),
      type: 'B2C',
      __v: leads.length,
      kidsAge: client.kidsAge,
      interests: client.interests,
      preferences: client.preferences,
      employees: [],
      marketingChannels: client.marketingChannels,
      customDetails: client.customDetails,
      pointsOfPresence: [],
      interactionsTimeline: leads.map((l) => {
        const category = state.offerCategories.find((c) => c._id === l.offerCategoryId);
        return {
          createdAt: l.createdAt.toISOString(),
          timestamp: l.createdAt.toISOString(),
          icon: 'icon-location-city',
          offlineCampaignId: l.offlineCampaignId ?? null,
          offerCategoryId: category
            ? {
                _id: category._id,
                name: category.name,
                description: '',
                locations: category.locationIds,
                offers: state.offers
                  .filter((o) => o.offerCategoryId === category._id)
                  .map((o) => ({ _id: o._id, name: o.name, description: '', price: o.price, offerCategoryId: o.offerCategoryId })),
              }
            : null,
          leadId: l._id,
        };
      }),
      personalAssistance: [],
      leads: leads.map((l) => ({
        ...leadListShape(l),
        type: 'B2C',
        history: l.statusHistory.map((h, i) => ({
          _id: objectId('c100', i + 1),
          leadId: l._id,
          status: h.status,
          timestamp: h.at.toISOString(),
          createdAt: h.at.toISOString(),
        })),
        interactions: [],
        comments: l.lost ? [l.lost.commentId] : [],
      })),
    };
  };

  const campaignFull = (c: SimCampaign): Record<string, unknown> => ({
    _id: c._id,
    internalId: c.internalId,
    name: c.name,
    type: 'drive_loyalty',
    budget: 0,
    landingPageURL: '',
    startDate: c.startDate.toISOString(),
    endDate: c.endDate.toISOString(),
    expireCodesDate: c.expireCodesDate.toISOString(),
    timestamp: c.createdAt.toISOString(),
    createdAt: c.createdAt.toISOString(),
    locationId: c.locationId,
    loyaltySettings: {
      type: c.loyaltyType,
      allowedChars: '',
      codeLength: String(c.codeLength),
      loyaltyPrizeTypes: c.prizeTypes.map((p) => ({ _id: p._id, totalCodes: p.totalCodes, pointsValue: p.pointsValue, name: p.name })),
    },
    extraAllocations: [],
    leads: [],
    total: [...state.codes.values()].filter((code) => code.campaignId === c._id).length,
  });

  const codeSnapshot = (code: SimCode): CodeSnapshot | undefined => {
    const campaign = campaignById(code.campaignId);
    if (!campaign) return undefined;
    const client = state.clients.get(code.clientId);
    return {
      code: code.code,
      status: code.status,
      campaignInternalId: campaign.internalId,
      campaignName: campaign.name,
      expireCodesDate: new Date(campaign.expireCodesDate),
      expired: isExpired(campaign),
      prizeName: campaign.prizeTypes.find((p) => p._id === code.prizeTypeId)?.name ?? '',
      hostessId: code.hostessId,
      client: { email: client?.userEmail, phone: client?.userPhone, firstName: client?.userFirstName, lastName: client?.userLastName },
      updatedAt: new Date(code.updatedAt),
    };
  };

  // ---- auth ------------------------------------------------------------------------------------------

  const oauthError = (status: number, error: string, description: string) =>
    new SimError(status, { error, error_description: description });

  async function token(req: Request): Promise<Response> {
    if (req.method !== 'POST') throw problem(405, 'method_not_allowed', 'use POST');
    const auth = req.headers.get('authorization') ?? '';
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(auth);
    let key = '';
    let secret = '';
    if (match) {
      const decoded = Buffer.from(match[1], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) {
        key = decoded.slice(0, colon);
        secret = decoded.slice(colon + 1);
      }
    }
    if (key !== SANDBOX_FOOTPRINTS_KEY || secret !== SANDBOX_FOOTPRINTS_SECRET) {
      throw oauthError(401, 'invalid_client', 'Client authentication failed');
    }
    // The docs' table calls these "Query Parameters" while every sample sends them in the body: both are read.
    const query = Object.fromEntries(new URL(req.url).searchParams);
    const body: FormRecord = { ...query, ...(await readBody(req)) };
    const grant = str(body, 'grant_type');
    const pin = str(body, 'pin');
    const issue = (t: Omit<SimToken, 'expiresAt'>, extra: Record<string, string> = {}) => {
      const accessToken = randomHex(32);
      state.tokens.set(accessToken, { ...t, expiresAt: new Date(now().getTime() + tokenTtl * 1000) });
      return json({
        access_token: accessToken,
        token_type: 'bearer',
        expires_in: tokenTtl,
        refresh_token: randomHex(32),
        scope: t.scope,
        ...extra,
      });
    };
    // Every sample sends `grant_type=client_credentials&pin=…`, the table says pin goes with grant_type=pin:
    // a PIN is honoured under either grant.
    if (grant === 'pin' || (grant === 'client_credentials' && pin !== undefined)) {
      if (!pin) throw oauthError(400, 'invalid_request', 'Missing parameter: "pin" is required');
      const who = [...DEMO_HOSTESSES, DEMO_STORE_HOSTESS].find((h) => h.pin === pin);
      if (!who) throw oauthError(401, 'invalid_grant', 'Invalid PIN');
      return issue({ grant: 'pin', scope: ['app_scope', 'hostess_scope'], hostessId: who.hostessId }, { hostess_name: who.name, hostess_id: who.hostessId });
    }
    if (grant === 'password') {
      const username = str(body, 'username');
      const password = typeof body.password === 'string' ? body.password : undefined;
      if (!username || !password) throw oauthError(400, 'invalid_request', 'Missing parameters: "username" and "password" are required');
      const trainee = TRAINEE_LOGIN.pattern.test(username) && password === TRAINEE_LOGIN.password;
      const who = trainee ? { username } : DEMO_LOGINS.find((l) => l.username === username && l.password === password);
      if (!who) throw oauthError(401, 'invalid_grant', 'Invalid username and password combination');
      return issue({ grant: 'password', scope: ['app_scope'], username: who.username });
    }
    if (grant === 'client_credentials') return issue({ grant: 'client_credentials', scope: ['app_scope'] });
    if (!grant) throw oauthError(400, 'invalid_request', 'The grant type was not specified in the request');
    throw oauthError(400, 'unsupported_grant_type', 'grant_type must be one of: client_credentials, password, pin');
  }

  function requireToken(req: Request): SimToken {
    const accessToken = new URL(req.url).searchParams.get('access_token');
    if (!accessToken) throw oauthError(401, 'invalid_token', 'The access token is missing');
    const t = state.tokens.get(accessToken);
    if (!t) throw oauthError(401, 'invalid_token', 'The access token provided is invalid');
    if (t.expiresAt.getTime() <= now().getTime()) {
      state.tokens.delete(accessToken);
      throw oauthError(401, 'invalid_token', 'The access token provided has expired');
    }
    return t;
  }

  // ---- leads -----------------------------------------------------------------------------------------

  function reference(body: FormRecord, field: string, exists: (id: string) => boolean, what: string): string | undefined {
    const id = str(body, field);
    if (id !== undefined && !exists(id)) throw invalid(field, `unknown ${what}`);
    return id;
  }

  function readPersonFields(body: FormRecord, target: Record<string, string | boolean | number>): void {
    for (const f of PERSON_STRING_FIELDS) {
      const v = str(body, f);
      if (v !== undefined) target[f] = v;
    }
    const email = str(body, 'userEmail');
    if (email !== undefined) {
      if (!EMAIL_RE.test(email)) throw invalid('userEmail', 'is not an e-mail address');
      target.userEmail = email;
    }
    const phone = str(body, 'userPhone');
    if (phone !== undefined) {
      if (normalizePhone(phone).length < 6) throw invalid('userPhone', 'is not a phone number');
      target.userPhone = phone;
    }
    const sex = str(body, 'userSex');
    if (sex !== undefined) {
      if (sex !== 'male' && sex !== 'female') throw invalid('userSex', 'must be "male" or "female"');
      target.userSex = sex;
    }
    // Documented (twice) as `userFamilyDetalis`; the vendor's own answers spell it `userFamilyDetails`. Both are read.
    const family = str(body, 'userFamilyDetalis') ?? str(body, 'userFamilyDetails');
    if (family !== undefined) {
      if (family !== 'single' && family !== 'married') throw invalid('userFamilyDetalis', 'must be "single" or "married"');
      target.userFamilyDetails = family;
    }
    const birthday = str(body, 'userBirthday');
    if (birthday !== undefined) {
      if (!isCalendarDate(birthday)) throw invalid('userBirthday', 'accepted format is Y-m-d');
      target.userBirthday = birthday;
    }
    for (const f of ['userChildren', 'noOfKids'] as const) {
      const n = intField(body, f, 0, 30);
      if (n !== undefined) target[f] = n;
    }
    for (const f of BOOLEAN_FIELDS) {
      const b = bool(body, f);
      if (b !== undefined) target[f] = b;
    }
  }

  function linkClient(person: Record<string, string | boolean | number>, at: Date): SimClient {
    const email = typeof person.userEmail === 'string' ? person.userEmail : undefined;
    const phone = typeof person.userPhone === 'string' ? person.userPhone : undefined;
    let client = findClientBy(email, phone);
    if (!client) {
      client = {
        _id: mintId(KIND.client),
        userEmail: email,
        userPhone: phone,
        profile: {},
        marketingChannels: [],
        interests: [],
        preferences: [],
        kidsAge: [],
        customDetails: {},
        createdAt: at,
        updatedAt: at,
      };
      state.clients.set(client._id, client);
    }
    if (typeof person.userFirstName === 'string') client.userFirstName = person.userFirstName;
    if (typeof person.userLastName === 'string') client.userLastName = person.userLastName;
    if (typeof person.userExternalId === 'string') client.userExternalId = person.userExternalId;
    client.updatedAt = at;
    return client;
  }

  async function addLead(req: Request, source: 'lead' | 'prospect', pathCategoryId?: string): Promise<Response> {
    const body = await readBody(req);
    const person: Record<string, string | boolean | number> = {};
    readPersonFields(body, person);
    if (person.userEmail === undefined && person.userPhone === undefined) throw missing('userEmail or userPhone');
    const at = now();

    const lead: SimLead = {
      _id: mintId(KIND.lead),
      source,
      clientId: '',
      status: source === 'prospect' ? 'prospect' : 'lead',
      person,
      tags: [],
      marketingChannels: [],
      customDetails: {},
      customVariables: {},
      npsHistory: [],
      statusHistory: [],
      createdAt: at,
      updatedAt: at,
      timestampStatusChange: at,
    };

    if (source === 'prospect') {
      for (const f of ['avandorUserId', 'companyName', 'companyType', 'userPosition', 'companyWebsite', 'potentialScore'] as const) {
        const v = str(body, f);
        if (v !== undefined) person[f] = v;
      }
      const session = body.avandorSession;
      if (typeof session === 'string' && session.trim()) person.avandorSession = session;
      else if (session && typeof session === 'object') person.avandorSession = JSON.stringify(session);
    } else {
      lead.offlineCampaignId = reference(body, 'offlineCampaignId', (id) => state.offlineCampaigns.some((c) => c._id === id), 'offline campaign');
      lead.locationId = reference(body, 'locationId', (id) => state.locations.some((l) => l._id === id), 'location');
      lead.consultantId = reference(body, 'consultantId', (id) => state.businessUsers.some((u) => u._id === id), 'consultant');
      lead.channelId = reference(body, 'channelId', (id) => state.channels.some((c) => c._id === id), 'channel');
      lead.offerId = reference(body, 'offerId', (id) => state.offers.some((o) => o._id === id), 'offer');
      const categoryId = pathCategoryId ?? str(body, 'offerCategoryId');
      if (categoryId !== undefined && !state.offerCategories.some((c) => c._id === categoryId)) throw invalid('offerCategoryId', 'unknown offer category');
      const offer = state.offers.find((o) => o._id === lead.offerId);
      if (offer && categoryId && offer.offerCategoryId !== categoryId) throw invalid('offerId', 'the offer is not in this offer category');
      lead.offerCategoryId = categoryId ?? offer?.offerCategoryId;
      lead.nps = intField(body, 'nps', 0, 10);
      if (lead.nps !== undefined) lead.npsHistory.push({ nps: lead.nps, at });
      lead.tags = stringList(body.tags, 'tags') ?? [];
      lead.marketingChannels = marketingChannels(body.marketingChannels) ?? [];
      lead.customDetails = customDetails(body.customDetails) ?? {};
      const timezone = str(body, 'timezone');
      if (timezone !== undefined && !isValidTimeZone(timezone)) throw invalid('timezone', 'is not an IANA time zone');
      lead.timezone = timezone;
      const createdAt = str(body, 'createdAt');
      if (createdAt !== undefined) {
        const parsed = fromWallClock(createdAt, timezone ?? ACCOUNT_TIMEZONE);
        if (!parsed) throw invalid('createdAt', 'accepted format is Y-m-d H:i:s');
        lead.createdAt = parsed;
        lead.timestampStatusChange = parsed;
      }
      // Custom variables count only when declared under Settings > Custom Variables; others are ignored.
      for (const name of state.customVariables) {
        const v = str(body, name);
        if (v !== undefined) lead.customVariables[name] = v;
      }
    }
    lead.statusHistory.push({ status: lead.status, at: lead.createdAt });
    const client = linkClient(person, at);
    lead.clientId = client._id;
    if (lead.marketingChannels.length) client.marketingChannels = lead.marketingChannels;
    state.leads.set(lead._id, lead);
    return json({ _id: lead._id });
  }

  function getLeads(req: Request): Response {
    const q = new URL(req.url).searchParams;
    const startDate = q.get('startDate') || undefined;
    const endDate = q.get('endDate') || undefined;
    for (const [name, v] of [['startDate', startDate], ['endDate', endDate]] as const) {
      if (v !== undefined && !isCalendarDate(v)) throw invalid(name, 'accepted format is Y-m-d');
    }
    if (startDate && endDate && startDate > endDate) throw invalid('endDate', 'must not be before startDate');
    const page = q.get('page') ?? '1';
    const pageSize = q.get('pageSize') ?? '10';
    if (!/^\d+$/.test(page) || Number(page) < 1) throw invalid('page', 'must be a whole number from 1');
    if (!/^\d+$/.test(pageSize) || Number(pageSize) < 1 || Number(pageSize) > MAX_LEAD_PAGE_SIZE) {
      throw invalid('pageSize', `must be a whole number from 1 to ${MAX_LEAD_PAGE_SIZE}`);
    }
    // Documented: "will return only the leads with locationId, offerCategoryId, offerId and consultantId asociated".
    const matching = [...state.leads.values()]
      .filter((l) => l.locationId && l.offerCategoryId && l.offerId && l.consultantId)
      .filter((l) => {
        const day = wallDate(l.createdAt);
        return (!startDate || day >= startDate) && (!endDate || day <= endDate);
      })
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? -1 : 1));
    const size = Number(pageSize);
    const current = Number(page);
    const slice = matching.slice((current - 1) * size, current * size);
    return json(slice.map(leadListShape), 200, paginationHeaders(current, matching.length, size));
  }

  function leadOr404(id: string): SimLead {
    const lead = state.leads.get(id);
    if (!lead) throw notFound('lead');
    return lead;
  }

  function setStatus(lead: SimLead, status: SimLeadStatus, at: Date): void {
    if (lead.status === status) return;
    lead.status = status;
    lead.timestampStatusChange = at;
    lead.statusHistory.push({ status, at });
  }

  async function updateLead(req: Request, id: string): Promise<Response> {
    const lead = leadOr404(id);
    const body = await readBody(req);
    const at = now();
    const status = str(body, 'status');
    if (status !== undefined && !(SIM_LEAD_STATUSES as readonly string[]).includes(status)) {
      throw invalid('status', `accepted values: ${SIM_LEAD_STATUSES.join(', ')}`);
    }
    const skuId = reference(body, 'skuId', (s) => state.skus.some((k) => k._id === s), 'sku');
    const channelId = reference(body, 'channelId', (c) => state.channels.some((k) => k._id === c), 'channel');
    // Not in Update Lead's body table, but its answer carries locationId, offerId and consultantId and Add Lead
    // takes them: accepted (and checked like Add Lead checks them), so a lead added without them can be completed.
    const locationId = reference(body, 'locationId', (id) => state.locations.some((l) => l._id === id), 'location');
    const consultantId = reference(body, 'consultantId', (id) => state.businessUsers.some((u) => u._id === id), 'consultant');
    const offerId = reference(body, 'offerId', (id) => state.offers.some((o) => o._id === id), 'offer');
    const offerCategoryId = str(body, 'offerCategoryId');
    if (offerCategoryId !== undefined && !state.offerCategories.some((c) => c._id === offerCategoryId)) throw invalid('offerCategoryId', 'unknown offer category');
    const newOffer = state.offers.find((o) => o._id === (offerId ?? lead.offerId));
    const newCategory = offerCategoryId ?? (offerId ? newOffer?.offerCategoryId : lead.offerCategoryId);
    if (newOffer && newCategory && newOffer.offerCategoryId !== newCategory) throw invalid('offerId', 'the offer is not in this offer category');
    const contractFields = ['contractNumber', 'contractValue', 'contractDate', 'contractDescription'] as const;
    const contract: Partial<Record<(typeof contractFields)[number], string>> = {};
    for (const f of contractFields) {
      const v = str(body, f);
      if (v !== undefined) contract[f] = v;
    }
    const resulting = (status ?? lead.status) as SimLeadStatus;
    if (Object.keys(contract).length && resulting !== 'customer') {
      throw invalid('contractNumber', 'contract fields are accepted only with status customer');
    }
    if (contract.contractValue !== undefined && !/^\d+(\.\d+)?$/.test(contract.contractValue)) throw invalid('contractValue', 'must be a number');
    if (contract.contractDate !== undefined && !isCalendarDate(contract.contractDate.slice(0, 10))) {
      throw invalid('contractDate', 'accepted format is Y-m-d');
    }
    const tags = stringList(body.tags, 'tags');

    for (const f of ['userCompanyName', 'userCompanyAddress'] as const) {
      const v = str(body, f);
      if (v !== undefined) lead.person[f] = v;
    }
    if (skuId) {
      lead.skuId = skuId;
      lead.skuExternalId = state.skus.find((s) => s._id === skuId)?.externalId;
    }
    const skuExternalId = str(body, 'skuExternalId');
    if (skuExternalId !== undefined) lead.skuExternalId = skuExternalId;
    if (channelId) lead.channelId = channelId;
    if (tags) lead.tags = tags;
    if (locationId) lead.locationId = locationId;
    if (consultantId) lead.consultantId = consultantId;
    if (offerId) lead.offerId = offerId;
    if (offerId || offerCategoryId) lead.offerCategoryId = newCategory;
    if (status) setStatus(lead, status as SimLeadStatus, at);
    if (lead.status === 'customer' && (Object.keys(contract).length || !lead.contract)) {
      lead.contract = { contractId: lead.contract?.contractId ?? mintId(KIND.document), ...lead.contract, ...contract };
    }
    lead.updatedAt = at;
    return json(leadUpdateShape(lead));
  }

  // ---- lead actions ----------------------------------------------------------------------------------

  function actionDate(body: FormRecord): Date | undefined {
    const date = str(body, 'date');
    if (date === undefined) return undefined;
    const parsed = fromWallClock(date);
    if (!parsed) throw invalid('date', 'accepted format is Y-m-d H:i:s');
    return parsed;
  }

  async function addLeadAction(req: Request): Promise<Response> {
    const body = await readBody(req);
    const leadId = str(body, 'leadId');
    if (!leadId) throw missing('leadId');
    const typeId = str(body, 'leadActionTypeId');
    if (!typeId) throw missing('leadActionTypeId');
    if (!state.leads.has(leadId)) throw invalid('leadId', 'unknown lead');
    if (!state.actionTypes.some((t) => t._id === typeId)) throw invalid('leadActionTypeId', 'unknown lead action type');
    const at = now();
    const action: SimLeadAction = {
      _id: mintId(KIND.action),
      leadId,
      leadActionTypeId: typeId,
      actionDetail: str(body, 'actionDetail'),
      date: actionDate(body) ?? at,
      createdAt: at,
      updatedAt: at,
    };
    state.actions.set(action._id, action);
    return json({ status: 'success', _id: action._id });
  }

  async function updateLeadAction(req: Request, actionId: string): Promise<Response> {
    const action = state.actions.get(actionId);
    if (!action) throw notFound('lead action');
    const body = await readBody(req);
    const leadId = str(body, 'leadId');
    if (leadId !== undefined && leadId !== action.leadId) throw invalid('leadId', 'the action belongs to another lead');
    const typeId = reference(body, 'leadActionTypeId', (t) => state.actionTypes.some((k) => k._id === t), 'lead action type');
    const date = actionDate(body);
    const detail = str(body, 'actionDetail');
    if (typeId) action.leadActionTypeId = typeId;
    if (date) action.date = date;
    if (detail !== undefined) action.actionDetail = detail;
    action.updatedAt = now();
    return json({ status: 'success', _id: action._id });
  }

  function getLeadActions(leadId: string): Response {
    leadOr404(leadId);
    const data = [...state.actions.values()]
      .filter((a) => a.leadId === leadId)
      .sort((a, b) => a.date.getTime() - b.date.getTime())
      .map((a) => {
        const type = state.actionTypes.find((t) => t._id === a.leadActionTypeId);
        return {
          _id: a._id,
          leadId: a.leadId,
          actionDetail: a.actionDetail ?? '',
          leadActionTypeId: { _id: a.leadActionTypeId, name: type?.name ?? '' },
          attachments: state.documents.filter((d) => d.leadActionId === a._id).map((d) => d.filename),
          date: a.date.toISOString(),
          createdAt: a.createdAt.toISOString(),
          updatedAt: a.updatedAt.toISOString(),
        };
      });
    // The docs' sample (`[ data: [...]`) is not JSON; the simulator answers the object it most likely means.
    return json({ data });
  }

  // ---- documents, NPS, lost --------------------------------------------------------------------------

  async function uploadDocuments(req: Request, leadId: string, documentType: string): Promise<Response> {
    if (!(SIM_DOCUMENT_TYPES as readonly string[]).includes(documentType)) {
      throw invalid('documentType', `allowed values: ${SIM_DOCUMENT_TYPES.join(', ')}`);
    }
    const lead = leadOr404(leadId);
    const type = (req.headers.get('content-type') ?? '').toLowerCase();
    if (!type.startsWith('multipart/form-data')) throw problem(400, 'invalid_field', 'send the documents as multipart/form-data');
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      throw problem(400, 'invalid_field', 'the multipart body could not be read');
    }
    const files = form.getAll('documents').filter((v): v is File => typeof v !== 'string');
    if (files.length === 0) throw problem(400, 'no_files', 'attach at least one file in the "documents" field');
    if (files.length > MAX_DOCUMENTS) throw problem(400, 'too_many_files', `at most ${MAX_DOCUMENTS} files per upload`);
    const leadActionIdRaw = form.get('leadActionId');
    const leadActionId = typeof leadActionIdRaw === 'string' && leadActionIdRaw.trim() ? leadActionIdRaw.trim() : undefined;
    if (leadActionId) {
      const action = state.actions.get(leadActionId);
      if (!action || action.leadId !== lead._id) throw invalid('leadActionId', 'unknown lead action for this lead');
    }
    const accepted: SimDocument[] = [];
    for (const [i, file] of files.entries()) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const mime = (file.type || '').split(';')[0].trim().toLowerCase();
      if (mime !== 'application/pdf' || !pdfMagic(bytes)) {
        throw problem(400, 'not_pdf', `documents[${i}] is not a PDF (allowed mimetype: application/pdf)`);
      }
      accepted.push({
        _id: mintId(KIND.document),
        leadId: lead._id,
        documentType,
        filename: safeFileName(file.name),
        contentType: mime,
        size: bytes.length,
        leadActionId,
        uploadedAt: now(),
      });
    }
    state.documents.push(...accepted);
    lead.updatedAt = now();
    return json({ status: 'ok', uploaded_files: accepted.map((d) => d.filename) });
  }

  /** The docs' samples send the comment as `comment ` (with a trailing space) as often as `comment`. */
  const comment = (body: FormRecord) => str(body, 'comment') ?? str(body, 'comment ');

  async function updateNps(req: Request, leadId: string): Promise<Response> {
    const lead = leadOr404(leadId);
    const body = await readBody(req);
    if (str(body, 'nps') === undefined) throw missing('nps');
    // "nps number min:1, max: 10" here (Add Lead says 0..10; this endpoint's own table wins).
    const nps = intField(body, 'nps', 1, 10) as number;
    const entry = { nps, comment: comment(body), at: now() };
    lead.npsHistory.push(entry);
    lead.nps = nps;
    lead.updatedAt = entry.at;
    return json({ status: 'success' });
  }

  async function updateLostLead(req: Request, leadId: string): Promise<Response> {
    const lead = leadOr404(leadId);
    const body = await readBody(req);
    const reason = str(body, 'reasonLost');
    if (!reason) throw missing('reasonLost');
    if (!(SIM_LOST_REASONS as readonly string[]).includes(reason)) {
      throw invalid('reasonLost', `accepted values: ${SIM_LOST_REASONS.join(', ')}`);
    }
    // The docs' answer still shows "status": "lead": recording the reason does not move the lead to lost.
    lead.lost = { reasonLost: reason, comment: comment(body), commentId: mintId(KIND.comment), at: now() };
    lead.updatedAt = now();
    return json({ ...leadUpdateShape(lead), comments: lead.lost.commentId });
  }

  // ---- customers -------------------------------------------------------------------------------------

  function getCustomer(req: Request): Response {
    const q = new URL(req.url).searchParams;
    const nationalId = q.get('nationalId')?.trim();
    const email = q.get('userEmail')?.trim();
    const phone = q.get('userPhone')?.trim();
    let client: SimClient | undefined;
    if (nationalId) {
      client = [...state.clients.values()].find((c) => c.nationalId === nationalId);
    } else {
      if (!email) throw missing('userEmail');
      if (!phone) throw missing('userPhone');
      client = findClientBy(email, phone);
    }
    if (!client) throw notFound('client');
    return json(customerShape(client));
  }

  async function updateCustomer(req: Request): Promise<Response> {
    const body = await readBody(req);
    const externalId = str(body, 'userExternalId');
    const nationalId = str(body, 'nationalId');
    const email = str(body, 'userEmail');
    const phone = str(body, 'userPhone');
    let client = externalId ? [...state.clients.values()].find((c) => c.userExternalId === externalId) : undefined;
    if (!client && nationalId) client = [...state.clients.values()].find((c) => c.nationalId === nationalId);
    if (!client) {
      if (!email) throw missing('userEmail');
      if (!phone) throw missing('userPhone');
      client = findClientBy(email, phone);
    }
    if (!client) throw notFound('client');
    const person: Record<string, string | boolean | number> = {};
    readPersonFields(body, person);
    const channels = marketingChannels(body.marketingChannels);
    const interests = stringList(body.interests, 'interests');
    const preferences = stringList(body.preferences, 'preferences');
    const kidsAge = numberList(body.kidsAge, 'kidsAge');
    const details = customDetails(body.customDetails);

    const { userFirstName, userLastName, userEmail, userPhone, userExternalId, ...rest } = person;
    if (typeof userFirstName === 'string') client.userFirstName = userFirstName;
    if (typeof userLastName === 'string') client.userLastName = userLastName;
    if (typeof userEmail === 'string') client.userEmail = userEmail;
    if (typeof userPhone === 'string') client.userPhone = userPhone;
    if (typeof userExternalId === 'string') client.userExternalId = userExternalId;
    if (nationalId) client.nationalId = nationalId;
    Object.assign(client.profile, rest);
    if (channels) client.marketingChannels = channels;
    if (interests) client.interests = interests;
    if (preferences) client.preferences = preferences;
    if (kidsAge) client.kidsAge = kidsAge;
    if (details) client.customDetails = { ...client.customDetails, ...details };
    client.updatedAt = now();
    return json({ status: 'success' });
  }

  async function deleteCustomer(req: Request): Promise<Response> {
    const body = await readBody(req);
    // Only the sample documents this call, and it identifies the customer by userExternalId in the body.
    const externalId = str(body, 'userExternalId') ?? new URL(req.url).searchParams.get('userExternalId')?.trim();
    if (!externalId) throw missing('userExternalId');
    const client = [...state.clients.values()].find((c) => c.userExternalId === externalId);
    if (!client) throw notFound('client');
    state.clients.delete(client._id);
    for (const [id, lead] of state.leads) {
      if (lead.clientId !== client._id) continue;
      state.leads.delete(id);
      for (const [aid, a] of state.actions) if (a.leadId === id) state.actions.delete(aid);
      state.documents = state.documents.filter((d) => d.leadId !== id);
    }
    for (const [code, c] of state.codes) if (c.clientId === client._id) state.codes.delete(code);
    return json({ status: 'success' });
  }

  // ---- loyalty ---------------------------------------------------------------------------------------

  function activeCampaigns(): Response {
    const t = now().getTime();
    const campaigns = state.campaigns
      .filter((c) => c.startDate.getTime() <= t && t <= c.endDate.getTime())
      .map((c) => ({
        _id: c._id,
        internalId: c.internalId,
        name: c.name,
        startDate: c.startDate.toISOString(),
        endDate: c.endDate.toISOString(),
        expireCodesDate: c.expireCodesDate.toISOString(),
        loyaltySettings: { loyaltyPrizeTypes: c.prizeTypes.map((p) => ({ name: p.name })) },
        location: { name: state.locations.find((l) => l._id === c.locationId)?.name ?? '' },
        total: [...state.codes.values()].filter((code) => code.campaignId === c._id).length,
      }));
    return json({ status: 'success', campaigns });
  }

  function requireClientAndCampaign(body: FormRecord): { client: SimClient | undefined; campaign: SimCampaign } {
    const email = str(body, 'userEmail');
    const phone = str(body, 'userPhone');
    const internalId = str(body, 'campaignInternalId');
    if (!email) throw missing('userEmail');
    if (!phone) throw missing('userPhone');
    if (!internalId) throw missing('campaignInternalId');
    // An unknown campaign is a bad request (400), so that 404 keeps meaning "no such code for this client".
    const campaign = campaignByInternalId(internalId);
    if (!campaign) throw invalid('campaignInternalId', 'unknown campaign');
    return { client: findClientBy(email, phone), campaign };
  }

  async function checkCode(req: Request): Promise<Response> {
    const { client, campaign } = requireClientAndCampaign(await readBody(req));
    const code = client
      ? [...state.codes.values()]
          .filter((c) => c.clientId === client._id && c.campaignId === campaign._id)
          .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())[0]
      : undefined;
    if (!code) throw problem(404, 'not_found', 'no code is allocated to this client in this campaign');
    return json({
      status: 'success',
      message: 'redeem code found',
      code: code.code,
      expire_code_date: wallClock(campaign.expireCodesDate),
      prize_status: code.status,
      prize: { name: campaign.prizeTypes.find((p) => p._id === code.prizeTypeId)?.name ?? '' },
      last_update: wallClock(code.updatedAt),
    });
  }

  async function changeCode(req: Request): Promise<Response> {
    const body = await readBody(req);
    const { client, campaign } = requireClientAndCampaign(body);
    const codeValue = str(body, 'code');
    if (!codeValue) throw missing('code');
    // The docs name no field for the wanted status ("change a status code from allocated to redeemed/blocked").
    // The simulator reads `status` (redeemed | blocked); without it, the documented call redeems.
    const wanted = str(body, 'status') ?? 'redeemed';
    if (wanted !== 'redeemed' && wanted !== 'blocked') throw invalid('status', 'accepted values: redeemed, blocked');
    const code = state.codes.get(codeValue.toUpperCase());
    if (!code || !client || code.clientId !== client._id || code.campaignId !== campaign._id) {
      throw problem(404, 'not_found', 'code not found for this client and campaign');
    }
    if (code.status !== 'associated') throw problem(409, 'code_not_associated', `the code is already ${code.status}`);
    if (isExpired(campaign)) throw problem(410, 'code_expired', `the campaign's codes expired on ${wallClock(campaign.expireCodesDate)}`);
    code.status = wanted;
    code.updatedAt = now();
    return json({ status: 'success' });
  }

  async function listCodes(req: Request): Promise<Response> {
    const body = await readBody(req);
    const internalId = str(body, 'campaignInternalId');
    const term = str(body, 'searchTerm')?.toUpperCase();
    const pageRaw = str(body, 'page') ?? '1';
    if (!/^\d+$/.test(pageRaw) || Number(pageRaw) < 1) throw invalid('page', 'must be a whole number from 1');
    const campaign = internalId ? campaignByInternalId(internalId) : undefined;
    if (internalId && !campaign) throw invalid('campaignInternalId', 'unknown campaign');
    const matching = [...state.codes.values()]
      .filter((c) => !campaign || c.campaignId === campaign._id)
      .filter((c) => !term || c.code.includes(term))
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || (a.code < b.code ? -1 : 1));
    const page = Number(pageRaw);
    const clients = matching.slice((page - 1) * CODE_LIST_PAGE_SIZE, page * CODE_LIST_PAGE_SIZE).map((code) => {
      const camp = campaignById(code.campaignId) as SimCampaign;
      const client = state.clients.get(code.clientId);
      const prize = camp.prizeTypes.find((p) => p._id === code.prizeTypeId);
      const h = hostess(code.hostessId);
      return {
        code: code.code,
        campaign: {
          _id: camp._id,
          internalId: camp.internalId,
          name: camp.name,
          type: 'drive_loyalty',
          startDate: camp.startDate.toISOString(),
          endDate: camp.endDate.toISOString(),
          loyaltySettings: { type: camp.loyaltyType },
          expireCodesDate: camp.expireCodesDate.toISOString(),
        },
        client: client
          ? {
              _id: client._id,
              userFirstName: client.userFirstName ?? '',
              userLastName: client.userLastName ?? '',
              userEmail: client.userEmail ?? '',
              userPhone: client.userPhone ?? '',
              userAddress: typeof client.profile.userAddress === 'string' ? client.profile.userAddress : '',
            }
          : null,
        status: code.status,
        prize: { pointsValue: prize?.pointsValue ?? 0, name: prize?.name ?? '' },
        hostess: h ? { _id: h.hostessId, name: h.name } : null,
      };
    });
    return json({ status: 'success', clients, totalResults: matching.length });
  }

  async function prizeHistory(req: Request): Promise<Response> {
    const body = await readBody(req);
    const email = str(body, 'userEmail');
    const phone = str(body, 'userPhone');
    if (!email) throw missing('userEmail');
    if (!phone) throw missing('userPhone');
    const client = findClientBy(email, phone);
    // "Get the prizes redeemed or associated to a specific user": blocked codes are not prizes.
    const codes = client
      ? [...state.codes.values()]
          .filter((c) => c.clientId === client._id && c.status !== 'blocked')
          .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
          .map((c) => {
            const camp = campaignById(c.campaignId) as SimCampaign;
            return {
              code: c.code,
              campaign: { internalId: camp.internalId, name: camp.name },
              status: c.status,
              prize: { name: camp.prizeTypes.find((p) => p._id === c.prizeTypeId)?.name ?? '' },
              location: { name: state.locations.find((l) => l._id === camp.locationId)?.name ?? '' },
              expire_code_date: camp.expireCodesDate.toISOString(),
              last_update: c.updatedAt.toISOString(),
            };
          })
      : [];
    return json({ status: 'success', codes });
  }

  // ---- catalogues ------------------------------------------------------------------------------------

  function paginationHeaders(page: number, records: number, size: number): Record<string, string> {
    return {
      'Access-Control-Expose-Headers': 'X-Total-Pages, X-Records, X-Current-Page',
      'X-Current-Page': String(page),
      'X-Records': String(records),
      'X-Total-Pages': String(Math.max(1, Math.ceil(records / size))),
    };
  }

  function paged<T>(req: Request, items: T[]): Response {
    const raw = new URL(req.url).searchParams.get('page') ?? '1';
    if (!/^\d+$/.test(raw) || Number(raw) < 1) throw invalid('page', 'must be a whole number from 1');
    const page = Number(raw);
    const slice = items.slice((page - 1) * CATALOGUE_PAGE_SIZE, page * CATALOGUE_PAGE_SIZE);
    return json(slice, 200, paginationHeaders(page, items.length, CATALOGUE_PAGE_SIZE));
  }

  function locations(req: Request): Response {
    const q = new URL(req.url).searchParams;
    const country = q.get('country_name')?.trim().toLowerCase();
    const county = q.get('county_name')?.trim().toLowerCase();
    const list = state.locations
      .filter((l) => !country || l.country.toLowerCase() === country)
      .filter((l) => !county || l.county.toLowerCase() === county)
      .map((l) => ({
        _id: l._id,
        timestamp: l.createdAt.toISOString(),
        createdAt: l.createdAt.toISOString(),
        areaId: l.areaId,
        name: l.name,
        description: l.description,
        address: l.address,
        county: l.county,
        country: l.country,
        __v: 1,
        coords: l.coords,
        image: '',
      }));
    return json(list);
  }

  // ---- notifications ---------------------------------------------------------------------------------

  async function sendNotification(req: Request): Promise<Response> {
    const body = await readBody(req);
    const templateKey = str(body, 'templateKey');
    const email = str(body, 'email');
    if (!templateKey) throw missing('templateKey');
    if (!email) throw missing('email');
    if (!EMAIL_RE.test(email)) throw invalid('email', 'is not an e-mail address');
    if (!state.templates.includes(templateKey)) throw invalid('templateKey', 'unknown template');
    const fileName = str(body, 'attachmentFileName');
    const raw = typeof body.attachmentFileContent === 'string' ? body.attachmentFileContent : undefined;
    let attachment: SimNotification['attachment'];
    if (fileName !== undefined || raw !== undefined) {
      if (!fileName) throw missing('attachmentFileName');
      if (!raw) throw missing('attachmentFileContent');
      // A '+' sent unencoded in a form body arrives as a space; base64 has no spaces, so they are put back.
      const b64 = raw.replace(/ /g, '+').replace(/[\r\n]/g, '');
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) throw invalid('attachmentFileContent', 'must be base64');
      const bytes = new Uint8Array(Buffer.from(b64, 'base64'));
      if (!fileName.toLowerCase().endsWith('.pdf') || !pdfMagic(bytes)) {
        throw problem(400, 'not_pdf', 'the attachment must be a PDF (file types allowed: pdf)');
      }
      attachment = { fileName: safeFileName(fileName), size: bytes.length };
    }
    state.notifications.push({ templateKey, email, firstName: str(body, 'firstName'), lastName: str(body, 'lastName'), attachment, at: now() });
    return json({ status: 'success', message: 'Message sent!' });
  }

  // ---- routing ---------------------------------------------------------------------------------------

  async function route(req: Request, path: string): Promise<Response> {
    const seg = path.split('/').filter(Boolean);
    const method = req.method.toUpperCase();
    if (seg[0] !== 'api') throw problem(404, 'unknown_endpoint', 'unknown endpoint');
    const [, a, b, c] = seg;
    if (a === 'token' && seg.length === 2) return token(req);

    requireToken(req);
    const wrongMethod = () => problem(405, 'method_not_allowed', `${method} is not supported here`);

    if (a === 'lead') {
      if (seg.length === 2) {
        if (method === 'POST') return addLead(req, 'lead');
        if (method === 'GET') return getLeads(req);
        throw wrongMethod();
      }
      if (b === 'action' && seg.length === 3) {
        if (method === 'POST') return addLeadAction(req);
        throw wrongMethod();
      }
      if (b === 'action' && seg.length === 4) {
        if (method === 'PUT') return updateLeadAction(req, c);
        throw wrongMethod();
      }
      if (b === 'actions' && seg.length === 4) {
        if (method === 'GET') return getLeadActions(c);
        throw wrongMethod();
      }
      if (b === 'action-types' && seg.length === 3) {
        if (method !== 'GET') throw wrongMethod();
        return json({ data: state.actionTypes.map((t) => ({ _id: t._id, name: t.name, createdAt: t.createdAt.toISOString() })) });
      }
      if (seg.length === 3) {
        if (method === 'PUT') return updateLead(req, b);
        throw wrongMethod();
      }
      if (seg.length === 4 && c === 'nps') {
        // The heading says POST, all four samples say PUT: both are accepted.
        if (method === 'PUT' || method === 'POST') return updateNps(req, b);
        throw wrongMethod();
      }
      if (seg.length === 4 && c === 'leadLost') {
        if (method === 'PUT') return updateLostLead(req, b);
        throw wrongMethod();
      }
      if (seg.length === 4) {
        if (method === 'PUT') return uploadDocuments(req, b, c);
        throw wrongMethod();
      }
    }
    if (a === 'prospect' && seg.length === 2) {
      if (method === 'POST') return addLead(req, 'prospect');
      throw wrongMethod();
    }
    if (a === 'client' && seg.length === 2) {
      if (method === 'GET') return getCustomer(req);
      if (method === 'PUT') return updateCustomer(req);
      if (method === 'DELETE') return deleteCustomer(req);
      throw wrongMethod();
    }
    if (a === 'loyaltyCode' && seg.length === 3) {
      if (method === 'GET' && b === 'active-campaigns') return activeCampaigns();
      if (method === 'GET' && b === 'campaigns') return json({ status: 'success', campaigns: state.campaigns.map(campaignFull) });
      if (method === 'POST' && b === 'check') return checkCode(req);
      if (method === 'POST' && b === 'change') return changeCode(req);
      if (method === 'POST' && b === 'list') return listCodes(req);
      if (method === 'POST' && b === 'history') return prizeHistory(req);
      if (['active-campaigns', 'campaigns', 'check', 'change', 'list', 'history'].includes(b)) throw wrongMethod();
    }
    if (a === 'offerCategory' && seg.length === 4 && c === 'lead') {
      // The Node sample of "Add Lead" posts to /api/offerCategory/{{offerCategoryId}}/lead.
      if (method === 'POST') return addLead(req, 'lead', b);
      throw wrongMethod();
    }
    if (seg.length === 2 && method === 'GET') {
      if (a === 'offerCategory') return paged(req, state.offerCategories.map((x) => ({ _id: x._id, name: x.name })));
      if (a === 'offer') {
        return paged(
          req,
          state.offers.map((o) => {
            const cat = state.offerCategories.find((x) => x._id === o.offerCategoryId);
            return { _id: o._id, name: o.name, price: o.price, externalId: o.externalId, offerCategory: { _id: o.offerCategoryId, name: cat?.name ?? '' } };
          }),
        );
      }
      if (a === 'sku') {
        return paged(
          req,
          state.skus.map((s) => {
            const offer = state.offers.find((o) => o._id === s.offerId);
            return { _id: s._id, name: s.name, price: s.price, externalId: s.externalId, quantity: s.quantity, offer: { _id: s.offerId, name: offer?.name ?? '' } };
          }),
        );
      }
      if (a === 'location') return locations(req);
      if (a === 'offlineCampaign') {
        return json(
          state.offlineCampaigns.map((o) => ({
            _id: o._id,
            locationId: o.locationId,
            name: o.name,
            description: o.description,
            image: null,
            type: 'offline',
            budget: o.budget,
            startDate: o.startDate.toISOString(),
            endDate: o.endDate.toISOString(),
            timestamp: o.createdAt.toISOString(),
            createdAt: o.createdAt.toISOString(),
            drawFrequency: { repeats: 'none', frequency: null, day: null, end: { type: '', value: '' } },
            winningType: [],
            __v: 0,
          })),
        );
      }
      if (a === 'business-users') {
        return json(
          state.businessUsers.map((u) => ({
            _id: u._id,
            locations: u.locationIds.map((id) => ({ _id: id, name: state.locations.find((l) => l._id === id)?.name ?? '' })),
            offerCategories: u.offerCategoryIds.map((id) => ({ _id: id, name: state.offerCategories.find((x) => x._id === id)?.name ?? '' })),
            firstName: u.firstName,
            lastName: u.lastName,
            email: u.email,
            phone: u.phone,
            groupRole: u.groupRole,
            role: u.role,
          })),
        );
      }
      if (a === 'channels') return json(state.channels.map((x) => ({ _id: x._id, name: x.name, mediaType: x.mediaType })));
    }
    if (a === 'notifications' && b === 'send' && seg.length === 3) {
      if (method === 'POST') return sendNotification(req);
      throw wrongMethod();
    }
    throw problem(404, 'unknown_endpoint', 'unknown endpoint');
  }

  const clone = <T>(v: T): T => structuredClone(v);

  return {
    demo: FOOTPRINTS_DEMO,
    async handle(req, path) {
      try {
        return await route(req, path);
      } catch (error) {
        if (error instanceof SimError) return json(error.body, error.status);
        return json({ status: 'error', message: 'internal error in the Footprints simulator', errorCode: 'internal' }, 500);
      }
    },
    reset() {
      // Back to the seed data; signed-in staff stay signed in (tokens are sessions, not seed data), as a
      // trainer resetting the demo store would expect.
      // Ids minted since the seed are not handed out again either: Footprints never reuses an id, and a
      // console that recorded a lead before the reset must not see a different lead under the same id.
      const tokens = state.tokens;
      const nextId = state.nextId;
      state = buildSeed(now(), leadCount);
      settings = { ...initialSettings };
      state.tokens = tokens;
      state.nextId = Math.max(state.nextId, nextId);
    },
    now,
    getLead: (id) => {
      const lead = state.leads.get(id);
      return lead ? clone(lead) : undefined;
    },
    listLeads: (filter = {}) =>
      [...state.leads.values()]
        .filter((l) => !filter.status || l.status === filter.status)
        .filter((l) => !filter.email || (typeof l.person.userEmail === 'string' && normalizeEmail(l.person.userEmail) === normalizeEmail(filter.email)))
        .map(clone),
    listDocuments: (leadId) => state.documents.filter((d) => d.leadId === leadId).map(clone),
    listLeadActions: (leadId) => [...state.actions.values()].filter((a) => a.leadId === leadId).map(clone),
    listNps: (leadId) => clone(state.leads.get(leadId)?.npsHistory ?? []),
    findClient: ({ email, phone }) => {
      const c = findClientBy(email, phone);
      return c ? clone(c) : undefined;
    },
    findCode: (code) => {
      const c = state.codes.get(code.toUpperCase());
      return c ? codeSnapshot(c) : undefined;
    },
    listCodes: (filter = {}) =>
      [...state.codes.values()]
        .map(codeSnapshot)
        .filter((c): c is CodeSnapshot => Boolean(c))
        .filter((c) => !filter.campaignInternalId || c.campaignInternalId === filter.campaignInternalId)
        .filter((c) => !filter.status || c.status === filter.status)
        .filter((c) => !filter.email || (c.client.email && normalizeEmail(c.client.email) === normalizeEmail(filter.email))),
    listNotifications: () => state.notifications.map(clone),
    tokenInfo: (accessToken) => {
      const t = state.tokens.get(accessToken);
      return t ? clone(t) : undefined;
    },
    configure: (patch) => {
      settings = { ...settings, ...patch };
      return { ...settings };
    },
    settings: () => ({ ...settings }),
  };
}
