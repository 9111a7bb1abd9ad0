/**
 * Typed client of the Footprints for Retail staff-facing API (../shared/vendor-docs/footprints-api.txt;
 * the /jsapi and /mobileapi tracking endpoints are not staff-facing and are left out).
 *
 * - /api/token takes HTTP Basic base64(key:secret) and a form body; every other call carries the user's
 *   access token as `access_token` in the query string, as documented. The token is therefore in every URL:
 *   it is passed to each request as a secret (VendorError scrubs it; lib/redact also blanks access_token=),
 *   and issued tokens are registered with the logger.
 * - Bodies are form-urlencoded with bracket notation (toBracketForm), documents are multipart.
 * - Answers are parsed with ./schemas; a call the docs would refuse is refused here, before the network,
 *   as a VendorError of kind "invalid_request".
 * - Personal data a call carries (e-mail, phone) is scrubbed from error messages like a secret.
 */
import 'server-only';
import { z } from 'zod';
import { log, registerSecret } from '@/lib/log';
import { VendorError, joinUrl, toBracketForm, vendorRequest, type VendorBody } from '@/lib/vendors/http';
import {
  DocumentTypeSchema,
  LeadsQuerySchema,
  MAX_DOCUMENTS_PER_UPLOAD,
  NotificationInputSchema,
  CustomerQuerySchema,
  CodeOwnerSchema,
  CheckCodeInputSchema,
  ChangeCodeInputSchema,
  baseName,
  encodeAddLead,
  encodeAddProspect,
  encodeChangeCode,
  encodeCodeList,
  encodeDeleteCustomer,
  encodeLeadAction,
  encodeLostLead,
  encodeNps,
  encodeUpdateCustomer,
  encodeUpdateLead,
  hasPdfMagic,
  type AddLeadInput,
  type AddProspectInput,
  type ChangeCodeInput,
  type CheckCodeInput,
  type CodeListInput,
  type CustomerQuery,
  type DeleteCustomerInput,
  type DocumentFile,
  type DocumentType,
  type LeadActionInput,
  type LeadsQuery,
  type LostLeadInput,
  type NotificationInput,
  type NpsInput,
  type PrizeHistoryInput,
  type UpdateCustomerInput,
  type UpdateLeadInput,
} from './encode';
import {
  ActionSavedSchema,
  BusinessUserSchema,
  CampaignListResponseSchema,
  ChannelSchema,
  CodeCheckResponseSchema,
  CodeListResponseSchema,
  CreatedSchema,
  CustomerSchema,
  ErrorBodySchema,
  LeadActionListSchema,
  LeadActionTypeListSchema,
  LeadListSchema,
  LeadSchema,
  LocationSchema,
  LostLeadResponseSchema,
  NotificationResponseSchema,
  OfferCategorySchema,
  OfferSchema,
  OfflineCampaignSchema,
  PrizeHistoryResponseSchema,
  SkuSchema,
  StatusSchema,
  TokenResponseSchema,
  UploadDocumentsResponseSchema,
  type BusinessUser,
  type Campaign,
  type Channel,
  type CodeCheckResponse,
  type Customer,
  type Lead,
  type LeadAction,
  type LeadActionType,
  type Location,
  type LostLeadResponse,
  type LoyaltyCode,
  type LoyaltyCodeStatus,
  type Offer,
  type OfferCategory,
  type OfflineCampaign,
  type PrizeHistoryEntry,
  type Sku,
} from './schemas';

export interface FootprintsClientOptions {
  /** The docs' {{base_url}}, e.g. https://crm.example.com or http://127.0.0.1:3000/sandbox/footprints (trailing slash tolerated). */
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  timeoutMs: number;
  fetchImpl?: typeof fetch;
}

export type TokenGrant =
  | { grantType: 'pin'; pin: string }
  | { grantType: 'password'; username: string; password: string }
  | { grantType: 'client_credentials' };

