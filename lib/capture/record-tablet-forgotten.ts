import 'server-only';
import { recordAudit, type AuditActorRef } from '@/lib/audit';
import type { Db } from '@/lib/db';

export interface TabletForgotten {
  /** The tablet's id (components/capture/ids.ts). */
  deviceId: string;
  /** How many captures waiting on it were discarded. */
  discarded: number;
  /** When the manager confirmed it, on the tablet's clock (ISO). */
  forgottenAt: string;
}

/**
 * "Forget this tablet" (issue 14): a manager discarded the captures waiting on a tablet, possibly offline; the
 * tablet reports it when it is online again, and it is audited (no customer data: only how many).
 */
export async function recordTabletForgotten(db: Db, actor: AuditActorRef, input: TabletForgotten): Promise<{ recorded: true }> {
  await recordAudit(db, {
    actor,
    action: 'capture.forgetTablet',
    target: { type: 'device', id: input.deviceId || 'unknown' },
    outcome: 'success',
    detail: { discarded: input.discarded, forgottenAt: input.forgottenAt },
  });
  return { recorded: true };
}
