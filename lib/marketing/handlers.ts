/**
 * Registers the marketing job kinds with the sync queue. Called once from lib/outbox-handlers.ts; tests
 * pass their own vendor clients (pointed at a sandbox served over HTTP).
 */
import 'server-only';
import { registerBatchHandler, registerHandler } from '@/lib/outbox';
import { getLoyaltyClient } from '@/lib/vendors/clients';
import type { LoyaltyClient } from '@/lib/vendors/loyalty';
import { LOYALTY_ACTIVITY_JOB, LoyaltyActivityJobSchema, createLoyaltyActivityHandler } from './loyalty-activities';
import {
  NETCORE_ACTIVITY_JOB,
  NETCORE_MAX_ACTIVITIES_PER_REQUEST,
  NetcoreActivityJobSchema,
  createNetcoreActivityBatchHandler,
  getActivityUploader,
  type ActivityUploader,
} from './netcore-activities';

export interface MarketingVendors {
  activityUploader: () => ActivityUploader;
  loyalty: () => LoyaltyClient;
}

export function registerMarketingHandlers(vendors: Partial<MarketingVendors> = {}): void {
  const activityUploader = vendors.activityUploader ?? getActivityUploader;
  const loyalty = vendors.loyalty ?? getLoyaltyClient;
  registerBatchHandler(NETCORE_ACTIVITY_JOB, createNetcoreActivityBatchHandler(activityUploader), {
    schema: NetcoreActivityJobSchema,
    maxBatch: NETCORE_MAX_ACTIVITIES_PER_REQUEST,
    vendorCalls: 1, // one upload per batch (an API key, no token call)
  });
  registerHandler(LOYALTY_ACTIVITY_JOB, createLoyaltyActivityHandler(loyalty), { schema: LoyaltyActivityJobSchema, vendorCalls: 2 }); // token + activity
}
