/** Marketing follow-ups through the sync queue: Netcore activities (batched) and loyalty activities. */
export {
  NETCORE_ACTIVITY_GATHER_MS,
  NETCORE_ACTIVITY_JOB,
  NetcoreRecordRefusedError,
  createActivityUploader,
  enqueueNetcoreActivity,
  netcoreActivityProblem,
  type ActivityUploader,
  type EnqueueNetcoreActivityInput,
  type NetcoreActivityJobPayload,
} from './netcore-activities';
export {
  LOYALTY_ACTIVITY_JOB,
  enqueueLoyaltyActivity,
  type EnqueueLoyaltyActivityInput,
  type LoyaltyActivityJobPayload,
  type LoyaltyActivityResult,
} from './loyalty-activities';
export { registerMarketingHandlers, type MarketingVendors } from './handlers';
