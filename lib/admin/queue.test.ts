import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '@/lib/audit';
import { createDb, type DbHandle } from '@/lib/db';
import { ValidationError } from '@/lib/errors';
import { enqueue, getJob, registerHandler, runDueJobs, unregisterHandler } from '@/lib/outbox';
import { listQueue } from './queries';
import { retryDeadJob } from './retry-dead-job';

let handle: DbHandle;
const admin = { id: 'user:admin', name: 'admin', role: 'admin' };

beforeAll(async () => {
  handle = await createDb({ memory: true });
});
afterAll(async () => {
  unregisterHandler('test.refused');
  await handle.close();
});

describe('the sync queue for admins', () => {
  it('lists a dead job with its reason, without its payload, and retries it (audited)', async () => {
    const { db } = handle;
    registerHandler('test.refused', async () => {
      throw new Error('vendor said no');
    });
    const { job } = await enqueue(db, { kind: 'test.refused', idempotencyKey: 'k-1', payload: { userEmail: 'ana@example.com' } });
    await runDueJobs(db, { workerId: 'w', limit: 10 });
    expect((await getJob(db, job.id))?.status).toBe('dead');

    const view = await listQueue(db, { status: 'dead', page: 1 });
    expect(view.counts.dead).toBe(1);
    expect(view.rows).toHaveLength(1);
    expect(view.rows[0]).toMatchObject({ id: job.id, kind: 'test.refused', status: 'dead' });
    expect(view.rows[0].lastError).toContain('vendor said no');
    expect(JSON.stringify(view)).not.toContain('ana@example.com');

    await retryDeadJob(db, admin, job.id);
    const again = await getJob(db, job.id);
    expect(again?.status).toBe('queued');
    expect(again?.attempts).toBe(0);
    const audit = await listAudit(db, { action: 'admin.retryJob', limit: 10, offset: 0 });
    expect(audit.rows[0]).toMatchObject({ actorId: 'user:admin', targetId: job.id, outcome: 'success' });
  });

  it('refuses to retry a job that is not dead, and says why', async () => {
    const { db } = handle;
    const { job } = await enqueue(db, { kind: 'test.waiting', idempotencyKey: 'k-2', payload: {} });
    await expect(retryDeadJob(db, admin, job.id)).rejects.toBeInstanceOf(ValidationError);
    expect((await getJob(db, job.id))?.status).toBe('queued');
  });
});
