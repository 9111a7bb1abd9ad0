/** Issue 11, point 9: database errors, bounded redaction list. */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '@/lib/db';
import { staffMembers } from '@/lib/db/schema';
import { log, MAX_REGISTERED_TOKENS, registerSecret, registeredSecretCount, setLogSink } from './log';
import { redactText, statementName } from './redact';

function capture(fn: () => Promise<void> | void): Promise<string[]> {
  const lines: string[] = [];
  const prev = setLogSink((_level, line) => lines.push(line));
  return Promise.resolve(fn())
    .then(() => lines)
    .finally(() => setLogSink(prev));
}

let handle: DbHandle;
// Migrations take a while on a loaded machine: in the hook (60 s), not the test (30 s).
beforeAll(async () => {
  handle = await createDb({ memory: true });
});
afterAll(async () => handle?.close());

describe('database errors in log lines', () => {
  it('carry the driver code and the statement name, never the SQL parameters (e-mails, phones)', async () => {
    {
      const email = 'ana.popescu.logtest@example.com';
      const phone = '0722999111';
      let thrown: unknown;
      try {
        // kind violates the CHECK constraint: the driver refuses, drizzle wraps it with the params.
        await handle.db.insert(staffMembers).values({ subject: email, kind: 'nope' as 'staff', displayName: phone, username: email });
      } catch (error) {
        thrown = error;
      }
      expect(String((thrown as Error).message)).toContain(email); // what drizzle would have logged
      const lines = await capture(() => log('error', 'test.db', { error: thrown, also: String((thrown as Error).message) }));
      expect(lines).toHaveLength(1);
      expect(lines[0]).not.toContain(email);
      expect(lines[0]).not.toContain(phone);
      const parsed = JSON.parse(lines[0]) as { error: { name: string; code: string; statement: string }; also: string };
      expect(parsed.error).toEqual({ name: 'DatabaseError', code: '23514', statement: 'insert staff_members' });
      expect(parsed.also).toContain('Failed query (insert staff_members)');
    }
  });

  it('names statements by verb and table', () => {
    expect(statementName('select "id" from "outbox_jobs" where "id" = $1')).toBe('select outbox_jobs');
    expect(statementName('update "lead_records" set "status" = $1')).toBe('update lead_records');
    expect(statementName('delete from "role_assignments" where 1')).toBe('delete role_assignments');
    expect(redactText('Failed query: insert into "x" ("email") values ($1)\nparams: a@b.example')).not.toContain('a@b.example');
  });
});

describe('the redaction list', () => {
  it('stays bounded however many tokens are issued, and still scrubs the recent ones and the configuration secrets', async () => {
    registerSecret('config-secret-that-stays-forever');
    for (let i = 0; i < MAX_REGISTERED_TOKENS * 3; i++) registerSecret(`issued-token-${i}-abcdef`, 'token');
    expect(registeredSecretCount().tokens).toBe(MAX_REGISTERED_TOKENS);
    const recent = `issued-token-${MAX_REGISTERED_TOKENS * 3 - 1}-abcdef`;
    const lines = await capture(() => log('info', 'test.tokens', { note: `${recent} and config-secret-that-stays-forever` }));
    expect(lines[0]).not.toContain(recent);
    expect(lines[0]).not.toContain('config-secret-that-stays-forever');
  });
});

describe('the pino logger', () => {
  it("writes one JSON object per line: t, level's label, event, the request's id, then the scrubbed fields", async () => {
    const { runWithRequestId } = await import('@/lib/request-context');
    const lines = await capture(() => runWithRequestId('req-pino-shape-1', () => log('warn', 'test.shape', { n: 3, nested: { password: 'hunter22' } })));
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    const parsed = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(parsed).toEqual({ t: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/), level: 'warn', event: 'test.shape', requestId: 'req-pino-shape-1', n: 3, nested: { password: '[redacted]' } });
  });

  it("pino's redaction adds cookies (a session cookie's name does not say 'token=' to the text nets)", async () => {
    const cookie = 'next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.sessionvalue';
    const lines = await capture(() => log('info', 'test.cookie', { headers: { cookie, 'set-cookie': cookie }, cookie }));
    expect(lines[0]).not.toContain('sessionvalue');
    expect(JSON.parse(lines[0])).toMatchObject({ headers: { cookie: '[redacted]', 'set-cookie': '[redacted]' }, cookie: '[redacted]' });
  });

  it('writes info lines to stdout and warnings and errors to stderr, synchronously, in a real process', () => {
    // process.exit right after: the lines are out only if they were written synchronously.
    const script = "const { log } = require('./lib/log.ts'); log('info', 'child.info', { a: 1 }); log('error', 'child.error', { b: 2 }); log('debug', 'child.debug'); process.exit(0);";
    const out = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8', cwd: process.cwd(), timeout: 30_000 });
    expect(out.status).toBe(0);
    const parse = (text: string) => text.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(parse(out.stdout)).toEqual([expect.objectContaining({ level: 'info', event: 'child.info', a: 1 })]);
    expect(parse(out.stderr)).toEqual([expect.objectContaining({ level: 'error', event: 'child.error', b: 2 })]);
  });
});
