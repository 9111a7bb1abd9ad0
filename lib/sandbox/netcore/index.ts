import { json, type Simulator } from '../types';
// Placeholder until the Netcore simulators land (issue 2).
export function createNetcoreSimulators(): { api: Simulator; activity: Simulator } {
  const stub: Simulator = { handle: async () => json({ message: 'not implemented' }, 501), reset: () => {} };
  return { api: stub, activity: stub };
}
