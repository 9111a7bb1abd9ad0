import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import enMessages from '@/messages/en.json';
import roMessages from '@/messages/ro.json';
import { validationErrorMap } from '@/lib/i18n/server-words';
import { BlockCodeSchema, CheckCodeSchema } from './inputs';
import {
  allowedActions,
  BLOCK_REASON_LABELS,
  BLOCK_REASONS,
  campaignPhaseOf,
  checkinActivityIdOf,
  checkinJobKeyOf,
  claimKeyOf,
  CODE_STATE_LABELS,
  CODE_STATES,
  CODE_STATUSES,
  codeStateOf,
  CSV_BOM,
  csvCell,
  ENDED_CAMPAIGN_CHECK_DAYS,
  isExpired,
  loyaltyCorrelationOf,
  netcoreRedeemedKeyOf,
  STATUS_LABELS,
  toCsv,
  whyNotChangeable,
  type NoticeWords,
} from './rules';

const base = { campaignInternalId: 'sdspring01a', email: 'ana.popescu@example.com', phone: '0722000001', code: 'SPRANA01', requestId: 'req-12345678' };


const wordsOf = (locale: 'en' | 'ro'): NoticeWords => {
  const t = createTranslator({ locale, messages: locale === 'en' ? enMessages : roMessages });
  return (kind, values) => t(`loyalty.notices.${kind}`, values);
};
const en = wordsOf('en');
const ro = wordsOf('ro');

