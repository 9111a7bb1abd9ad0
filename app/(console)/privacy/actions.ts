'use server';

import { defineAction } from '@/lib/auth/action';
import { createCase } from '@/lib/privacy/create-case';
import { privacyDeps } from '@/lib/privacy/deps';
import { fetchSubjectProfile } from '@/lib/privacy/fetch-subject-profile';
import {
  CaseRefSchema,
  RecordExportInputSchema,
  RunWindowInputSchema,
  createCaseSchema,
  lookupRequestSchema,
  updateCaseSchema,
} from '@/lib/privacy/inputs';
import { recordExport } from '@/lib/privacy/record-export';
import { revealCaseSubject } from '@/lib/privacy/reveal-case-subject';
import { runLookupWindow } from '@/lib/privacy/run-lookup-window';
import { startLookup } from '@/lib/privacy/start-lookup';
import { updateCase } from '@/lib/privacy/update-case';

// "Today" is the store's calendar date at the moment of the call (the window rule refuses the future).
const storeToday = () => privacyDeps().today();

export const createCaseAction = defineAction({
  name: 'privacy.createCase',
  permission: 'privacy.manage',
  schema: createCaseSchema(storeToday),
  handler: async (input, { db, actor }) => createCase(db, actor, input),
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
  schema: CaseRefSchema,
  handler: async ({ caseId }, { db, actor }) => revealCaseSubject(db, actor, caseId),
});

/** Creates the lookup's windows; the same schema as the form: a single range must be a legal window. */
export const startLookupAction = defineAction({
  name: 'privacy.startLookup',
  permission: 'privacy.lookup',
  schema: lookupRequestSchema(storeToday),
  handler: async (input, { db, actor }) => startLookup(db, actor, input, storeToday()),
});

/**
 * One Netcore window. The browser calls it through POST /privacy/run-window (route.ts beside this file),
 * because Next runs server actions called from the browser one after another, and a split lookup keeps
 * up to three windows in flight. The route calls this very action, so the permission check is the same.
 */
export const runWindowAction = defineAction({
  name: 'privacy.runWindow',
  permission: 'privacy.lookup',
  schema: RunWindowInputSchema,
  handler: async (input, { db, actor }) => runLookupWindow(db, privacyDeps(), actor, input),
});

export const fetchProfileAction = defineAction({
  name: 'privacy.fetchProfile',
  permission: 'privacy.lookup',
  schema: CaseRefSchema,
  handler: async ({ caseId }, { db, actor, session }) => fetchSubjectProfile(db, { ...privacyDeps(), accessToken: session.accessToken }, actor, caseId),
});

export const recordExportAction = defineAction({
  name: 'privacy.export',
  permission: 'privacy.export',
  schema: RecordExportInputSchema,
  handler: async (input, { db, actor }) => recordExport(db, actor, input, privacyDeps().timeZone),
});
