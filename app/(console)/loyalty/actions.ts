'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/auth/action';
import {
  changeCode,
  checkCode,
  defaultDeskDeps,
  exportCodesCsv,
  getPrizeHistory,
  listCampaigns,
  listCodes,
  retryCheckin,
} from '@/lib/loyalty/desk';
import { BlockCodeSchema, CheckCodeSchema, CodeListFilterSchema, CodeRefSchema, CustomerSchema, RedeemCodeSchema } from '@/lib/loyalty/rules';
import { wakeOutboxWorker } from '@/lib/server-start';

/** The active campaigns, for the picker (hostess, manager). */
export const listActiveCampaignsAction = defineAction({
  name: 'loyalty.listActiveCampaigns',
  permission: 'loyalty.check',
  schema: z.object({ scope: z.literal('active') }),
  handler: async (_input, { session }) => listCampaigns(defaultDeskDeps(), session.accessToken, 'active'),
});

/** Every campaign, past ones included (managers browsing). */
export const listAllCampaignsAction = defineAction({
  name: 'loyalty.listAllCampaigns',
  permission: 'loyalty.listCodes',
  schema: z.object({ scope: z.literal('all') }),
  handler: async (_input, { session }) => listCampaigns(defaultDeskDeps(), session.accessToken, 'all'),
});

export const checkCodeAction = defineAction({
  name: 'loyalty.check',
  permission: 'loyalty.check',
  schema: CheckCodeSchema,
  handler: async (input, { session, db, actor }) => checkCode(db, defaultDeskDeps(), { actor, accessToken: session.accessToken }, input),
});

export const redeemCodeAction = defineAction({
  name: 'loyalty.redeem',
  permission: 'loyalty.redeem',
  schema: RedeemCodeSchema,
  handler: async (input, { session, db, actor }) => {
    const result = await changeCode(db, defaultDeskDeps(), { actor, accessToken: session.accessToken }, { ...input, target: 'redeemed' });
    wakeOutboxWorker();
    return result;
  },
});

export const blockCodeAction = defineAction({
  name: 'loyalty.block',
  permission: 'loyalty.block',
  schema: BlockCodeSchema,
  handler: async (input, { session, db, actor }) =>
    changeCode(db, defaultDeskDeps(), { actor, accessToken: session.accessToken }, { ...input, target: 'blocked' }),
});

/** Sends a redemption's loyalty check-in again when the engine did not answer the first time (never twice). */
export const resendCheckinAction = defineAction({
  name: 'loyalty.resendCheckin',
  permission: 'loyalty.redeem',
  schema: CodeRefSchema,
  handler: async (input, { db }) => retryCheckin(db, input),
});

export const prizeHistoryAction = defineAction({
  name: 'loyalty.history',
  permission: 'loyalty.check',
  schema: CustomerSchema,
  handler: async (input, { session, db, actor }) => getPrizeHistory(db, defaultDeskDeps(), { actor, accessToken: session.accessToken }, input),
});

export const listCodesAction = defineAction({
  name: 'loyalty.listCodes',
  permission: 'loyalty.listCodes',
  schema: CodeListFilterSchema.extend({ page: z.number().int().min(1).max(100_000) }),
  handler: async (input, { session }) => listCodes(defaultDeskDeps(), session.accessToken, input),
});

/** CSV of every code matching the filter, with customers' contact data: managers only, audited. */
export const exportCodesAction = defineAction({
  name: 'loyalty.exportCodes',
  permission: 'loyalty.exportCodes',
  schema: CodeListFilterSchema.omit({ page: true }).extend({ format: z.literal('csv') }),
  handler: async ({ campaignInternalId, searchTerm }, { session, db, actor }) =>
    exportCodesCsv(db, defaultDeskDeps(), { actor, accessToken: session.accessToken }, { campaignInternalId, searchTerm }),
});
