/** Marketing follow-ups through the sync queue: Netcore activities (batched) and loyalty activities. */
export {
  NETCORE_ACTIVITY_GATHER_MS,
  NETCORE_ACTIVITY_JOB,
  NetcoreRecordRefusedError,
  createActivityUploader,
  netcoreActivityProblem,
  type ActivityUploader,
  type NetcoreActivityJobPayload,
} from './netcore-activities';
export { enqueueNetcoreActivity, type EnqueueNetcoreActivityInput } from './enqueue-netcore-activity';
export { enqueueLoyaltyActivity, type EnqueueLoyaltyActivityInput } from './enqueue-loyalty-activity';
export {
  LOYALTY_ACTIVITY_JOB,
  type LoyaltyActivityJobPayload,
  type LoyaltyActivityResult,
} from './loyalty-activities';
export { registerMarketingHandlers, type MarketingVendors } from './handlers';