export interface FootprintsToken {
  accessToken: string;
  tokenType?: string;
  /** Seconds, as the vendor sent it. */
  expiresIn?: number;
  /** When it stops working, by this server's clock (issue time + expires_in). */
  expiresAt?: Date;
  refreshToken?: string;
  /** e.g. ["app_scope", "hostess_scope"]. */
  scope: string[];
  hostessName?: string;
  hostessId?: string;
}

export interface Page<T> {
  items: T[];
  page: number;
  /** From the X-Total-Pages / X-Records headers, when the vendor sent them. */
  totalPages?: number;
  totalRecords?: number;
}

export interface LeadsPage {
  leads: Lead[];
  page: number;
  pageSize: number;
  totalPages?: number;
  totalRecords?: number;
}

export interface CodeListPage {
  codes: LoyaltyCode[];
  page: number;
  totalResults: number;
}

export interface ChangeCodeResult {
  code: string;
  /** The status the vendor reports after the change (read back with /check when `verify` is on). */
  status: LoyaltyCodeStatus;
  verified: boolean;
}

export interface FootprintsClient {
  requestToken(grant: TokenGrant): Promise<FootprintsToken>;
  tokenWithPin(pin: string): Promise<FootprintsToken>;
  tokenWithPassword(username: string, password: string): Promise<FootprintsToken>;
  tokenWithClientCredentials(): Promise<FootprintsToken>;

  addLead(accessToken: string, input: AddLeadInput): Promise<{ id: string }>;
  updateLead(accessToken: string, leadId: string, input: UpdateLeadInput): Promise<Lead>;
  getLeads(accessToken: string, query: LeadsQuery): Promise<LeadsPage>;
  addLeadAction(accessToken: string, input: LeadActionInput): Promise<{ id: string }>;
  updateLeadAction(accessToken: string, actionId: string, input: LeadActionInput): Promise<{ id: string }>;
  getLeadActions(accessToken: string, leadId: string): Promise<LeadAction[]>;
  getLeadActionTypes(accessToken: string): Promise<LeadActionType[]>;
  uploadLeadDocuments(
    accessToken: string,
    leadId: string,
    documentType: DocumentType,
    files: readonly DocumentFile[],
    options?: { leadActionId?: string },
  ): Promise<{ uploadedFiles: string[] }>;
  addProspect(accessToken: string, input: AddProspectInput): Promise<{ id: string }>;
  updateNps(accessToken: string, leadId: string, input: NpsInput): Promise<void>;
  updateLostLead(accessToken: string, leadId: string, input: LostLeadInput): Promise<LostLeadResponse>;

  /** Null when Footprints knows no such customer (404). */
  getCustomer(accessToken: string, query: CustomerQuery): Promise<Customer | null>;
  updateCustomer(accessToken: string, input: UpdateCustomerInput): Promise<void>;
  deleteCustomer(accessToken: string, input: DeleteCustomerInput): Promise<void>;

  getActiveLoyaltyCampaigns(accessToken: string): Promise<Campaign[]>;
  getLoyaltyCampaigns(accessToken: string): Promise<Campaign[]>;
  /** Null when the client has no code in that campaign (404). */
  checkClientCode(accessToken: string, input: CheckCodeInput): Promise<CodeCheckResponse | null>;
  changeCodeStatus(accessToken: string, input: ChangeCodeInput, options?: { verify?: boolean }): Promise<ChangeCodeResult>;
  listCodes(accessToken: string, input?: CodeListInput): Promise<CodeListPage>;
  getPrizeHistory(accessToken: string, input: PrizeHistoryInput): Promise<PrizeHistoryEntry[]>;

