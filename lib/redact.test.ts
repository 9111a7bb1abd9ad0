import { afterEach, describe, expect, it } from 'vitest';
import { log, registerSecret, setLogSink } from './log';
import { redactDbText, redactText, redactUrl, statementName } from './redact';
import { VendorError } from './vendors/http';

describe('redaction', () => {
  it('blanks secret query parameters in URLs', () => {
    const url = 'https://api.netcoresmartech.com/apiv2?type=contact&activity=addsync&apikey=abc123secretkey&listid=3';
    expect(redactUrl(url)).toBe('https://api.netcoresmartech.com/apiv2?type=contact&activity=addsync&apikey=[redacted]&listid=3');
    expect(redactUrl('http://x/api/lead?access_token=tok-987654')).toBe('http://x/api/lead?access_token=[redacted]');
  });

  it('blanks known values in their plain, URL-encoded and base64 forms, and auth headers', () => {
    const secret = 'k3y:s3cr3t/+=';
    const text = `plain ${secret} enc ${encodeURIComponent(secret)} b64 ${Buffer.from(secret).toString('base64')} hdr Basic Zm9vOmJhcg==`;
    const out = redactText(text, [secret]);
    expect(out).not.toContain(secret);
    expect(out).not.toContain(encodeURIComponent(secret));
    expect(out).not.toContain(Buffer.from(secret).toString('base64'));
    expect(out).not.toContain('Zm9vOmJhcg==');
  });

  it('blanks secret fields in JSON and form bodies (pin, password, tokens)', () => {
    expect(redactText('{"pin":"1234","password":"hunter22","x":1}')).toBe('{"pin":"[redacted]","password":"[redacted]","x":1}');
    expect(redactText('grant_type=pin&pin=1234')).toBe('grant_type=pin&pin=[redacted]');
  });
});

describe('redaction, edge by edge', () => {
  it('leaves text without secrets alone', () => {
    expect(redactText('Stryker was here: nothing secret, pinned=no tokens')).toBe('Stryker was here: nothing secret, pinned=no tokens');
    expect(redactText('plain text', [])).toBe('plain text');
  });

  it('redacts known values of 4 characters and more; ignores shorter, empty and missing ones', () => {
    expect(redactText('code abcd and abc', ['abcd'])).toBe('code [redacted] and abc');
    expect(redactText('code abc and ab', ['abc', '', null, undefined])).toBe('code abc and ab');
    // An empty secret must not split the text into characters.
    expect(redactText('hello', [''])).toBe('hello');
    expect(redactText('wxyz', [null, 'wxyz'])).toBe('[redacted]');
  });

  it('blanks a secret parameter at the start of the text, after a space, a quote, ; or &', () => {
    expect(redactText('pin=1234 rest')).toBe('pin=[redacted] rest');
    expect(redactText('a token=abc "password=ghi')).toBe('a token=[redacted] "password=[redacted]');
    expect(redactText("x;secret=def 'pin=12")).toBe("x;secret=[redacted] 'pin=[redacted]");
    expect(redactText('x?apikey=k1&api_key=k2&refresh_token=r&client_secret=c&authorization=z#frag')).toBe(
      'x?apikey=[redacted]&api_key=[redacted]&refresh_token=[redacted]&client_secret=[redacted]&authorization=[redacted]#frag',
    );
    // A name that merely ends in a secret word is not a secret parameter.
    expect(redactText('spin=3&mypin=4')).toBe('spin=3&mypin=4');
  });

  it('blanks Basic and Bearer credentials of 6+ characters, whatever the spacing, and leaves the scheme', () => {
    expect(redactText('Authorization: Bearer abcdefghij')).toBe('Authorization: Bearer [redacted]');
    expect(redactText('Authorization: Basic   Zm9vOmJhcg==')).toBe('Authorization: Basic [redacted]');
    expect(redactText('Basic abc')).toBe('Basic abc');
    expect(redactText('{"token": "t-1", "api_key":"k"}')).toBe('{"token":"[redacted]", "api_key":"[redacted]"}');
  });
});

describe('database error text', () => {
  const SAFE = '[SQL and parameters not logged]';

  it('keeps only the statement name of a failed query, never its SQL or parameters', () => {
    expect(redactDbText('Failed query: insert into "capture_submissions" ("phone", "email") values ($1, $2)\nparams: 0744 555 111,ana@example.com')).toBe(
      `Failed query (insert capture_submissions) ${SAFE}`,
    );
    // Without a params line (the whole rest of the text is the SQL, across lines).
    expect(redactDbText('Failed query: select "id"\n  from "staff_sessions" where "token" = \'abc\'')).toBe(`Failed query (select staff_sessions) ${SAFE}`);
    // Text before the failed query is kept; text that is no failed query is left alone.
    expect(redactDbText('boom: Failed query: update "leads" set "note" = $1\nparams: x')).toBe(`boom: Failed query (update leads) ${SAFE}`);
    expect(redactDbText('connection refused')).toBe('connection refused');
  });

  it('names the statement from the SQL only: a parameter reading "from Cluj" is no table', () => {
    expect(redactDbText('Failed query: select nextval($1)\nparams: Ana from Cluj,0744 555 222')).toBe(`Failed query (select) ${SAFE}`);
    expect(redactText('Failed query: select 1\nparams: pin=1234')).toBe(`Failed query (select) ${SAFE}`);
  });

  it('statementName: the lower-case verb and the first table, quoted or not, schema or not', () => {
    expect(statementName('INSERT INTO "Leads" ("id") VALUES ($1)')).toBe('insert Leads');
    expect(statementName('  \n select * from   leads_2 where 1')).toBe('select leads_2');
    expect(statementName('select * from public.capture_submissions')).toBe('select capture_submissions');
    expect(statementName('select * from "public"."outbox_jobs"')).toBe('select outbox_jobs');
    expect(statementName('select * from public."staff_sessions"')).toBe('select staff_sessions');
    expect(statementName('select a.id from "lead_records" a join role_assignments r on 1=1')).toBe('select lead_records');
    expect(statementName('update _tmp set x = 1')).toBe('update _tmp');
    expect(statementName('select 1')).toBe('select');
    expect(statementName('(select 1)')).toBe('query');
    expect(statementName('')).toBe('query');
  });
});

describe('VendorError and log lines', () => {
  let lines: string[] = [];
  afterEach(() => {
    lines = [];
  });

  it('never carries a key, a token or a PIN', () => {
    const prev = setLogSink((_level, line) => lines.push(line));
    try {
      registerSecret('registered-vendor-key-1');
      const err = new VendorError(
        {
          vendor: 'netcore',
          operation: 'addContactSync',
          status: 401,
          kind: 'http',
          retryable: false,
          message: 'denied for apikey=registered-vendor-key-1 token tok-live-555 pin=9876',
        },
        ['tok-live-555'],
      );
      expect(err.message).not.toContain('registered-vendor-key-1');
      expect(err.message).not.toContain('tok-live-555');
      expect(err.message).not.toContain('9876');
      log('error', 'test', { error: err, accessToken: 'tok-live-555', note: 'key registered-vendor-key-1', pin: '9876' });
      expect(lines).toHaveLength(1);
      for (const s of ['registered-vendor-key-1', 'tok-live-555', '9876']) expect(lines[0]).not.toContain(s);
      expect(lines[0]).toContain('[redacted]');
    } finally {
      setLogSink(prev);
    }
  });
});