describe('which actions a code allows', () => {
  it('redeem and block only for an associated code that has not expired', () => {
    expect(allowedActions('associated', false)).toEqual({ canRedeem: true, canBlock: true });
    expect(allowedActions('associated', true)).toEqual({ canRedeem: false, canBlock: false });
    expect(allowedActions('redeemed', false)).toEqual({ canRedeem: false, canBlock: false });
    expect(allowedActions('blocked', false)).toEqual({ canRedeem: false, canBlock: false });
  });

  it('says why a code cannot be used, each case in its own words', () => {
    expect(whyNotChangeable(en, 'redeemed', false, '12 Mar 2025, 10:00')).toBe('This code was already used: it was redeemed on 12 Mar 2025, 10:00.');
    expect(whyNotChangeable(en, 'blocked', false, null)).toBe('This code is blocked and cannot be used.');
    expect(whyNotChangeable(en, 'associated', true, null)).toBe('This code has expired and can no longer be redeemed.');
    expect(whyNotChangeable(en, 'associated', false, null)).toBeNull();
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
    expect(whyNotChangeable(en, 'associated', false, null, '12 Oct 2026')).toBe('This campaign ended on 12 Oct 2026: its codes can no longer be redeemed.');
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

describe('the words and lists the desk shows, exactly', () => {
  it('statuses, states and their labels', () => {
    expect(CODE_STATUSES).toEqual(['associated', 'redeemed', 'blocked']);
    expect(CODE_STATES).toEqual(['associated', 'redeemed', 'blocked', 'expired', 'campaign_ended']);
    expect(STATUS_LABELS).toEqual({ associated: 'Ready to redeem', redeemed: 'Redeemed', blocked: 'Blocked' });
    expect(CODE_STATE_LABELS).toEqual({
      associated: 'Ready to redeem',
      redeemed: 'Redeemed',
      blocked: 'Blocked',
      expired: 'Expired',
      campaign_ended: 'Campaign ended',
    });
  });

  it('block reasons and their labels', () => {
    expect(BLOCK_REASONS).toEqual(['suspected_abuse', 'customer_request', 'staff_error', 'other']);
    expect(BLOCK_REASON_LABELS).toEqual({
      suspected_abuse: 'Suspected abuse',
      customer_request: 'Customer request',
      staff_error: 'Staff error',
      other: 'Other (write a note)',
    });
  });

  it('why not changeable: each status with and without its date; an ended campaign with and without its day', () => {
    expect(whyNotChangeable(en, 'redeemed', false, null)).toBe('This code was already used: it was redeemed.');
    expect(whyNotChangeable(en, 'redeemed', true, '', '1 Oct 2026')).toBe('This code was already used: it was redeemed.');
    expect(whyNotChangeable(en, 'blocked', true, '3 Mar 2025, 09:15', '1 Oct 2026')).toBe('This code is blocked (since 3 Mar 2025, 09:15) and cannot be used.');
    expect(whyNotChangeable(en, 'associated', true, '3 Mar 2025', '1 Oct 2026')).toBe('This code has expired and can no longer be redeemed.');
    expect(whyNotChangeable(en, 'associated', false, null, '')).toBe('This campaign ended: its codes can no longer be redeemed.');
    expect(whyNotChangeable(en, 'associated', false, '3 Mar 2025', null)).toBeNull();
    // The same reasons in Romanian.
    expect(whyNotChangeable(ro, 'redeemed', false, '12 mar. 2025, 10:00')).toBe('Acest cod a fost deja folosit: premiul a fost acordat pe 12 mar. 2025, 10:00.');
    expect(whyNotChangeable(ro, 'blocked', false, null)).toBe('Acest cod este blocat și nu poate fi folosit.');
    expect(whyNotChangeable(ro, 'associated', true, null)).toBe('Acest cod a expirat și nu mai poate fi folosit.');
    expect(whyNotChangeable(ro, 'associated', false, null, '')).toBe('Această campanie s-a încheiat: codurile ei nu mai pot fi folosite.');
  });

  it('allowed actions follow the state, whatever the other flags', () => {
    expect(allowedActions('associated', false, false)).toEqual({ canRedeem: true, canBlock: true });
    expect(allowedActions('redeemed', false, false)).toEqual({ canRedeem: false, canBlock: false });
    expect(allowedActions('blocked', true, true)).toEqual({ canRedeem: false, canBlock: false });
  });
});

describe('campaign phase and expiry at their edges', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const at = (ms: number) => new Date(now.getTime() + ms);
  const DAY = 86_400_000;

  it('a campaign starting now has started; one ending now is still active', () => {
    expect(campaignPhaseOf({ startDate: now, endDate: at(DAY), expireCodesDate: null }, now)).toBe('active');
    expect(campaignPhaseOf({ startDate: at(1), endDate: at(DAY), expireCodesDate: null }, now)).toBe('not_started');
    expect(campaignPhaseOf({ startDate: null, endDate: now, expireCodesDate: null }, now)).toBe('active');
    expect(campaignPhaseOf({ startDate: null, endDate: at(-1), expireCodesDate: null }, now)).toBe('recently_ended');
  });

  it('the 90-day grace ends inclusively at its last millisecond', () => {
    expect(ENDED_CAMPAIGN_CHECK_DAYS).toBe(90);
    expect(campaignPhaseOf({ startDate: null, endDate: at(-90 * DAY), expireCodesDate: null }, now)).toBe('recently_ended');
    expect(campaignPhaseOf({ startDate: null, endDate: at(-90 * DAY - 1), expireCodesDate: null }, now)).toBe('past');
    // Codes that expire later keep it checkable up to their expiry, inclusive.
    expect(campaignPhaseOf({ startDate: null, endDate: at(-200 * DAY), expireCodesDate: now }, now)).toBe('recently_ended');
    expect(campaignPhaseOf({ startDate: null, endDate: at(-200 * DAY), expireCodesDate: at(-1) }, now)).toBe('past');
    // Codes that expire sooner do not shorten the 90 days.
    expect(campaignPhaseOf({ startDate: null, endDate: at(-89 * DAY), expireCodesDate: at(-60 * DAY) }, now)).toBe('recently_ended');
  });

  it('a code expiring at this very instant is not expired yet', () => {
    expect(isExpired(now, now)).toBe(false);
    expect(isExpired(at(-1), now)).toBe(true);
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
    // As the action door parses: with the staff's words (validationErrorMap), in either language.
    const inEnglish = { error: validationErrorMap('en') };
    expect(BlockCodeSchema.safeParse(base, inEnglish).error?.issues[0]).toMatchObject({ path: ['reason'], message: 'Choose why the code is blocked' });
    expect(BlockCodeSchema.safeParse({ ...base, reason: 'other' }, inEnglish).error?.issues[0]).toMatchObject({ path: ['note'], message: 'Write a short note for “Other”' });
    const inRomanian = { error: validationErrorMap('ro') };
    expect(BlockCodeSchema.safeParse(base, inRomanian).error?.issues[0]).toMatchObject({ path: ['reason'], message: 'Alege de ce este blocat codul' });
    expect(BlockCodeSchema.safeParse({ ...base, reason: 'other' }, inRomanian).error?.issues[0]).toMatchObject({ path: ['note'], message: 'Scrie o notă scurtă pentru „Altul”' });
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

  it('every key, literally: campaign + upper-case code; the member id is the trimmed lower-case e-mail', () => {
    expect(claimKeyOf('sdspring01a', 'spRana01')).toBe('sdspring01a:SPRANA01');
    expect(netcoreRedeemedKeyOf('sdspring01a', 'spRana01')).toBe('netcore:loyalty-code-redeemed:sdspring01a:SPRANA01');
    expect(checkinJobKeyOf('sdspring01a', 'spRana01')).toBe('loyalty:redemption-checkin:sdspring01a:SPRANA01');
    expect(loyaltyCorrelationOf('  Ana.Popescu@Example.COM ')).toBe('ana.popescu@example.com');
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

  it('every formula lead is defused (= + - @ tab CR), only at the start; CR and LF are quoted; empty cells stay empty', () => {
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('a=b+c-d@e')).toBe('a=b+c-d@e');
    expect(csvCell('a\rb')).toBe('"a\rb"');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('')).toBe('');
    expect(csvCell(0)).toBe('0');
    expect(CSV_BOM).toBe('\uFEFF');
    expect(toCsv(['h'], [])).toBe('h\r\n');
    expect(toCsv(['a', 'b'], [['1', '2'], [null, { text: '0722' }]])).toBe('a,b\r\n1,2\r\n,"=""0722"""\r\n');
  });

  it('a text cell is a phone only when it is digits, spaces, + ( ) . - from start to end', () => {
    expect(csvCell({ text: '(0722) 000.001-2' })).toBe('"=""(0722) 000.001-2"""');
    expect(csvCell({ text: '+40722000001' })).toBe('"=""+40722000001"""');
    expect(csvCell({ text: 'tel 0722000001' })).toBe('tel 0722000001');
    expect(csvCell({ text: '0722000001 ext' })).toBe('0722000001 ext');
    expect(csvCell({ text: '0722a01' })).toBe('0722a01');
    expect(csvCell({ text: '++0722' })).toBe("'++0722");
    expect(csvCell({ text: '' })).toBe('');
  });
});