  listOfferCategories(accessToken: string, options?: { page?: number }): Promise<Page<OfferCategory>>;
  listOffers(accessToken: string, options?: { page?: number }): Promise<Page<Offer>>;
  listSkus(accessToken: string, options?: { page?: number }): Promise<Page<Sku>>;
  /** Every page of a paged catalogue (follows X-Total-Pages; stops at an empty page or after 100 pages). */
  listAll(accessToken: string, catalogue: 'offerCategories'): Promise<OfferCategory[]>;
  listAll(accessToken: string, catalogue: 'offers'): Promise<Offer[]>;
  listAll(accessToken: string, catalogue: 'skus'): Promise<Sku[]>;
  listLocations(accessToken: string, filter?: { countryName?: string; countyName?: string }): Promise<Location[]>;
  listOfflineCampaigns(accessToken: string): Promise<OfflineCampaign[]>;
  listBusinessUsers(accessToken: string): Promise<BusinessUser[]>;
  listChannels(accessToken: string): Promise<Channel[]>;

  sendNotification(accessToken: string, input: NotificationInput): Promise<{ message?: string }>;
}

const OPERATION_PREFIX = 'footprints';
const MAX_CATALOGUE_PAGES = 100;

/** Error answers: OAuth ({error, error_description}) or the API's ({status: "error", message, errorCode?}). */
export function describeFootprintsError(status: number, body: unknown): { vendorCode?: string; message: string } {
  const parsed = ErrorBodySchema.safeParse(body);
  let vendorCode: string | undefined;
  let message: string | undefined;
  if (parsed.success) {
    vendorCode = parsed.data.errorCode ?? parsed.data.error ?? undefined;
    message = parsed.data.error_description ?? parsed.data.message ?? parsed.data.error ?? undefined;
  }
  // A raw body (HTML error page, stack trace) is never passed on: only the status.
  return { vendorCode, message: scrubPersonalData(message?.slice(0, 300) || `HTTP ${status}`) };
}

