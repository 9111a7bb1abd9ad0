import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import ro from '@/messages/ro.json';
import { formatCalendarDay } from '@/lib/dates';
import { coverageWords } from './coverage-words';
import {
  CSV_COLUMNS,
  activitiesToCsv,
  buildExportDocument,
  countActivities,
  coverageOf,
  coverageStatement,
  type CsvColumn,
  csvCell,
  mergeActivities,
  parseCsv,
  type ActivityRow,
  type WindowInfo,
} from './results';

const words = (locale: 'en' | 'ro', formatDays = false) =>
  coverageWords(
    createTranslator({ locale, messages: locale === 'en' ? en : ro, namespace: 'report' }),
    formatDays ? (ymd) => formatCalendarDay(ymd, locale) : undefined,
  );

const row = (over: Partial<ActivityRow>): ActivityRow => ({
  channel: 'email',
  activity: 'sent',
  messageId: '462',
  messageName: 'Weekly offers',
  rawDate: '23 Jul 2018 @11:02am',
  at: '2018-07-23T08:02:00.000Z',
  ip: null,
  device: null,
  os: null,
  browser: null,
  link: null,
  ...over,
});

const win = (over: Partial<WindowInfo>): WindowInfo => ({
  id: 'w',
  channel: 'email',
  seq: 0,
  from: '2024-05-01',
  to: '2024-05-07',
  state: 'answered',
  activityCount: 0,
  failureReason: null,
  attempts: 1,
  ...over,
});

describe('mergeActivities', () => {
  it('is the union without duplicates, sorted by activity time', () => {
    const open = row({ activity: 'open', rawDate: '23 Jul 2018 @3:33pm', at: '2018-07-23T12:33:00.000Z', ip: '10.0.0.1' });
    const sent = row({});
    const sms = row({ channel: 'sms', messageId: '7001', rawDate: '22 Jul 2018 @9:00am', at: '2018-07-22T06:00:00.000Z' });
    const unreadable = row({ activity: 'click', rawDate: 'yesterday', at: null });
    const merged = mergeActivities([[open, sent], [sent, sms], [{ ...open }, unreadable]]);
    expect(merged).toEqual([sms, sent, open, unreadable]);
  });

  it('keeps two activities that differ in any field', () => {
    const a = row({ activity: 'click', link: 'https://a.example' });
    const b = row({ activity: 'click', link: 'https://b.example' });
    expect(mergeActivities([[a], [b]])).toHaveLength(2);
  });
});

describe('countActivities', () => {
  it('counts per channel, per type and per channel and type', () => {
    const c = countActivities([row({}), row({ activity: 'open' }), row({ channel: 'sms' }), row({ channel: 'sms', activity: 'delivered' })]);
    expect(c).toEqual({
      total: 4,
      byChannel: { email: 2, sms: 2 },
      byType: { sent: 2, open: 1, delivered: 1 },
      byChannelAndType: { email: { sent: 1, open: 1 }, sms: { sent: 1, delivered: 1 } },
    });
  });
});

describe('coverageOf', () => {
  const windows = [
    win({ id: 'a', seq: 0, from: '2024-05-01', to: '2024-05-07' }),
    win({ id: 'b', seq: 1, from: '2024-05-08', to: '2024-05-14', state: 'failed', failureReason: 'not_answering' }),
    win({ id: 'c', seq: 2, from: '2024-05-15', to: '2024-05-15', state: 'never_asked' }),
    win({ id: 'd', seq: 0, channel: 'sms', state: 'pending' }),
  ];
  it('names the answered, failed and never-asked windows', () => {
    const c = coverageOf(windows);
    expect(c.answered.map((w) => w.id)).toEqual(['a']);
    expect(c.failed.map((w) => w.id)).toEqual(['b']);
    expect(c.notAsked.map((w) => w.id)).toEqual(['c', 'd']);
    expect(c.complete).toBe(false);
    expect(coverageStatement(c, words('en'))).toBe(
      'Windows answered: 1 of 4 — e-mail 2024-05-01 to 2024-05-07. ' +
        'Windows failed: 1 — e-mail 2024-05-08 to 2024-05-14 (Netcore is not answering right now; retry this window in a minute.). ' +
        'Windows never asked: 2 — e-mail 2024-05-15; SMS 2024-05-01 to 2024-05-07.',
    );
  });
  it('is written in the reader’s language, days and failure reasons included (the report for the person)', () => {
    expect(coverageStatement(coverageOf(windows), words('ro', true))).toBe(
      'Ferestre cu răspuns: 1 din 4 — e-mail 01 mai 2024 – 07 mai 2024. ' +
        'Ferestre eșuate: 1 — e-mail 08 mai 2024 – 14 mai 2024 (Netcore nu răspunde acum; reîncercați fereastra peste un minut.). ' +
        'Ferestre necerute: 2 — e-mail 15 mai 2024; SMS 01 mai 2024 – 07 mai 2024.',
    );
    expect(coverageStatement(coverageOf(windows), words('en', true))).toContain('e-mail 01 May 2024 to 07 May 2024');
    // A reason stored before reasons were kinds is shown as it is.
    const legacy = coverageOf([win({ id: 'x', state: 'failed', failureReason: 'Old sentence.' })]);
    expect(coverageStatement(legacy, words('ro'))).toContain('(Old sentence.)');
  });
  it('does not count a window whose rows are not at hand as answered', () => {
    const c = coverageOf([win({ id: 'a' }), win({ id: 'b', seq: 1 })], (id) => id === 'a');
    expect(c.answered.map((w) => w.id)).toEqual(['a']);
    expect(c.notAsked.map((w) => w.id)).toEqual(['b']);
  });
  it('is complete when every window is answered', () => {
    const c = coverageOf([win({ id: 'a' })]);
    expect(c.complete).toBe(true);
    expect(coverageStatement(c, words('en'))).toContain('Windows failed: none. Windows never asked: none.');
    expect(coverageStatement(c, words('ro'))).toBe('Ferestre cu răspuns: 1 din 1 — e-mail 2024-05-01 – 2024-05-07. Ferestre eșuate: niciuna. Ferestre necerute: niciuna.');
  });
});

