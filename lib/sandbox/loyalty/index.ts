import { json, type Simulator } from '../types';
// Placeholder until the loyalty simulator lands (issue 2).
export function createLoyaltySimulator(): Simulator {
  return { handle: async () => json({ message: 'not implemented' }, 501), reset: () => {} };
}
