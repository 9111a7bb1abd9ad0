'use server';

import { z } from 'zod';
import { recordAudit } from '@/lib/audit';
import { defineAction } from '@/lib/auth/action';
import { liftLockout } from '@/lib/auth/throttle';

/** An admin lifts a sign-in lockout (a hostess who really forgot her PIN, a tablet a child played with). */
export const liftLockoutAction = defineAction({
  name: 'admin.liftLockout',
  permission: 'admin.security',
  schema: z.object({ key: z.string().min(3).max(320) }),
  handler: async ({ key }, { db, actor }) => {
    const lifted = await liftLockout(db, key);
    await recordAudit(db, { actor, action: 'admin.liftLockout', target: { type: 'sign-in', id: key }, outcome: lifted ? 'success' : 'failure' });
    return { lifted };
  },
});
