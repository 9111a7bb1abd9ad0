'use server';

import { z } from 'zod';
import { defineAction, requestLanguage } from '@/lib/auth/action';
import { captureLead } from '@/lib/capture/capture-lead';
import { captureQueuedLead } from '@/lib/capture/capture-queued-lead';
import { inStaffLanguage } from '@/lib/capture/capture-words';
import { captureDeps } from '@/lib/capture/deps';
import { recordTabletForgotten } from '@/lib/capture/record-tablet-forgotten';
import { findPossibleDuplicates } from '@/lib/capture/find-possible-duplicates';
import { createCaptureFormSchema, DuplicateQuerySchema } from '@/lib/capture/inputs';
import { listMySubmissionsToday } from '@/lib/capture/queries';
import { todayInZone } from '@/lib/dates';

/** Stores the capture (idempotent on the form's key) and delivers it to Footprints at once; its refusals in the staff's language. */
export const submitCaptureAction = defineAction({
  name: 'capture.submit',
  permission: 'capture.create',
  schema: createCaptureFormSchema(() => todayInZone(captureDeps().timeZone)),
  handler: async (values, { session, db, actor }) => inStaffLanguage(await requestLanguage(), () => captureLead(db, captureDeps(), session, actor, values)),
});

/**
 * A capture the tablet kept while offline (issue 14), sent by the session signed in now, with the capturing
 * hostess's ticket: same store and idempotency as an online capture, her name in the consent proof.
 */
export const submitQueuedCaptureAction = defineAction({
  name: 'capture.submitQueued',
  permission: 'capture.create',
  schema: z.object({ values: createCaptureFormSchema(() => todayInZone(captureDeps().timeZone)), ticket: z.string().max(4000) }),
  handler: async (input, { session, db, actor }) => inStaffLanguage(await requestLanguage(), () => captureQueuedLead(db, captureDeps(), session, actor, input)),
});

/** "Forget this tablet": the discarded captures' count, audited when the tablet is online (issue 14). */
export const recordTabletForgottenAction = defineAction({
  name: 'capture.forgetTablet',
  permission: 'capture.forgetTablet',
  schema: z.object({ deviceId: z.string().max(100), discarded: z.number().int().min(0).max(100_000), forgottenAt: z.string().max(40) }),
  handler: async (input, { db, actor }) => recordTabletForgotten(db, actor, input),
});

/** People captured in the last 90 days with the same e-mail or phone (masked). */
export const checkDuplicatesAction = defineAction({
  name: 'capture.checkDuplicates',
  permission: 'capture.create',
  schema: DuplicateQuerySchema.and(z.object({ idempotencyKey: z.string().max(100).optional() })),
  handler: async ({ email, phone, idempotencyKey }, { db, session }) => findPossibleDuplicates(db, { email, phone }, { excludeIdempotencyKey: idempotencyKey, scope: session.stores }),
});

/** This member of staff's captures today, with their sync state. */
export const mySubmissionsTodayAction = defineAction({
  name: 'capture.mySubmissionsToday',
  permission: 'capture.create',
  schema: z.object({}),
  handler: async (_input, { session, db }) => listMySubmissionsToday(db, session.subject, captureDeps().timeZone),
});
