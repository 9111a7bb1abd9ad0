import { describe, expect, it, vi } from 'vitest';

const recordAudit = vi.fn(async () => undefined);
vi.mock('@/lib/audit', () => ({ recordAudit: (...args: unknown[]) => recordAudit(...(args as [])) }));
const { recordTabletForgotten } = await import('./record-tablet-forgotten');

describe('recordTabletForgotten', () => {
  it('audits the discard: the tablet, how many, when — nothing of the customers', async () => {
    const actor = { id: 'manager', name: 'Manager', role: 'manager' } as never;
    await recordTabletForgotten({} as never, actor, { deviceId: 'tablet-1', discarded: 3, forgottenAt: '2026-12-04T10:00:00.000Z' });
    expect(recordAudit).toHaveBeenCalledWith(
      {},
      { actor, action: 'capture.forgetTablet', target: { type: 'device', id: 'tablet-1' }, outcome: 'success', detail: { discarded: 3, forgottenAt: '2026-12-04T10:00:00.000Z' } },
    );
  });
});
