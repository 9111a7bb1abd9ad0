import { json, type Simulator } from '../types';
// Placeholder until the Footprints simulator lands (issue 2).
export function createFootprintsSimulator(_opts: { leadCount?: number } = {}): Simulator {
  return { handle: async () => json({ message: 'not implemented' }, 501), reset: () => {} };
}
