'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/auth/action';
import { ROLES } from '@/lib/auth/roles';
import { ConfirmationNeededError, assignRole } from '@/lib/admin/assign-role';
import { listQueue } from '@/lib/admin/queries';
import { retryDeadJob } from '@/lib/admin/retry-dead-job';
import { getConfig } from '@/lib/config';

export const assignRoleAction = defineAction({
  name: 'admin.assignRole',
  permission: 'admin.roles',
  schema: z.object({ subject: z.string().min(1).max(200), role: z.enum(ROLES).nullable(), confirmOwnAdminRemoval: z.boolean().optional() }),
  handler: async ({ subject, role, confirmOwnAdminRemoval }, { db, actor }) => {
    try {
      await assignRole(db, actor, subject, role, { adminUsernames: getConfig().auth.adminUsernames, sandbox: getConfig().sandbox, confirmOwnAdminRemoval });
    } catch (error) {
      // Not a failure: the page asks the admin and sends the change again, confirmed.
      if (error instanceof ConfirmationNeededError || (error instanceof Error && 'needsConfirmation' in error)) return { subject, role, saved: false as const, confirm: error.message };
      throw error;
    }
    return { subject, role, saved: true as const, confirm: null };
  },
});

export const listQueueAction = defineAction({
  name: 'admin.listQueue',
  permission: 'admin.queue',
  schema: z.object({
    status: z.enum(['queued', 'running', 'done', 'dead']).optional(),
    page: z.number().int().min(1).max(10_000).default(1),
  }),
  handler: async (input, { db }) => listQueue(db, input),
});

export const retryJobAction = defineAction({
  name: 'admin.retryJob',
  permission: 'admin.queue',
  schema: z.object({ jobId: z.string().min(1).max(100) }),
  handler: async ({ jobId }, { db, actor }) => retryDeadJob(db, actor, jobId),
});
