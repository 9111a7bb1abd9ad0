/** Issue 11, point 9: database errors, bounded redaction list. */
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
