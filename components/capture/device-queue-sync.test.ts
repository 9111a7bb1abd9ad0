import { describe, expect, it, vi } from 'vitest';
import { emptyCaptureForm } from '@/lib/capture/form-defaults';
import type { QueuedCapture } from '@/components/offline/device-queue';

const submit = vi.fn();
vi.mock('@/app/(console)/capture/actions', () => ({ submitQueuedCaptureAction: (input: unknown) => submit(input) }));
vi.mock('@/components/data/use-remote-data', () => ({ invalidateRemoteData: () => undefined }));
vi.mock('./my-submissions', () => ({ MY_SUBMISSIONS_KEY: 'k' }));
const { sendQueuedCapture } = await import('./device-queue-sync');

const item: QueuedCapture = {
  key: 'k1',
  values: emptyCaptureForm('k1', 'v1'),
  hostess: { subject: 'hostess:a', name: 'Ana', ticket: 'ticket-a' },
  queuedAt: '2026-12-04T09:00:00Z',
  state: 'waiting',
};

describe('sendQueuedCapture', () => {
  it("sends the capture with its hostess's ticket", async () => {
    submit.mockResolvedValueOnce({ ok: true, data: { state: 'sent', footprintsLeadId: 'L', submissionId: 's', duplicateRequest: false } });
    expect(await sendQueuedCapture(item)).toEqual({ kind: 'delivered' });
    expect(submit).toHaveBeenCalledWith({ values: item.values, ticket: 'ticket-a' });
  });

  it('delivered: the console holds it (sent, waiting for Footprints, or received before under that key)', async () => {
    submit.mockResolvedValueOnce({ ok: true, data: { state: 'waiting', submissionId: 's', duplicateRequest: false } });
    expect(await sendQueuedCapture(item)).toEqual({ kind: 'delivered' });
    submit.mockResolvedValueOnce({ ok: true, data: { state: 'sent', footprintsLeadId: 'L', submissionId: 's', duplicateRequest: true } });
    expect(await sendQueuedCapture(item)).toEqual({ kind: 'delivered' });
  });

  it('refused: a field, the consent text, or Footprints refusing it (with the reason)', async () => {
    submit.mockResolvedValueOnce({ ok: false, error: { code: 'validation', message: 'The consent text has changed.', fieldErrors: { agreeTerms: ['reload'] } } });
    expect(await sendQueuedCapture(item)).toEqual({ kind: 'refused', message: 'The consent text has changed. reload' });
    submit.mockResolvedValueOnce({ ok: true, data: { state: 'rejected', message: 'Footprints refused it', submissionId: 's', duplicateRequest: false } });
    expect(await sendQueuedCapture(item)).toEqual({ kind: 'refused', message: 'Footprints refused it' });
  });

  it('unreachable (stays waiting): no network, session ended, a role without capture, the console failing', async () => {
    submit.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(await sendQueuedCapture(item)).toEqual({ kind: 'unreachable' });
    for (const code of ['unauthenticated', 'forbidden', 'internal', 'rate_limited']) {
      submit.mockResolvedValueOnce({ ok: false, error: { code, message: 'x' } });
      expect(await sendQueuedCapture(item)).toEqual({ kind: 'unreachable' });
    }
  });
});
