/**
 * The two Netcore simulators: `api` (apiv2: contact addsync, channel-activity export) and `activity`
 * (v1 activity upload). Each exposes an inspect API for tests beside the Simulator contract.
 */
import { createNetcoreActivitySimulator, type NetcoreActivitySimulator } from './activity';
import { createNetcoreApiSimulator, type NetcoreApiSimulator } from './api';

export type { NetcoreActivitySimulator, NetcoreSandboxActivity, NetcoreUploadRecord, NetcoreActivityErrorBody } from './activity';
export { MAX_ACTIVITIES_PER_REQUEST } from './activity';
export type { NetcoreApiSimulator, NetcoreSandboxContact, NetcoreApiErrorBody } from './api';
export type { SeededChannelEvent, NetcoreChannel } from './seed';
export { NETCORE_SANDBOX_ACCOUNT_TIMEZONE, SEED_DAYS, formatNetcoreActivityDate } from './seed';

export function createNetcoreSimulators(opts: { now?: () => Date } = {}): { api: NetcoreApiSimulator; activity: NetcoreActivitySimulator } {
  return { api: createNetcoreApiSimulator(opts), activity: createNetcoreActivitySimulator(opts) };
}
