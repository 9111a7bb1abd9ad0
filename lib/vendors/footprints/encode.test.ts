/** The bodies the client sends, byte for byte where the docs are specific. */
import { describe, expect, it } from 'vitest';
import { formatFootprintsDate, formatFootprintsDateTime, parseFootprintsDate } from './dates';
import {
  CAPTURE_KEY_DETAIL,
  captureKeyOfLead,
  encodeAddLead,
  encodeAddProspect,
  encodeChangeCode,
  encodeCodeList,
  encodeDeleteCustomer,
  encodeLeadAction,
  encodeLostLead,
  encodeNps,
  encodeUpdateCustomer,
  encodeUpdateLead,
} from './encode';

const decoded = (p: URLSearchParams) => [...p.entries()];

describe('encoders', () => {
  it('add lead: bracket notation, "true"/"false", the documented misspelling, custom variables last', () => {
    const p = encodeAddLead({
      userFirstName: 'Test',
      userEmail: 'test@test.com',
      userFamilyDetails: 'single',
      tags: ['tagName1', 'tagName2'],
      marketingChannels: [{ channel: 'sms', type: 'owner', agreed: true }],
      customDetails: { offerDetails: 'Lorem', vouchers: { shopId: 1, shopName: 'sn' } },
      agreeTandc: false,
      createdAt: '2021-01-12 06:42:55',
      timezone: 'America/Los_Angeles',
      customVariables: { preferredStore: 'Cluj' },
    });
    expect(decoded(p)).toEqual([
      ['userFirstName', 'Test'],
      ['userEmail', 'test@test.com'],
      ['userFamilyDetalis', 'single'],
      ['tags[0]', 'tagName1'],
      ['tags[1]', 'tagName2'],
      ['createdAt', '2021-01-12 06:42:55'],
      ['timezone', 'America/Los_Angeles'],
      ['marketingChannels[0][channel]', 'sms'],
      ['marketingChannels[0][type]', 'owner'],
      ['marketingChannels[0][agreed]', 'true'],
      ['customDetails[offerDetails]', 'Lorem'],
      ['customDetails[vouchers][shopId]', '1'],
      ['customDetails[vouchers][shopName]', 'sn'],
      ['agreeTandc', 'false'],
      ['preferredStore', 'Cluj'],
    ]);
    expect(p.toString()).not.toContain('userFamilyDetails');
  });

  it('add lead: the capture key travels in customDetails, beside createdAt and the caller\'s own details', () => {
    const p = encodeAddLead({
      userEmail: 'test@test.com',
      createdAt: '2026-12-04 10:11:12',
      timezone: 'Europe/Bucharest',
      customDetails: { offerDetails: 'Lorem', [CAPTURE_KEY_DETAIL]: 'not this one' },
      captureKey: 'form-key-1',
    });
    expect(decoded(p)).toEqual([
      ['userEmail', 'test@test.com'],
      ['createdAt', '2026-12-04 10:11:12'],
      ['timezone', 'Europe/Bucharest'],
      ['customDetails[offerDetails]', 'Lorem'],
      ['customDetails[storedeskCaptureKey]', 'form-key-1'],
    ]);
    expect(p.toString()).not.toContain('captureKey=');
    expect(captureKeyOfLead({ customDetails: { storedeskCaptureKey: 'form-key-1' } })).toBe('form-key-1');
    expect(captureKeyOfLead({ customDetails: 'x' })).toBeUndefined();
    expect(captureKeyOfLead({})).toBeUndefined();
  });

  it('update lead: contract fields flattened, only with status customer', () => {
    expect(decoded(encodeUpdateLead({ status: 'sale_lead' }))).toEqual([['status', 'sale_lead']]);
    expect(decoded(encodeUpdateLead({ status: 'customer', contract: { contractNumber: 'C-1', contractValue: 100, contractDate: '2025-03-01' } }))).toEqual([
      ['status', 'customer'],
      ['contractNumber', 'C-1'],
      ['contractValue', '100'],
      ['contractDate', '2025-03-01'],
    ]);
    expect(() => encodeUpdateLead({} as never)).toThrow(/nothing to update/);
  });

  it('NPS and lost lead send `comment` (not the samples\' `comment ` with a trailing space)', () => {
    expect(encodeNps({ nps: 10, comment: 'test' }).toString()).toBe('nps=10&comment=test');
    expect(encodeLostLead({ reasonLost: 'price_too_high', comment: 'test' }).toString()).toBe('reasonLost=price_too_high&comment=test');
    expect(encodeLostLead({ reasonLost: 'other' }).toString()).toBe('reasonLost=other');
  });

  it('lead action as the sample', () => {
    expect(encodeLeadAction({ leadId: 'L', leadActionTypeId: 'T', actionDetail: 'description', date: '2021-01-12 06:42:55' }).toString()).toBe(
      'leadId=L&leadActionTypeId=T&actionDetail=description&date=2021-01-12+06%3A42%3A55',
    );
    expect(() => encodeLeadAction({ leadId: 'L', leadActionTypeId: 'T', date: '2021-01-12T06:42:55Z' })).toThrow();
  });

  it('prospect sends the empty avandor fields every sample sends', () => {
    expect(encodeAddProspect({ userFirstName: 'Mihai', userPhone: '+075364628484' }).toString()).toBe(
      'userFirstName=Mihai&userPhone=%2B075364628484&avandorUserId=&avandorSession=',
    );
  });

  it('customer update, delete', () => {
    expect(decoded(encodeUpdateCustomer({ userEmail: 'a@b.ro', userPhone: '07', kidsAge: [6, 14], interests: ['books'], userFamilyDetails: 'married' }))).toEqual([
      ['userEmail', 'a@b.ro'],
      ['userPhone', '07'],
      ['userFamilyDetalis', 'married'],
      ['interests[0]', 'books'],
      ['kidsAge[0]', '6'],
      ['kidsAge[1]', '14'],
    ]);
    expect(encodeDeleteCustomer({ userExternalId: '2446456' }).toString()).toBe('userExternalId=2446456');
  });

  it('loyalty change states the wanted status; the list sends searchTerm and page as the sample', () => {
    expect(encodeChangeCode({ userEmail: 'mihai@popescu.com', userPhone: '+075364628484', campaignInternalId: 'msyfms5a9sd2', code: 'XFSTWK98HG', status: 'blocked' }).toString()).toBe(
      'userEmail=mihai%40popescu.com&userPhone=%2B075364628484&campaignInternalId=msyfms5a9sd2&code=XFSTWK98HG&status=blocked',
    );
    expect(encodeCodeList({ campaignInternalId: 'e2h11c3its' }).toString()).toBe('campaignInternalId=e2h11c3its&searchTerm=&page=1');
    expect(encodeCodeList({}).toString()).toBe('searchTerm=&page=1');
  });
});

describe('dates', () => {
  it('formats and reads wall-clock times in a zone', () => {
    const instant = new Date('2025-07-01T21:30:00Z');
    expect(formatFootprintsDateTime(instant, 'Europe/Bucharest')).toBe('2025-07-02 00:30:00');
    expect(formatFootprintsDate(instant, 'Europe/Bucharest')).toBe('2025-07-02');
    expect(parseFootprintsDate('2025-07-02 00:30:00', 'Europe/Bucharest')?.toISOString()).toBe('2025-07-01T21:30:00.000Z');
    expect(parseFootprintsDate('2018-09-24T19:00:00.000Z', 'Europe/Bucharest')?.toISOString()).toBe('2018-09-24T19:00:00.000Z');
    expect(parseFootprintsDate('2025-02-30 10:00:00', 'UTC')).toBeNull();
    expect(parseFootprintsDate('soon', 'UTC')).toBeNull();
  });
});
