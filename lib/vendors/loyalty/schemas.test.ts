import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sumEarnedPoints } from './client';
import { LoyaltyErrorSchema, SendActivityResponseSchema, TokenResponseSchema } from './schemas';

const dir = path.join(__dirname, 'fixtures');
const fixture = (name: string): unknown => JSON.parse(readFileSync(path.join(dir, name), 'utf8'));

describe('loyalty fixtures', () => {
  it('the 200 answer parses, and its points sum', () => {
    const parsed = SendActivityResponseSchema.parse(fixture('send-activity-200.json'));
    expect(parsed.activityId).toBe('7247c5dc-3573-470b-9df3-6d2d87e7116e');
    expect(parsed.type).toBe('APP_CHECKIN');
    expect(parsed.earned.XYZ.loyalty).toEqual({ base: 10, bonus: 5, targeted: 0, total: 15 });
    expect(sumEarnedPoints({ XYZ: { loyalty: { base: 10, bonus: 5, targeted: 0, total: 15 } } }).total).toBe(15);
  });

  it('every documented 400 parses with its message and code', () => {
    const files = readdirSync(dir).filter((f) => f.startsWith('send-activity-400-'));
    expect(files).toHaveLength(7);
    const messages = files.map((f) => LoyaltyErrorSchema.parse(fixture(f))).map((e) => {
      expect(e.errorCode).toBe('INVALID_REQUEST');
      expect(e.statusCode).toBe(400);
      return e.errorMessage;
    });
    expect(messages.sort()).toEqual(
      [
        'Action not found',
        'ActivityID already exists',
        'Channel not found',
        'LoyaltyId specified is not associated with this Account',
        'Provided business unit is not valid',
        'Provided businessUnit is disabled',
        'When not found',
      ].sort(),
    );
    for (const f of files) expect(SendActivityResponseSchema.safeParse(fixture(f)).success).toBe(false);
  });
});

describe('loyalty schemas', () => {
  it('accept unknown fields, numeric strings, missing earned; refuse what the page cannot use', () => {
    const parsed = SendActivityResponseSchema.parse({
      activityId: 'a1',
      type: 'SURVEY_RESPONSE',
      extra: true,
      earned: { BU: { loyalty: { base: '5', total: '7', bonus: 2, currency: 'pts' }, tier: { x: 1 } } },
    });
    expect(parsed.earned.BU.loyalty).toMatchObject({ base: 5, bonus: 2, targeted: 0, total: 7 });
    expect(SendActivityResponseSchema.parse({ activityId: 'a1', type: 'X' }).earned).toEqual({});
    expect(SendActivityResponseSchema.safeParse({ activityId: 'a1', type: 'X', earned: { BU: { loyalty: { base: 1 } } } }).success).toBe(false);
    expect(SendActivityResponseSchema.safeParse({ type: 'X' }).success).toBe(false);
    expect(TokenResponseSchema.parse({ access_token: 't', token_type: 'bearer', expires_in: '3600' }).expires_in).toBe(3600);
    expect(TokenResponseSchema.safeParse({ access_token: 't', token_type: 'mac' }).success).toBe(false);
  });
});
