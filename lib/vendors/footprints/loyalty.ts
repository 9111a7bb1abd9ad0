/** Loyalty codes: campaigns, a customer's code, its status change, the code list and prize history. */
import 'server-only';
import { toBracketForm, VendorError } from '@/lib/vendors/http';
import type { CodeListPage } from './client';
import {
  ChangeCodeInputSchema,
  CheckCodeInputSchema,
  CodeOwnerSchema,
  encodeChangeCode,
  encodeCodeList,
  type ChangeCodeInput,
  type CheckCodeInput,
  type CodeListInput,
  type PrizeHistoryInput,
} from './encode';
import {
  CampaignListResponseSchema,
  CodeCheckResponseSchema,
  CodeListResponseSchema,
  PrizeHistoryResponseSchema,
  StatusSchema,
  type Campaign,
  type CodeCheckResponse,
  type PrizeHistoryEntry,
} from './schemas';
import type { FootprintsTransport } from './transport';

export interface LoyaltyCodesApi {
  getActiveLoyaltyCampaigns(accessToken: string): Promise<Campaign[]>;
  getLoyaltyCampaigns(accessToken: string): Promise<Campaign[]>;
  /** Null when the client has no code in that campaign (404). */
  checkClientCode(accessToken: string, input: CheckCodeInput): Promise<CodeCheckResponse | null>;
  changeCodeStatus(accessToken: string, input: ChangeCodeInput): Promise<void>;
  listCodes(accessToken: string, input?: CodeListInput): Promise<CodeListPage>;
  getPrizeHistory(accessToken: string, input: PrizeHistoryInput): Promise<PrizeHistoryEntry[]>;
}

export function loyaltyCodesApi(t: FootprintsTransport): LoyaltyCodesApi {
  const { call, check, encode, form } = t;
  return {
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

    // Safe to repeat in effect: it sets a code to a status (redeemed, blocked); a second call finds it there (or
    // refuses 409). A lost answer is checked by reading the code back (lib/loyalty/change-code.ts), and the
    // console's claim row keeps one staff request from changing a code twice.
    // Answers only {status: "success"}, and the docs name no status field (see encodeChangeCode): a caller
    // confirms the change by reading the code back with checkClientCode (lib/loyalty/change-code.ts does).
    async changeCodeStatus(accessToken, input) {
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
  };
}
