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
 *
 * One file per resource (token.ts, leads.ts, customers.ts, loyalty.ts, catalogues.ts, notifications.ts) over
 * one transport (transport.ts); createFootprintsClient puts them together.
 */
import 'server-only';
import { cataloguesApi, type CataloguesApi } from './catalogues';
import { customersApi, type CustomersApi } from './customers';
import { leadsApi, type LeadsApi } from './leads';
import { loyaltyCodesApi, type LoyaltyCodesApi } from './loyalty';
import { notificationsApi, type NotificationsApi } from './notifications';
import type { Lead, LoyaltyCode } from './schemas';
import { tokenApi, type TokenApi } from './token';
import { createFootprintsTransport } from './transport';

export { describeFootprintsError, scrubPersonalData } from './transport';

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

export interface FootprintsClient extends TokenApi, LeadsApi, CustomersApi, LoyaltyCodesApi, CataloguesApi, NotificationsApi {}

export function createFootprintsClient(options: FootprintsClientOptions): FootprintsClient {
  const transport = createFootprintsTransport(options);
  return {
    ...tokenApi(transport),
    ...leadsApi(transport),
    ...customersApi(transport),
    ...loyaltyCodesApi(transport),
    ...cataloguesApi(transport),
    ...notificationsApi(transport),
  };
}
