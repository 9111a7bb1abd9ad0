import { afterEach, describe, expect, it } from 'vitest';
import { log, registerSecret, setLogSink } from './log';
import { redactText, redactUrl } from './redact';
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
