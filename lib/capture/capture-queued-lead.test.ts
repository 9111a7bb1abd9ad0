import { beforeEach, describe, expect, it, vi } from 'vitest';
import { storesOf } from '@/lib/auth/stores';
import { ValidationError } from '@/lib/errors';
import { emptyCaptureForm } from './form-defaults';
import { issueCaptureTicket } from './capture-ticket';
import type { CaptureDeps, CaptureSession } from './deps';

const captureLead = vi.fn(async () => ({ state: 'sent' as const, footprintsLeadId: 'L-1', submissionId: 's', duplicateRequest: false }));
const recordAudit = vi.fn(async () => undefined);
vi.mock('./capture-lead', () => ({ captureLead: (...args: unknown[]) => captureLead(...(args as [])) }));
vi.mock('@/lib/audit', () => ({ recordAudit: (...args: unknown[]) => recordAudit(...(args as [])) }));

const { captureQueuedLead } = await import('./capture-queued-lead');

const SECRET = 'queued-test-secret-queued-test-secret';
const deps = { ticketSecret: SECRET, timeZone: 'Europe/Bucharest' } as unknown as CaptureDeps;
const sender: CaptureSession = { subject: 'hostess:b', displayName: 'Bianca', kind: 'hostess', device: 'Tablet', accessToken: 'tok', stores: storesOf(['L1']) };
const actor = { type: 'staff', id: 'hostess:b' } as never;
const db = {} as never;
const values = { ...emptyCaptureForm('0b9d5c0e-3a4b-4c4d-8e8f-9a0b1c2d3e4f', 'v1', 'L1'), firstName: 'Ana' };

beforeEach(() => {
  captureLead.mockClear();
  recordAudit.mockClear();
});

describe('captureQueuedLead', () => {
  it("another hostess's capture of the same store: sent with the capturing hostess recorded", async () => {
    const ticket = issueCaptureTicket(SECRET, { subject: 'hostess:a', name: 'Ana Hostess', stores: storesOf(['L1']) });
    await captureQueuedLead(db, deps, sender, actor, { values, ticket });
    expect(captureLead).toHaveBeenCalledWith(db, deps, sender, actor, values, { subject: 'hostess:a', name: 'Ana Hostess' });
  });

  it('her own capture: sent as an online one', async () => {
    const ticket = issueCaptureTicket(SECRET, { subject: 'hostess:b', name: 'Bianca', stores: storesOf(['L1']) });
    await captureQueuedLead(db, deps, sender, actor, { values, ticket });
    expect(captureLead).toHaveBeenCalledWith(db, deps, sender, actor, values);
  });

  it('refuses (audited) a capture of a store the sending session does not work for', async () => {
    const ticket = issueCaptureTicket(SECRET, { subject: 'hostess:a', name: 'Ana', stores: storesOf(['L9']) });
    await expect(captureQueuedLead(db, deps, sender, actor, { values: { ...values, locationId: 'L9' }, ticket })).rejects.toBeInstanceOf(ValidationError);
    expect(captureLead).not.toHaveBeenCalled();
    expect(recordAudit).toHaveBeenCalledWith(db, expect.objectContaining({ outcome: 'refused', detail: { reason: 'other_store', capturedBy: 'hostess:a' } }));
  });

  it('refuses (audited) a forged or missing ticket', async () => {
    const forged = issueCaptureTicket('another-secret-another-secret-another', { subject: 'hostess:a', name: 'Ana', stores: storesOf(['L1']) });
    for (const ticket of [forged, '']) {
      await expect(captureQueuedLead(db, deps, sender, actor, { values, ticket })).rejects.toBeInstanceOf(ValidationError);
    }
    expect(captureLead).not.toHaveBeenCalled();
    expect(recordAudit).toHaveBeenCalledTimes(2);
  });
});
