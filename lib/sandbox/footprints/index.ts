/**
 * The Footprints for Retail simulator (see simulator.ts for its behaviour and error shapes, seed.ts for
 * the demo data). Imported only by lib/sandbox/router.ts and tests.
 */
import { createFootprintsSimulatorImpl, type FootprintsSimulator, type FootprintsSimulatorOptions } from './simulator';

export type { CodeSnapshot, FootprintsSimulator, FootprintsSimulatorOptions, FootprintsSimulatorSettings } from './simulator';
export { FOOTPRINTS_DEMO } from './seed';
export { parseUrlEncoded } from './form';
export { ACCOUNT_TIMEZONE } from './time';
export type {
  SimClient,
  SimCodeStatus,
  SimDocument,
  SimLead,
  SimLeadAction,
  SimLeadStatus,
  SimNotification,
  SimNps,
  SimToken,
} from './state';

export function createFootprintsSimulator(opts: FootprintsSimulatorOptions = {}): FootprintsSimulator {
  return createFootprintsSimulatorImpl(opts);
}
