import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ApiErrorSchema,
  ChannelActivitySuccessSchema,
  ContactAddSuccessSchema,
  FailedCountSchema,
  UploadSuccessSchema,
} from './schemas';

const dir = path.join(__dirname, 'fixtures');
const fixture = (name: string): unknown => JSON.parse(readFileSync(path.join(dir, name), 'utf8'));

describe('Netcore fixtures (every sample response in the docs)', () => {
  it('has exactly the five documented samples', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.json')).sort()).toEqual([
      'activity-upload-success.json',
      'channel-activity-success-example.json',
      'channel-activity-success-sample.json',
      'contact-addsync-200.json',
      'contact-addsync-302-duplicate.json',
    ]);
  });

  it('activity upload success: the docs string-of-an-invalid-array failed_count counts two failures', () => {
    const parsed = UploadSuccessSchema.parse(fixture('activity-upload-success.json'));
    expect(parsed.success_count).toBe(1);
    expect(parsed.failed_count?.count).toBe(2);
  });

  it('contact addsync 200 and 302', () => {
    expect(ContactAddSuccessSchema.parse(fixture('contact-addsync-200.json'))).toMatchObject({ requestid: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', result: 'Success' });
    const dup = ApiErrorSchema.parse(fixture('contact-addsync-302-duplicate.json'));
    expect(dup.error_code).toBe(302);
    expect(ContactAddSuccessSchema.safeParse(fixture('contact-addsync-302-duplicate.json')).success).toBe(false);
  });

  it('channel activity: the example and the sample', () => {
    const example = ChannelActivitySuccessSchema.parse(fixture('channel-activity-success-example.json'));
    expect(example.result.channel_activity).toEqual([]);
    const sample = ChannelActivitySuccessSchema.parse(fixture('channel-activity-success-sample.json'));
    expect(sample.result.channel_activity.map((e) => e.activity)).toEqual(['sent', 'open', 'click']);
    expect(sample.result.channel_activity[2]).toMatchObject({ link: 'http://www.cricbuzz.com/[EMAIL]', message_id: 462, browser: 'Google Chrome' });
    expect(sample.result).toMatchObject({ from_date: '19072018', to_date: '23072018', channel: 'email' });
  });
});

describe('failed_count forms', () => {
  it('accepts a number, a numeric string, an array and a string holding an array', () => {
    expect(FailedCountSchema.parse(3).count).toBe(3);
    expect(FailedCountSchema.parse('4').count).toBe(4);
    expect(FailedCountSchema.parse([{ status: 'fail', code: 400, error: 'x', record: {} }])).toEqual({ count: 1, failures: [{ code: '400', error: 'x' }] });
    expect(FailedCountSchema.parse('[{"status":"fail","code":400,"error":"Empty product","record":{"identity":"a@b.c"}}]')).toEqual({
      count: 1,
      failures: [{ code: '400', error: 'Empty product' }],
    });
    expect(FailedCountSchema.parse('[]').count).toBe(0);
  });

  it('refuses what is no count', () => {
    expect(FailedCountSchema.safeParse('many').success).toBe(false);
    expect(FailedCountSchema.safeParse(-1).success).toBe(false);
    expect(UploadSuccessSchema.safeParse({ status: 'success', success_count: '<count>' }).success).toBe(false);
  });
});
