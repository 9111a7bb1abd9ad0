import { describe, expect, it } from 'vitest';
import { MAX_PERIOD_DAYS, splitIntoWindows, type ActivityWindow } from './windows';

function windowsOf(from: string, to: string): ActivityWindow[] {
  const r = splitIntoWindows({ from, to });
  if (!r.ok) throw new Error(r.message);
  return r.windows;
}

const spans = (ws: ActivityWindow[]) => ws.map((w) => `${w.from}..${w.to}`);

describe('splitIntoWindows', () => {
  it('one day → one window', () => {
    expect(windowsOf('2024-05-10', '2024-05-10')).toEqual([
      { from: '2024-05-10', to: '2024-05-10', fromDate: '10052024', toDate: '10052024', days: 1 },
    ]);
  });

  it('7 days → one window; 8 → 7 + 1', () => {
    expect(spans(windowsOf('2024-05-01', '2024-05-07'))).toEqual(['2024-05-01..2024-05-07']);
    expect(spans(windowsOf('2024-05-01', '2024-05-08'))).toEqual(['2024-05-01..2024-05-07', '2024-05-08..2024-05-08']);
  });

  it('14 days → two full windows; 15 → 7 + 7 + 1', () => {
    expect(spans(windowsOf('2024-05-01', '2024-05-14'))).toEqual(['2024-05-01..2024-05-07', '2024-05-08..2024-05-14']);
    expect(windowsOf('2024-05-01', '2024-05-15').map((w) => w.days)).toEqual([7, 7, 1]);
  });

  it('crosses a year end', () => {
    expect(spans(windowsOf('2023-12-28', '2024-01-05'))).toEqual(['2023-12-28..2024-01-03', '2024-01-04..2024-01-05']);
  });

  it('counts the leap day', () => {
    expect(spans(windowsOf('2024-02-26', '2024-03-04'))).toEqual(['2024-02-26..2024-03-03', '2024-03-04..2024-03-04']);
    expect(spans(windowsOf('2023-02-26', '2023-03-04'))).toEqual(['2023-02-26..2023-03-04']);
  });

  it('is unaffected by a DST change (EU spring forward 2024-03-31, fall back 2024-10-27)', () => {
    expect(spans(windowsOf('2024-03-28', '2024-04-03'))).toEqual(['2024-03-28..2024-04-03']);
    expect(spans(windowsOf('2024-10-25', '2024-11-01'))).toEqual(['2024-10-25..2024-10-31', '2024-11-01..2024-11-01']);
  });

  it('covers a 400-day period exactly, without gap or overlap', () => {
    const ws = windowsOf('2023-01-01', '2024-02-04'); // 400 days
    expect(ws.reduce((n, w) => n + w.days, 0)).toBe(MAX_PERIOD_DAYS);
    expect(ws).toHaveLength(58);
    expect(ws[0].from).toBe('2023-01-01');
    expect(ws.at(-1)?.to).toBe('2024-02-04');
    for (let i = 1; i < ws.length; i++) {
      const prevEnd = new Date(`${ws[i - 1].to}T00:00:00Z`).getTime();
      expect(new Date(`${ws[i].from}T00:00:00Z`).getTime() - prevEnd).toBe(86_400_000);
    }
    expect(ws.every((w) => w.days <= 7 && w.days >= 1)).toBe(true);
  });

  it('refuses longer than 400 days, reversed, malformed, and future periods', () => {
    expect(splitIntoWindows({ from: '2023-01-01', to: '2024-02-05' })).toMatchObject({ ok: false, field: 'to' });
    expect(splitIntoWindows({ from: '2024-01-02', to: '2024-01-01' })).toMatchObject({ ok: false, field: 'to' });
    expect(splitIntoWindows({ from: '2024-02-30', to: '2024-03-01' })).toMatchObject({ ok: false, field: 'from' });
    expect(splitIntoWindows({ from: '2024-01-01', to: '2024-01-10', today: '2024-01-09' })).toMatchObject({ ok: false, field: 'to' });
    expect(splitIntoWindows({ from: '2024-01-01', to: '2024-01-09', today: '2024-01-09' })).toMatchObject({ ok: true, days: 9 });
  });

  it('says what is wrong in words staff can act on, field by field', () => {
    expect(splitIntoWindows({ from: '2024-13-01', to: '2024-01-02' })).toEqual({ ok: false, field: 'from', message: 'The start date is not a real date (YYYY-MM-DD).' });
    expect(splitIntoWindows({ from: '2024-01-01', to: '2024-02-30' })).toEqual({ ok: false, field: 'to', message: 'The end date is not a real date (YYYY-MM-DD).' });
    expect(splitIntoWindows({ from: '2024-01-02', to: '2024-01-01' })).toEqual({ ok: false, field: 'to', message: 'The end date is before the start date.' });
    expect(splitIntoWindows({ from: '2023-01-01', to: '2024-02-05' })).toEqual({ ok: false, field: 'to', message: `A period may cover at most ${MAX_PERIOD_DAYS} days; this one covers 401.` });
    expect(splitIntoWindows({ from: '2024-01-01', to: '2024-01-10', today: '2024-01-09' })).toEqual({ ok: false, field: 'to', message: 'The period reaches into the future.' });
    expect(splitIntoWindows({ from: '2024-01-01', to: '2024-01-02', today: 'not a day' })).toEqual({ ok: false, field: 'to', message: 'The period reaches into the future.' });
  });
});
