/**
 * Issue 13: the lead writes that are not safe to repeat, after a lost answer. Add action is checked against the
 * lead's timeline (found → done once; not there → the failure stands); document upload and NPS cannot be
 * checked, so staff are told the change may have been made, never "nothing was changed". Over real HTTP,
 * with the simulator's "accept, then cut the connection" fault; PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALL_STORES } from '@/lib/auth/stores';
import { listAudit } from '@/lib/audit';
import { openTestDb, testEngines, type TestDb } from '@/lib/db/testing';
import { ConflictError, messageIn } from '@/lib/errors';
import { setLogSink } from '@/lib/log';
import { SANDBOX_FOOTPRINTS_KEY, SANDBOX_FOOTPRINTS_SECRET } from '@/lib/sandbox/demo-staff';
import { FOOTPRINTS_DEMO, type FootprintsSimulator } from '@/lib/sandbox/footprints';
import { startSandboxServer, type RunningSandbox } from '@/lib/sandbox/node-server';
import { createFootprintsClient, type FootprintsClient } from '@/lib/vendors/footprints';
import { VendorError } from '@/lib/vendors/http';
import { ACTION_UNCONFIRMED_MESSAGE, addAction } from './add-action';
import type { LeadDeps } from './deps';
import { NPS_UNCONFIRMED_MESSAGE, recordNps } from './record-nps';
import { syncLeads, syncWindow } from './sync';
import { UPLOAD_UNCONFIRMED_MESSAGE, uploadDocuments } from './upload-documents';

const ZONE = 'Europe/Bucharest';
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const actor = { id: 'user:manager', name: 'Demo Manager', role: 'manager' };
const SALE_LEAD_ID = FOOTPRINTS_DEMO.demoLeadIds[1];

let running: RunningSandbox;
let client: FootprintsClient;
let restoreLog: ReturnType<typeof setLogSink>;
const sim = () => running.sandbox.simulators.footprints as FootprintsSimulator;

beforeAll(async () => {
  restoreLog = setLogSink(() => {});
  running = await startSandboxServer();
  client = createFootprintsClient({ baseUrl: `${running.origin}/sandbox/footprints`, apiKey: SANDBOX_FOOTPRINTS_KEY, apiSecret: SANDBOX_FOOTPRINTS_SECRET, timeoutMs: 5000 });
});
afterAll(async () => {
  await running?.close();
  setLogSink(restoreLog);
});

describe.each(testEngines)('lead writes after a lost answer on %s', (engine) => {
  let tdb: TestDb;
  let deps: LeadDeps;
  beforeAll(async () => {
    tdb = await openTestDb(engine);
  });
  afterAll(async () => {
    await tdb?.dispose();
  });
  beforeEach(async () => {
    running.sandbox.reset();
    const token = await client.tokenWithPassword('manager', 'manager-demo');
    deps = { client, accessToken: token.accessToken, scope: ALL_STORES, timeZone: ZONE };
    await syncLeads(tdb.db, deps, syncWindow(new Date(), ZONE), 'manual');
  });
  const typeId = () => FOOTPRINTS_DEMO.actionTypeIds[0];
  const actionsWith = (detail: string) => sim().listLeadActions(SALE_LEAD_ID).filter((a) => a.actionDetail === detail);

  it('add action: an answer cut after Footprints saved it is found on the timeline, and the action exists once', async () => {
    running.sandbox.setFaults('footprints', { cutCount: 1, match: '/api/lead/action?' });
    const detail = `Cut answer ${engine}`;
    const { id } = await addAction(tdb.db, deps, actor, { leadId: SALE_LEAD_ID, typeId: typeId(), detail, date: '2026-05-10T14:30' });
    const saved = actionsWith(detail);
    expect(saved).toHaveLength(1);
    expect(id).toBe(saved[0]._id);
    const audit = await listAudit(tdb.db, { action: 'leads.addAction', targetId: SALE_LEAD_ID, limit: 5, offset: 0 });
    expect(audit.rows[0]).toMatchObject({ outcome: 'success', detail: expect.objectContaining({ actionId: id }) });
  });

  it('add action: a 500 before Footprints saved anything is checked, and the failure stands (nothing saved)', async () => {
    running.sandbox.setFaults('footprints', { failStatus: 500, failCount: 1, match: '/api/lead/action?' });
    const detail = `Not saved ${engine}`;
    await expect(addAction(tdb.db, deps, actor, { leadId: SALE_LEAD_ID, typeId: typeId(), detail, date: '2026-05-10T14:31' })).rejects.toBeInstanceOf(VendorError);
    expect(actionsWith(detail)).toHaveLength(0);
  });

  it('add action: when the timeline cannot be read either, staff are told it may have been saved', async () => {
    // The add is cut after Footprints saved it, and the timeline read that follows fails too.
    running.sandbox.setFaults('footprints', { cutCount: 1, match: '/api/lead/action?' });
    const detail = `Unknown ${engine}`;
    const attempt = addAction(tdb.db, { ...deps, client: { ...client, getLeadActions: () => Promise.reject(new Error('timeline down')) } }, actor, {
      leadId: SALE_LEAD_ID,
      typeId: typeId(),
      detail,
      date: '2026-05-10T14:32',
    });
    await expect(attempt).rejects.toThrow(ACTION_UNCONFIRMED_MESSAGE);
    await expect(attempt).rejects.toBeInstanceOf(ConflictError);
    expect(actionsWith(detail)).toHaveLength(1);
  });

  it('document upload and NPS: after a lost answer, "it may have arrived", never "nothing was changed"', async () => {
    running.sandbox.setFaults('footprints', { cutCount: 1, match: `/api/lead/${SALE_LEAD_ID}/offers` });
    await expect(
      uploadDocuments(tdb.db, deps, actor, { leadId: SALE_LEAD_ID, documentType: 'offers', files: [{ name: 'quote.pdf', type: 'application/pdf', bytes: PDF }] }),
    ).rejects.toThrow(UPLOAD_UNCONFIRMED_MESSAGE);
    expect(sim().listDocuments(SALE_LEAD_ID).filter((d) => d.filename === 'quote.pdf')).toHaveLength(1);

    running.sandbox.setFaults('footprints', { cutCount: 1, match: `/api/lead/${SALE_LEAD_ID}/nps` });
    const lost = await recordNps(tdb.db, deps, actor, { leadId: SALE_LEAD_ID, score: 7 }).then(() => null, (e: Error) => e);
    expect(lost?.message).toBe(NPS_UNCONFIRMED_MESSAGE);
    // In the manager's language at the action door (issue 16).
    expect(messageIn(lost!, 'ro')).toMatch(/^Footprints nu a confirmat acest scor/);
    // A refusal is still a refusal: nothing was sent, the vendor's error as before.
    running.sandbox.setFaults('footprints', { cutCount: null, failStatus: 400, failCount: 1, match: `/api/lead/${SALE_LEAD_ID}/nps` });
    await expect(recordNps(tdb.db, deps, actor, { leadId: SALE_LEAD_ID, score: 7 })).rejects.toBeInstanceOf(VendorError);
  });
});
