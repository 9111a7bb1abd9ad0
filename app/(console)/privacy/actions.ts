'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/auth/action';
import { getConfig } from '@/lib/config';
import { createCaseSchema, listCasesSchema, updateCaseSchema } from '@/lib/privacy/case-rules';
import { createCase, listCases, revealCaseSubject, updateCase } from '@/lib/privacy/cases';
import { lookupRequestSchema } from '@/lib/privacy/lookup-schema';
import { fetchSubjectProfile, getLookup, recordExport, runLookupWindow, startLookup } from '@/lib/privacy/lookups';
import { todayInZone } from '@/lib/dates';
import { getFootprintsClient, getNetcoreClient } from '@/lib/vendors/clients';

// "Today" is the store's calendar date at the moment of the call (the window rule refuses the future).
const storeToday = () => todayInZone(getConfig().storeTimezone);

export const createCaseAction = defineAction({
  name: 'privacy.createCase',
  permission: 'privacy.manage',
  schema: createCaseSchema(storeToday),
  handler: async (input, { db, actor }) => createCase(db, actor, input),
});

export const listCasesAction = defineAction({
  name: 'privacy.listCases',
  permission: 'privacy.view',
  schema: listCasesSchema,
  handler: async (input, { db }) => listCases(db, input, storeToday()),
});

export const updateCaseAction = defineAction({
  name: 'privacy.updateCase',
  permission: 'privacy.manage',
  schema: updateCaseSchema,
  handler: async (input, { db, actor }) => updateCase(db, actor, input),
});

export const revealSubjectAction = defineAction({
  name: 'privacy.reveal',
  permission: 'privacy.reveal',
  schema: z.object({ caseId: z.string().uuid() }),
  handler: async ({ caseId }, { db, actor }) => revealCaseSubject(db, actor, caseId),
});

/** Creates the lookup's windows; the same schema as the form: a single range must be a legal window. */
export const startLookupAction = defineAction({
  name: 'privacy.startLookup',
  permission: 'privacy.lookup',
  schema: lookupRequestSchema(storeToday),
  handler: async (input, { db, actor }) => startLookup(db, actor, input, storeToday()),
});

export const getLookupAction = defineAction({
  name: 'privacy.getLookup',
  permission: 'privacy.view',
  schema: z.object({ lookupId: z.string().uuid() }),
  handler: async ({ lookupId }, { db }) => getLookup(db, lookupId),
});

/**
 * One Netcore window. The browser calls it through POST /privacy/run-window (route.ts beside this file),
 * because Next runs server actions called from the browser one after another, and a split lookup keeps
 * up to three windows in flight. The route calls this very action, so the permission check is the same.
 */
export const runWindowAction = defineAction({
  name: 'privacy.runWindow',
  permission: 'privacy.lookup',
  schema: z.object({ lookupId: z.string().uuid(), windowId: z.string().uuid() }),
  handler: async (input, { db, actor }) => runLookupWindow(db, { netcore: getNetcoreClient() }, actor, input),
});

export const fetchProfileAction = defineAction({
  name: 'privacy.fetchProfile',
  permission: 'privacy.lookup',
  schema: z.object({ caseId: z.string().uuid() }),
  handler: async ({ caseId }, { db, actor, session }) =>
    fetchSubjectProfile(db, { footprints: getFootprintsClient(), accessToken: session.accessToken }, actor, caseId),
});

export const recordExportAction = defineAction({
  name: 'privacy.export',
  permission: 'privacy.export',
  schema: z.object({
    lookupId: z.string().uuid(),
    format: z.enum(['csv', 'json', 'report']),
    rowCount: z.number().int().min(0).max(1_000_000),
    windowsAnswered: z.number().int().min(0).max(1000),
    windowsFailed: z.number().int().min(0).max(1000),
    windowsNeverAsked: z.number().int().min(0).max(1000),
  }),
  handler: async (input, { db, actor }) => recordExport(db, actor, input, getConfig().storeTimezone),
});
