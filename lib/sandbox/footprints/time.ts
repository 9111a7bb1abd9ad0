/**
 * Date handling of the simulated account. The docs mix ISO instants ("2018-12-15T15:28:47.000Z") with
 * wall-clock "Y-m-d H:i:s" strings; the loyalty samples put the same kind of value two hours apart
 * ("2018-12-15 17:28:47" vs "2018-12-15T15:28:47.000Z"), i.e. the wall-clock form is the account's local
 * time in Romania. The simulated account therefore lives in Europe/Bucharest.
 */
export const ACCOUNT_TIMEZONE = 'Europe/Bucharest';

const DAY_MS = 86_400_000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

function parts(date: Date, timeZone: string): Record<string, string> {
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const out: Record<string, string> = {};
  for (const p of fmt.formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** "Y-m-d H:i:s" in the given zone. */
export function wallClock(date: Date, timeZone = ACCOUNT_TIMEZONE): string {
  const p = parts(date, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** "Y-m-d" in the given zone. */
export function wallDate(date: Date, timeZone = ACCOUNT_TIMEZONE): string {
  return wallClock(date, timeZone).slice(0, 10);
}

export const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** A real calendar date "Y-m-d" (rejects 2024-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Reads "Y-m-d H:i:s" as wall-clock time in `timeZone`; undefined when malformed. */
export function fromWallClock(value: string, timeZone = ACCOUNT_TIMEZONE): Date | undefined {
  const m = DATE_TIME_RE.exec(value);
  if (!m || !isCalendarDate(value.slice(0, 10))) return undefined;
  const [h, mi, s] = [Number(m[4]), Number(m[5]), Number(m[6])];
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), h, mi, s);
  // Two passes find the zone's offset at that wall-clock time (DST-safe except inside the skipped hour).
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const p = parts(new Date(guess), timeZone);
    const shown = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
    guess += asUtc - shown;
  }
  return new Date(guess);
}
