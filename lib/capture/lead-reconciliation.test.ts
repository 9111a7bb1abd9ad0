/** How a capture is found again in Footprints' list after a lost answer (issue 13): the decision alone, from lists. */
import { describe, expect, it } from 'vitest';
import type { Lead } from '@/lib/vendors/footprints/schemas';
import { isListable, reconcileCapture, type CaptureToFind } from './lead-reconciliation';

const capturedAt = '2026-12-04T08:30:15.400Z';
const complete = { locationId: 'l1', offerCategoryId: 'c1', offerId: 'o1', consultantId: 'u1' };
const capture = (addLead: Record<string, unknown> = {}): CaptureToFind => ({
  idempotencyKey: 'key-1',
  capturedAt,
  addLead: { userEmail: 'Ana@Example.com', userPhone: '+40 721 000 111', timezone: 'Europe/Bucharest', ...complete, ...addLead },
});
let seq = 0;
const lead = (over: Partial<Lead> & Record<string, unknown> = {}): Lead =>
  ({ _id: `lead${++seq}`, status: 'lead', userFirstName: 'Ana', userLastName: 'Popescu', createdAt: '2026-12-04T08:30:15.000Z', ...complete, ...over }) as Lead;

describe('finding a capture in the lead list', () => {
  it('by its key in customDetails; the oldest when an earlier blind retry made two', () => {
    const a = lead({ customDetails: { storedeskCaptureKey: 'key-1' }, createdAt: '2026-12-04T08:30:16.000Z' });
    const b = lead({ customDetails: { storedeskCaptureKey: 'key-1' }, createdAt: '2026-12-04T08:30:15.000Z' });
    expect(reconcileCapture(capture(), [lead(), a, b])).toEqual({ outcome: 'found', leadId: b._id, by: 'key', duplicates: [a._id] });
  });

  it('else by e-mail or phone with createdAt to the second; never a lead carrying another capture\'s key', () => {
    const byMail = lead({ userEmail: 'ana@example.com' });
    expect(reconcileCapture(capture(), [byMail])).toMatchObject({ outcome: 'found', leadId: byMail._id, by: 'contact' });
    const byPhone = lead({ userPhone: '0721 000 111' });
    expect(reconcileCapture(capture(), [byPhone])).toMatchObject({ outcome: 'found', leadId: byPhone._id, by: 'contact' });
    const otherCapture = lead({ userEmail: 'ana@example.com', customDetails: { storedeskCaptureKey: 'key-2' } });
    expect(reconcileCapture(capture(), [otherCapture])).toEqual({ outcome: 'absent' });
    // Same person, another second: another capture.
    expect(reconcileCapture(capture(), [lead({ userEmail: 'ana@example.com', createdAt: '2026-12-04T08:30:17.000Z' })])).toEqual({ outcome: 'absent' });
  });

  it('several leads with the same contact and second: a person chooses, and sees them masked', () => {
    const one = lead({ userEmail: 'ana@example.com' });
    const two = lead({ userPhone: '0721000111' });
    const r = reconcileCapture(capture(), [one, two]);
    expect(r.outcome).toBe('undecidable');
    if (r.outcome !== 'undecidable') return;
    expect(r.reason).toBe('several_matches');
    expect(r.candidates.map((c) => c.id)).toEqual([one._id, two._id]);
    expect(r.candidates[0]).toMatchObject({ name: 'Ana Popescu', maskedEmail: 'a•••@example.com', matchedOn: ['email', 'time'], createdAt: '2026-12-04T08:30:15.000Z' });
    expect(r.candidates[1]).toMatchObject({ maskedPhone: '••• ••• 111', matchedOn: ['phone', 'time'] });
    expect(JSON.stringify(r)).not.toContain('ana@example.com');
  });

  it('not in the list: absent when the list could show it, undecidable when it could not (no store, category, offer or consultant)', () => {
    expect(reconcileCapture(capture(), [lead()])).toEqual({ outcome: 'absent' });
    for (const missing of ['locationId', 'offerCategoryId', 'offerId', 'consultantId']) {
      const c = capture({ [missing]: undefined });
      expect(isListable(c.addLead), missing).toBe(false);
      expect(reconcileCapture(c, []), missing).toEqual({ outcome: 'undecidable', reason: 'not_listable', candidates: [] });
    }
  });
});
