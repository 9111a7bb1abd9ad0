import { describe, expect, it } from 'vitest';
import { BlockCodeSchema, CheckCodeSchema } from './inputs';
import {
  allowedActions,
  campaignPhaseOf,
  checkinActivityIdOf,
  codeStateOf,
  CODE_STATE_LABELS,
  csvCell,
  isExpired,
  netcoreRedeemedKeyOf,
  toCsv,
  whyNotChangeable,
} from './rules';

const base = { campaignInternalId: 'sdspring01a', email: 'ana.popescu@example.com', phone: '0722000001', code: 'SPRANA01', requestId: 'req-12345678' };

describe('which actions a code allows', () => {
  it('redeem and block only for an associated code that has not expired', () => {
    expect(allowedActions('associated', false)).toEqual({ canRedeem: true, canBlock: true });
    expect(allowedActions('associated', true)).toEqual({ canRedeem: false, canBlock: false });
    expect(allowedActions('redeemed', false)).toEqual({ canRedeem: false, canBlock: false });
    expect(allowedActions('blocked', false)).toEqual({ canRedeem: false, canBlock: false });
  });

  it('says why a code cannot be used, each case in its own words', () => {
    expect(whyNotChangeable('redeemed', false, '12 Mar 2025, 10:00')).toBe('This code was already used: it was redeemed on 12 Mar 2025, 10:00.');
    expect(whyNotChangeable('blocked', false, null)).toBe('This code is blocked and cannot be used.');
    expect(whyNotChangeable('associated', true, null)).toBe('This code has expired and can no longer be redeemed.');
    expect(whyNotChangeable('associated', false, null)).toBeNull();
  });

  it('the label follows the real state: an expired or ended-campaign code is never "Ready to redeem"', () => {
    expect(codeStateOf('associated', false)).toBe('associated');
    expect(codeStateOf('associated', true)).toBe('expired');
    expect(codeStateOf('associated', false, true)).toBe('campaign_ended');
    expect(codeStateOf('associated', true, true)).toBe('expired');
    expect(codeStateOf('redeemed', true, true)).toBe('redeemed');
    expect(codeStateOf('blocked', true)).toBe('blocked');
    expect(CODE_STATE_LABELS[codeStateOf('associated', true)]).toBe('Expired');
    expect(CODE_STATE_LABELS[codeStateOf('associated', false, true)]).toBe('Campaign ended');
    expect(allowedActions('associated', false, true)).toEqual({ canRedeem: false, canBlock: false });
    expect(whyNotChangeable('associated', false, null, '12 Oct 2026')).toBe('This campaign ended on 12 Oct 2026: its codes can no longer be redeemed.');
  });

  it('a campaign stays checkable after its end while its codes last, or 90 days', () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const day = (n: number) => new Date(now.getTime() + n * 86_400_000);
    expect(campaignPhaseOf({ startDate: day(-10), endDate: day(10), expireCodesDate: day(20) }, now)).toBe('active');
    expect(campaignPhaseOf({ startDate: day(5), endDate: day(10), expireCodesDate: day(20) }, now)).toBe('not_started');
    expect(campaignPhaseOf({ startDate: day(-60), endDate: day(-1), expireCodesDate: day(-30) }, now)).toBe('recently_ended');
    expect(campaignPhaseOf({ startDate: day(-160), endDate: day(-89), expireCodesDate: null }, now)).toBe('recently_ended');
    expect(campaignPhaseOf({ startDate: day(-160), endDate: day(-91), expireCodesDate: day(-80) }, now)).toBe('past');
    expect(campaignPhaseOf({ startDate: day(-400), endDate: day(-200), expireCodesDate: day(3) }, now)).toBe('recently_ended');
    expect(campaignPhaseOf({ startDate: null, endDate: null, expireCodesDate: null }, now)).toBe('active');
  });

  it('expiry: a past date is expired; a missing one is left to Footprints', () => {
    const now = new Date('2025-03-01T10:00:00Z');
    expect(isExpired(new Date('2025-03-01T09:59:59Z'), now)).toBe(true);
    expect(isExpired(new Date('2025-03-01T10:00:01Z'), now)).toBe(false);
    expect(isExpired(null, now)).toBe(false);
  });
});

describe('form schemas', () => {
  it('normalises the customer: e-mail lower case, phone without spaces and dashes', () => {
    expect(CheckCodeSchema.parse({ campaignInternalId: ' sdspring01a ', email: ' Ana.Popescu@Example.com ', phone: '0722 000-001' })).toEqual({
      campaignInternalId: 'sdspring01a',
      email: 'ana.popescu@example.com',
      phone: '0722000001',
    });
    const bad = CheckCodeSchema.safeParse({ campaignInternalId: '', email: 'nope', phone: 'abc' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['campaignInternalId', 'email', 'phone']);
  });

  it('block needs a reason, and a note for “other”', () => {
    expect(BlockCodeSchema.safeParse(base).error?.issues[0]).toMatchObject({ path: ['reason'], message: 'Choose why the code is blocked' });
    expect(BlockCodeSchema.safeParse({ ...base, reason: 'other' }).error?.issues[0]).toMatchObject({ path: ['note'], message: 'Write a short note for “Other”' });
    expect(BlockCodeSchema.safeParse({ ...base, reason: 'other', note: '  ' }).success).toBe(false);
    expect(BlockCodeSchema.parse({ ...base, code: 'spr-ana01', reason: 'customer_request' })).toMatchObject({ code: 'SPR-ANA01', reason: 'customer_request' });
  });
});

describe('keys that make a redemption happen once', () => {
  it('the Netcore idempotency key and the loyalty activity id depend only on campaign and code', () => {
    expect(netcoreRedeemedKeyOf('sdspring01a', 'spRana01')).toBe(netcoreRedeemedKeyOf('sdspring01a', 'SPRANA01'));
    expect(netcoreRedeemedKeyOf('sdspring01a', 'SPRANA01')).not.toBe(netcoreRedeemedKeyOf('sdfamily02b', 'SPRANA01'));
    expect(checkinActivityIdOf('sdspring01a', 'spRana01')).toBe('storedesk-redeem-sdspring01a-SPRANA01');
  });
});

describe('CSV', () => {
  it('keeps phone numbers as text: a leading 0 or + survives a spreadsheet; anything else is a plain cell', () => {
    expect(csvCell({ text: '0722000001' })).toBe('"=""0722000001"""');
    expect(csvCell({ text: '+40 722 000 001' })).toBe('"=""+40 722 000 001"""');
    expect(csvCell({ text: '=HYPERLINK("x")' })).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+40722000001')).toBe("'+40722000001");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell(null)).toBe('');
    expect(csvCell(10)).toBe('10');
    expect(toCsv(['a', 'b'], [['1', 'x\ny']])).toBe('a,b\r\n1,"x\ny"\r\n');
  });
});