/** E-mail addresses and long digit runs (phones, card numbers) out of anything a vendor says. */
export function scrubPersonalData(text: string): string {
  return text.replace(/[^\s@"'<>,;:]+@[^\s@"'<>,;:]+/g, '[email]').replace(/\+?\d{7,}/g, '[number]');
}

/** Some APIs answer 200 with an error body; Footprints' samples never do, but if it does, it is an error. */
function detectErrorInSuccess(body: unknown): { status: number; vendorCode?: string; message: string } | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const status = (body as { status?: unknown }).status;
  if (status !== 'error' && status !== 'fail' && status !== 'failed') return undefined;
  const d = describeFootprintsError(400, body);
  return { status: 400, vendorCode: d.vendorCode, message: d.message };
}

function headerInt(headers: Headers | undefined, name: string): number | undefined {
  const raw = headers?.get(name);
  if (!raw || !/^\d+$/.test(raw.trim())) return undefined;
  return Number(raw.trim());
}

function toBytes(content: Uint8Array | ArrayBuffer): Uint8Array {
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

export function createFootprintsClient(options: FootprintsClientOptions): FootprintsClient {
  const { baseUrl, apiKey, apiSecret, timeoutMs } = options;
  const baseFetch: typeof fetch = options.fetchImpl ?? ((input, init) => fetch(input, init));
  const basic = Buffer.from(`${apiKey}:${apiSecret}`).toString('base64');
  registerSecret(apiKey);
  registerSecret(apiSecret);
  registerSecret(basic);
  const keySecrets = [apiKey, apiSecret, basic];

  const refuse = (operation: string, message: string, extraSecrets: readonly string[] = []) =>
    new VendorError(
      { vendor: 'footprints', operation, status: 0, kind: 'invalid_request', retryable: false, message },
      [...keySecrets, ...extraSecrets],
    );

  /** Runs an encoder; a zod refusal becomes an invalid_request VendorError naming the fields (never values). */
  function encode<T>(operation: string, run: () => T): T {
    try {
      return run();
    } catch (error) {
      if (error instanceof z.ZodError) {
        const where = error.issues
          .slice(0, 5)
          .map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`)
          .join('; ');
        throw refuse(operation, `not sent: ${where}`);
      }
      throw error;
    }
  }

  function check<S extends z.ZodType>(operation: string, schema: S, input: unknown): z.infer<S> {
    return encode(operation, () => schema.parse(input));
  }

  interface Call<S extends z.ZodType> {
    operation: string;
    method: 'GET' | 'POST' | 'PUT' | 'DELETE';
    path: string;
    accessToken?: string;
    query?: Record<string, string | number | undefined>;
    body?: VendorBody;
    headers?: Record<string, string>;
    schema: S;
    /** Values to scrub besides the key, secret and token (PIN, password, e-mail, phone). */
    secrets?: readonly (string | undefined)[];
    /** Receives the answer's headers (pagination). */
    onHeaders?: (headers: Headers) => void;
  }

  async function call<S extends z.ZodType>(c: Call<S>): Promise<z.infer<S>> {
    const params = new URLSearchParams();
    if (c.accessToken !== undefined) params.set('access_token', c.accessToken);
    for (const [k, v] of Object.entries(c.query ?? {})) if (v !== undefined && v !== '') params.set(k, String(v));
    const qs = params.toString();
    const url = `${joinUrl(baseUrl, c.path)}${qs ? `?${qs}` : ''}`;
    const secrets = [...keySecrets, c.accessToken, ...(c.secrets ?? [])].filter((s): s is string => Boolean(s));
    const fetchImpl: typeof fetch = c.onHeaders
      ? async (input, init) => {
          const res = await baseFetch(input, init);
          c.onHeaders?.(res.headers);
          return res;
        }
      : baseFetch;
    try {
      return await vendorRequest({
        vendor: 'footprints',
        operation: c.operation,
        method: c.method,
        url,
        headers: c.headers,
        body: c.body,
        schema: c.schema,
        timeoutMs,
        secrets,
        describeError: describeFootprintsError,
        detectErrorInSuccess,
        fetchImpl,
      });
    } catch (error) {
      if (error instanceof VendorError) {
        // Retryable failures are the operator's concern; a 404 is usually an answer ("no such customer").
        const level = error.retryable ? 'warn' : error.status === 404 ? 'debug' : 'info';
        log(level, `${OPERATION_PREFIX}.request_failed`, { error: error.toJSON() });
      }
      throw error;
    }
  }

  const form = (params: URLSearchParams): VendorBody => ({ kind: 'form', params });
  const leadPath = (leadId: string, tail = '') => `/api/lead/${encodeURIComponent(leadId)}${tail}`;
  const requireId = (operation: string, name: string, value: string) => {
    if (!value || !value.trim()) throw refuse(operation, `not sent: ${name} is required`);
  };

  async function requestToken(grant: TokenGrant): Promise<FootprintsToken> {
    const operation = 'token';
    // The samples send `grant_type=client_credentials&pin=…`; the table says a PIN goes with grant_type=pin,
    // and username/password with grant_type=password. The client follows the table: one grant, its fields.
    // The table heads them "Query Parameters" but every sample sends them in the form body, as does the client.
    let params: URLSearchParams;
    let secrets: string[] = [];
    if (grant.grantType === 'pin') {
      if (!grant.pin) throw refuse(operation, 'not sent: pin is required');
      params = toBracketForm({ grant_type: 'pin', pin: grant.pin });
      secrets = [grant.pin];
    } else if (grant.grantType === 'password') {
      if (!grant.username || !grant.password) throw refuse(operation, 'not sent: username and password are required');
      params = toBracketForm({ grant_type: 'password', username: grant.username, password: grant.password });
      secrets = [grant.password];
    } else {
      params = toBracketForm({ grant_type: 'client_credentials' });
    }
    const issuedAt = Date.now();
    const t = await call({
      operation,
      method: 'POST',
      path: '/api/token',
      headers: { Authorization: `Basic ${basic}` },
      body: form(params),
      schema: TokenResponseSchema,
      secrets,
    });
    registerSecret(t.access_token, 'token');
    if (t.refresh_token) registerSecret(t.refresh_token, 'token');
    return {
      accessToken: t.access_token,
      tokenType: t.token_type ?? undefined,
      expiresIn: t.expires_in ?? undefined,
      expiresAt: typeof t.expires_in === 'number' ? new Date(issuedAt + t.expires_in * 1000) : undefined,
      refreshToken: t.refresh_token ?? undefined,
      scope: t.scope,
      hostessName: t.hostess_name ?? undefined,
      hostessId: t.hostess_id ?? undefined,
    };
  }

  async function pagedList<S extends z.ZodType>(operation: string, path: string, accessToken: string, schema: S, page = 1): Promise<Page<z.infer<S>>> {
    if (!Number.isInteger(page) || page < 1) throw refuse(operation, 'not sent: page must be a whole number from 1');
    let headers: Headers | undefined;
    const items = await call({
      operation,
      method: 'GET',
      path,
      accessToken,
      query: { page },
      schema: z.array(schema),
      onHeaders: (h) => (headers = h),
    });
    return {
      items,
      page: headerInt(headers, 'x-current-page') ?? page,
      totalPages: headerInt(headers, 'x-total-pages'),
      totalRecords: headerInt(headers, 'x-records'),
    };
  }

  const catalogues = {
    offerCategories: { operation: 'listOfferCategories', path: '/api/offerCategory', schema: OfferCategorySchema },
    offers: { operation: 'listOffers', path: '/api/offer', schema: OfferSchema },
    skus: { operation: 'listSkus', path: '/api/sku', schema: SkuSchema },
  } as const;

  async function listAll(accessToken: string, catalogue: keyof typeof catalogues): Promise<never[]> {
    const { operation, path, schema } = catalogues[catalogue];
    const all: unknown[] = [];
    for (let page = 1; page <= MAX_CATALOGUE_PAGES; page++) {
      const res = await pagedList(operation, path, accessToken, schema, page);
      all.push(...res.items);
      if (res.items.length === 0 || (res.totalPages !== undefined && page >= res.totalPages)) break;
    }
    return all as never[];
  }

  const client: FootprintsClient = {
    requestToken,
    tokenWithPin: (pin) => requestToken({ grantType: 'pin', pin }),
    tokenWithPassword: (username, password) => requestToken({ grantType: 'password', username, password }),
    tokenWithClientCredentials: () => requestToken({ grantType: 'client_credentials' }),

    async addLead(accessToken, input) {
      const params = encode('addLead', () => encodeAddLead(input));
      // The Node sample posts to /api/offerCategory/{id}/lead; the heading and the other three samples to
      // /api/lead, which is what the client uses (offerCategoryId travels in the body).
      const res = await call({
        operation: 'addLead',
        method: 'POST',
        path: '/api/lead',
        accessToken,
        body: form(params),
        schema: CreatedSchema,
        secrets: [input.userEmail, input.userPhone],
      });
      return { id: res._id };
    },

    async updateLead(accessToken, leadId, input) {
      requireId('updateLead', 'leadId', leadId);
      const params = encode('updateLead', () => encodeUpdateLead(input));
      return call({ operation: 'updateLead', method: 'PUT', path: leadPath(leadId), accessToken, body: form(params), schema: LeadSchema });
    },

    async getLeads(accessToken, query) {
      const q = check('getLeads', LeadsQuerySchema, query);
      let headers: Headers | undefined;
      const leads = await call({
        operation: 'getLeads',
        method: 'GET',
        path: '/api/lead',
        accessToken,
        query: { startDate: q.startDate, endDate: q.endDate, pageSize: q.pageSize, page: q.page, appKey: q.appKey },
        schema: LeadListSchema,
        onHeaders: (h) => (headers = h),
      });
      // The docs show no paging headers for leads; when they come they are used, else the page is all we know.
      return {
        leads,
        page: q.page,
        pageSize: q.pageSize,
        totalPages: headerInt(headers, 'x-total-pages'),
        totalRecords: headerInt(headers, 'x-records'),
      };
    },

    async addLeadAction(accessToken, input) {
      const params = encode('addLeadAction', () => encodeLeadAction(input));
      const res = await call({ operation: 'addLeadAction', method: 'POST', path: '/api/lead/action', accessToken, body: form(params), schema: ActionSavedSchema });
      return { id: res._id };
    },

    async updateLeadAction(accessToken, actionId, input) {
      requireId('updateLeadAction', 'actionId', actionId);
      const params = encode('updateLeadAction', () => encodeLeadAction(input));
      const res = await call({
        operation: 'updateLeadAction',
        method: 'PUT',
        path: `/api/lead/action/${encodeURIComponent(actionId)}`,
        accessToken,
        body: form(params),
        schema: ActionSavedSchema,
      });
      return { id: res._id };
    },

    async getLeadActions(accessToken, leadId) {
      requireId('getLeadActions', 'leadId', leadId);
      return call({
        operation: 'getLeadActions',
        method: 'GET',
        path: `/api/lead/actions/${encodeURIComponent(leadId)}`,
        accessToken,
        schema: LeadActionListSchema,
      });
    },

    async getLeadActionTypes(accessToken) {
      // The curl sample of this section points at /api/lead/actions/{{leadId}} (a copy-paste slip); the
      // heading and the other samples say /api/lead/action-types.
      return call({ operation: 'getLeadActionTypes', method: 'GET', path: '/api/lead/action-types', accessToken, schema: LeadActionTypeListSchema });
    },

    async uploadLeadDocuments(accessToken, leadId, documentType, files, opts = {}) {
      const operation = 'uploadLeadDocuments';
      requireId(operation, 'leadId', leadId);
      const type = check(operation, DocumentTypeSchema, documentType);
      if (files.length === 0) throw refuse(operation, 'not sent: no document attached');
      if (files.length > MAX_DOCUMENTS_PER_UPLOAD) {
        throw refuse(operation, `not sent: at most ${MAX_DOCUMENTS_PER_UPLOAD} files per upload (got ${files.length})`);
      }
      const body = new FormData();
      for (const [i, file] of files.entries()) {
        if (file.contentType && file.contentType.split(';')[0].trim().toLowerCase() !== 'application/pdf') {
          throw refuse(operation, `not sent: document ${i + 1} is not a PDF (only application/pdf is allowed)`);
        }
        const bytes = file.content instanceof Blob ? new Uint8Array(await file.content.arrayBuffer()) : toBytes(file.content);
        if (!hasPdfMagic(bytes)) throw refuse(operation, `not sent: document ${i + 1} is not a PDF (it does not start with %PDF-)`);
        body.append('documents', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), baseName(file.fileName));
      }
      if (opts.leadActionId) body.append('leadActionId', opts.leadActionId);
      // The samples set "Content-Type: multipart/form-data" by hand, which drops the boundary; fetch sets
      // the header itself, boundary included.
      const res = await call({
        operation,
        method: 'PUT',
        path: leadPath(leadId, `/${type}`),
        accessToken,
        body: { kind: 'multipart', form: body },
        schema: UploadDocumentsResponseSchema,
      });
      return { uploadedFiles: res.uploaded_files ?? [] };
    },

    async addProspect(accessToken, input) {
      const params = encode('addProspect', () => encodeAddProspect(input));
      const res = await call({
        operation: 'addProspect',
        method: 'POST',
        path: '/api/prospect',
        accessToken,
        body: form(params),
        schema: CreatedSchema,
        secrets: [input.userEmail, input.userPhone],
      });
      return { id: res._id };
    },

    async updateNps(accessToken, leadId, input) {
      requireId('updateNps', 'leadId', leadId);
      const params = encode('updateNps', () => encodeNps(input));
      // The heading says POST; all four samples say PUT, as do the neighbouring lead updates: PUT.
      await call({ operation: 'updateNps', method: 'PUT', path: leadPath(leadId, '/nps'), accessToken, body: form(params), schema: StatusSchema });
    },

    async updateLostLead(accessToken, leadId, input) {
      requireId('updateLostLead', 'leadId', leadId);
      const params = encode('updateLostLead', () => encodeLostLead(input));
      // Records the reason only: the docs' answer still shows "status": "lead", so moving the lead to
      // `lost` is a separate updateLead({status: "lost"}).
      return call({
        operation: 'updateLostLead',
        method: 'PUT',
        path: leadPath(leadId, '/leadLost'),
        accessToken,
        body: form(params),
        schema: LostLeadResponseSchema,
      });
    },

    async getCustomer(accessToken, query) {
      const q = check('getCustomer', CustomerQuerySchema, query);
      try {
        return await call({
          operation: 'getCustomer',
          method: 'GET',
          path: '/api/client',
          accessToken,
          query: 'nationalId' in q ? { nationalId: q.nationalId } : { userEmail: q.userEmail, userPhone: q.userPhone },
          schema: CustomerSchema,
          secrets: 'nationalId' in q ? [q.nationalId] : [q.userEmail, q.userPhone],
        });
      } catch (error) {
        if (error instanceof VendorError && error.status === 404) return null;
        throw error;
      }
    },

    async updateCustomer(accessToken, input) {
      const params = encode('updateCustomer', () => encodeUpdateCustomer(input));
      // The heading reads "PUT {{base_url}} /api/client" (a stray space); the samples use /api/client.
      await call({
        operation: 'updateCustomer',
        method: 'PUT',
        path: '/api/client',
        accessToken,
        body: form(params),
        schema: StatusSchema,
        secrets: [input.userEmail, input.userPhone],
      });
    },

    async deleteCustomer(accessToken, input) {
      const params = encode('deleteCustomer', () => encodeDeleteCustomer(input));
      await call({ operation: 'deleteCustomer', method: 'DELETE', path: '/api/client', accessToken, body: form(params), schema: StatusSchema });
    },

    async getActiveLoyaltyCampaigns(accessToken) {
      const res = await call({
        operation: 'getActiveLoyaltyCampaigns',
        method: 'GET',
        path: '/api/loyaltyCode/active-campaigns',
        accessToken,
        schema: CampaignListResponseSchema,
      });
      return res.campaigns;
    },

    async getLoyaltyCampaigns(accessToken) {
      const res = await call({ operation: 'getLoyaltyCampaigns', method: 'GET', path: '/api/loyaltyCode/campaigns', accessToken, schema: CampaignListResponseSchema });
      return res.campaigns;
    },

    async checkClientCode(accessToken, input) {
      const v = check('checkClientCode', CheckCodeInputSchema, input);
      try {
        return await call({
          operation: 'checkClientCode',
          method: 'POST',
          path: '/api/loyaltyCode/check',
          accessToken,
          body: form(toBracketForm({ userEmail: v.userEmail, userPhone: v.userPhone, campaignInternalId: v.campaignInternalId })),
          schema: CodeCheckResponseSchema,
          secrets: [v.userEmail, v.userPhone],
        });
      } catch (error) {
        if (error instanceof VendorError && error.status === 404) return null;
        throw error;
      }
    },

    async changeCodeStatus(accessToken, input, opts = {}) {
      const v = check('changeCodeStatus', ChangeCodeInputSchema, input);
      const params = encode('changeCodeStatus', () => encodeChangeCode(v));
      await call({
        operation: 'changeCodeStatus',
        method: 'POST',
        path: '/api/loyaltyCode/change',
        accessToken,
        body: form(params),
        schema: StatusSchema,
        secrets: [v.userEmail, v.userPhone],
      });
      if (opts.verify === false) return { code: v.code, status: v.status, verified: false };
      // The docs name no status field (see encodeChangeCode): read the code back so that a vendor which
      // ignored `status` (and, say, redeemed a code staff meant to block) is reported, not hidden.
      const after = await client.checkClientCode(accessToken, {
        userEmail: v.userEmail,
        userPhone: v.userPhone,
        campaignInternalId: v.campaignInternalId,
      });
      if (!after || after.code.toUpperCase() !== v.code.toUpperCase()) return { code: v.code, status: v.status, verified: false };
      if (after.prize_status !== v.status) {
        throw new VendorError(
          {
            vendor: 'footprints',
            operation: 'changeCodeStatus',
            status: 200,
            kind: 'invalid_response',
            retryable: false,
            message: `Footprints accepted the change but reports the code as ${after.prize_status}, not ${v.status}`,
          },
          [...keySecrets, accessToken],
        );
      }
      return { code: v.code, status: after.prize_status, verified: true };
    },

    async listCodes(accessToken, input = {}) {
      const params = encode('listCodes', () => encodeCodeList(input));
      const res = await call({ operation: 'listCodes', method: 'POST', path: '/api/loyaltyCode/list', accessToken, body: form(params), schema: CodeListResponseSchema });
      return { codes: res.clients, page: input.page ?? 1, totalResults: res.totalResults };
    },

    async getPrizeHistory(accessToken, input) {
      const v = check('getPrizeHistory', CodeOwnerSchema, input);
      const res = await call({
        operation: 'getPrizeHistory',
        method: 'POST',
        path: '/api/loyaltyCode/history',
        accessToken,
        body: form(toBracketForm({ userEmail: v.userEmail, userPhone: v.userPhone })),
        schema: PrizeHistoryResponseSchema,
        secrets: [v.userEmail, v.userPhone],
      });
      return res.codes;
    },

    listOfferCategories: (accessToken, opts = {}) => pagedList('listOfferCategories', '/api/offerCategory', accessToken, OfferCategorySchema, opts.page),
    listOffers: (accessToken, opts = {}) => pagedList('listOffers', '/api/offer', accessToken, OfferSchema, opts.page),
    listSkus: (accessToken, opts = {}) => pagedList('listSkus', '/api/sku', accessToken, SkuSchema, opts.page),
    listAll: listAll as FootprintsClient['listAll'],

    listLocations: (accessToken, filter = {}) =>
      call({
        operation: 'listLocations',
        method: 'GET',
        path: '/api/location',
        accessToken,
        query: { country_name: filter.countryName, county_name: filter.countyName },
        schema: z.array(LocationSchema),
      }),
    listOfflineCampaigns: (accessToken) =>
      call({ operation: 'listOfflineCampaigns', method: 'GET', path: '/api/offlineCampaign', accessToken, schema: z.array(OfflineCampaignSchema) }),
    listBusinessUsers: (accessToken) =>
      call({ operation: 'listBusinessUsers', method: 'GET', path: '/api/business-users', accessToken, schema: z.array(BusinessUserSchema) }),
    listChannels: (accessToken) => call({ operation: 'listChannels', method: 'GET', path: '/api/channels', accessToken, schema: z.array(ChannelSchema) }),

    async sendNotification(accessToken, input) {
      const operation = 'sendNotification';
      const { attachment, ...rest } = input;
      const v = check(operation, NotificationInputSchema, rest);
      let attachmentFields: Record<string, string> = {};
      if (attachment) {
        const bytes = toBytes(attachment.content);
        if (!attachment.fileName.toLowerCase().endsWith('.pdf') || !hasPdfMagic(bytes)) {
          throw refuse(operation, 'not sent: the attachment must be a PDF (file types allowed - pdf)');
        }
        attachmentFields = { attachmentFileName: baseName(attachment.fileName), attachmentFileContent: Buffer.from(bytes).toString('base64') };
      }
      const res = await call({
        operation,
        method: 'POST',
        path: '/api/notifications/send',
        accessToken,
        body: form(toBracketForm({ templateKey: v.templateKey, email: v.email, firstName: v.firstName, lastName: v.lastName, ...attachmentFields })),
        schema: NotificationResponseSchema,
        secrets: [v.email],
      });
      return { message: res.message ?? undefined };
    },
  };
  return client;
}
