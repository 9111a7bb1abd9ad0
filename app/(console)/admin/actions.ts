'use server';

import { z } from 'zod';
import { defineAction, requestLanguage } from '@/lib/auth/action';
import { ROLES } from '@/lib/auth/roles';
import { ConfirmationNeededError, assignRole } from '@/lib/admin/assign-role';
import { assignStores } from '@/lib/admin/assign-stores';
import { listQueue } from '@/lib/admin/queries';
import { resolveCaptureCheck } from '@/lib/admin/resolve-capture-check';
import { retryDeadJob } from '@/lib/admin/retry-dead-job';
import { getConfig } from '@/lib/config';
import { messageIn } from '@/lib/errors';

export const assignRoleAction = defineAction({
  name: 'admin.assignRole',
  permission: 'admin.roles',
  schema: z.object({
    subject: z.string().min(1).max(205),
    role: z.enum(ROLES).nullable(),
    confirmOwnAdminRemoval: z.boolean().optional(),
    /** A person set up by username before their first sign-in (or a Footprints business user not yet signed in). */
    newPerson: z.boolean().optional(),
  }),
  handler: async ({ subject, role, confirmOwnAdminRemoval, newPerson }, { db, actor }) => {
    let sessionsEnded = 0;
    try {
      ({ sessionsEnded } = await assignRole(db, actor, subject, role, { adminUsernames: getConfig().auth.adminUsernames, sandbox: getConfig().sandbox, confirmOwnAdminRemoval, newPerson }));
    } catch (error) {
      // Not a failure: the page asks the admin and sends the change again, confirmed.
      if (error instanceof ConfirmationNeededError || (error instanceof Error && 'needsConfirmation' in error)) return { subject, role, saved: false as const, confirm: messageIn(error, await requestLanguage()), sessionsEnded };
      throw error;
    }
    return { subject, role, saved: true as const, confirm: null, sessionsEnded };
  },
});

const StoresSchema = z.union([z.object({ all: z.literal(true) }), z.object({ all: z.literal(false), locationIds: z.array(z.string().min(1).max(100)).max(500) })]).nullable();

export const assignStoresAction = defineAction({
  name: 'admin.assignStores',
  permission: 'admin.roles',
  schema: z.object({ subject: z.string().min(1).max(205), stores: StoresSchema, newPerson: z.boolean().optional() }),
  handler: async ({ subject, stores, newPerson }, { db, actor }) =>
    assignStores(db, actor, subject, stores, { adminUsernames: getConfig().auth.adminUsernames, sandbox: getConfig().sandbox, newPerson }),
});

export const listQueueAction = defineAction({
  name: 'admin.listQueue',
  permission: 'admin.queue',
  schema: z.object({
    status: z.enum(['queued', 'running', 'done', 'dead', 'needs_person']).optional(),
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

/** "It's this one" (adopt a Footprints lead) / "Send it again" for a capture waiting for a person (issue 13). */
export const resolveCaptureCheckAction = defineAction({
  name: 'admin.resolveCaptureCheck',
  permission: 'admin.queue',
  schema: z.discriminatedUnion('choice', [
    z.object({ jobId: z.string().min(1).max(100), choice: z.literal('adopt'), leadId: z.string().trim().min(1, 'Give the lead id').max(100) }),
    z.object({ jobId: z.string().min(1).max(100), choice: z.literal('resend') }),
  ]),
  handler: async (input, { db, actor }) =>
    resolveCaptureCheck(db, actor, input.jobId, input.choice === 'adopt' ? { choice: 'adopt', leadId: input.leadId } : { choice: 'resend' }),
});