describe('CSV', () => {
  it('quotes per RFC 4180 and neutralises formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(null)).toBe('');
  });

  it('has one line per row, with store time, UTC instant and raw value; reads back', () => {
    const rows = [
      row({ messageName: 'Offers, "summer"', ip: '10.1.2.3', device: 'MOBILE', os: 'IOS', browser: 'Safari', link: 'https://shop.example.com/o?a=1&b=2' }),
      row({ channel: 'sms', activity: 'delivered', rawDate: '27 Oct 2024 @3:30am', at: '2024-10-27T00:30:00.000Z' }),
    ];
    const csv = activitiesToCsv(rows, 'Europe/Bucharest');
    const parsed = parseCsv(csv);
    expect(parsed[0]).toEqual([...CSV_COLUMNS]);
    expect(parsed).toHaveLength(3);
    expect(parsed[1]).toEqual([
      'email',
      'sent',
      '462',
      'Offers, "summer"',
      '2018-07-23 11:02',
      '2018-07-23T08:02:00.000Z',
      '23 Jul 2018 @11:02am',
      '10.1.2.3',
      'MOBILE',
      'IOS',
      'Safari',
      'https://shop.example.com/o?a=1&b=2',
    ]);
    // The DST overlap: 03:30 local (first occurrence, +3) is 00:30 UTC.
    expect(parsed[2].slice(0, 7)).toEqual(['sms', 'delivered', '462', 'Weekly offers', '2024-10-27 03:30', '2024-10-27T00:30:00.000Z', '27 Oct 2024 @3:30am']);
  });

  it('names its columns in the person’s language, or with the stable English keys; the rows are the same', () => {
    const rows = [row({ messageName: 'Offers' })];
    const headers = (locale: 'en' | 'ro') => createTranslator({ locale, messages: locale === 'en' ? en : ro, namespace: 'report.csv' });
    const named = (locale: 'en' | 'ro') => Object.fromEntries(CSV_COLUMNS.map((k) => [k, headers(locale)(k)])) as Record<CsvColumn, string>;
    const ro_ = parseCsv(activitiesToCsv(rows, 'Europe/Bucharest', named('ro')));
    const en_ = parseCsv(activitiesToCsv(rows, 'Europe/Bucharest', named('en')));
    const keys = parseCsv(activitiesToCsv(rows, 'Europe/Bucharest', 'keys'));
    expect(ro_[0].slice(0, 3)).toEqual(['Canal', 'Tip activitate', 'Id mesaj']);
    expect(ro_[0]).toHaveLength(CSV_COLUMNS.length);
    expect(en_[0].slice(0, 3)).toEqual(['Channel', 'Activity type', 'Message id']);
    expect(keys[0]).toEqual([...CSV_COLUMNS]);
    expect(ro_[1]).toEqual(keys[1]);
    expect(en_[1]).toEqual(keys[1]);
  });
});

describe('buildExportDocument', () => {
  it('holds the envelope, coverage, counts, rows with store time, and the profile', () => {
    const doc = buildExportDocument({
      envelope: {
        reference: 'DSAR-240514-ABCD',
        receivedOn: '2024-05-14',
        dueOn: '2024-06-14',
        producedAt: '2024-05-20T10:00:00.000Z',
        timeZone: 'Europe/Bucharest',
        subject: { email: 'ana@example.com', phone: null },
      },
      period: { from: '2024-05-01', to: '2024-05-07', channels: ['email'] },
      windows: [win({ id: 'a' })],
      rows: [row({})],
      profile: { vendor: 'footprints', found: false, record: null },
      words: words('en'),
    });
    expect(doc.reference).toBe('DSAR-240514-ABCD');
    expect(doc.coverage.answered).toEqual(['e-mail 2024-05-01 to 2024-05-07']);
    expect(doc.coverage.statement).toMatch(/^Windows answered: 1 of 1/);
    expect(doc.coverage.windows.answered.map((w) => w.id)).toEqual(['a']);
    expect(doc.counts.total).toBe(1);
    expect(doc.activities[0]).toMatchObject({ messageId: '462', timeStore: '2018-07-23 11:02', rawDate: '23 Jul 2018 @11:02am' });
    expect(doc.footprintsProfile).toEqual({ vendor: 'footprints', found: false, record: null });
  });
});
