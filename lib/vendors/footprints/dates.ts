/**
 * Footprints speaks three date dialects: "Y-m-d" (query ranges, birthdays), "Y-m-d H:i:s" (createdAt and
 * action dates it accepts; check/update answers), and ISO instants (list answers). The wall-clock form has
 * no zone: the loyalty samples show the same kind of value as "2018-12-15 17:28:47" (check) and
 * "2018-12-15T15:28:47.000Z" (history), two hours apart, i.e. the account's local time (Romania). So every
 * conversion takes the account's IANA zone explicitly.
 */

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

/** "Y-m-d H:i:s" of `date` as a clock in `timeZone` shows it. */
export function formatFootprintsDateTime(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** "Y-m-d" of `date` in `timeZone`. */
export function formatFootprintsDate(date: Date, timeZone: string): string {
  return formatFootprintsDateTime(date, timeZone).slice(0, 10);
}

export const FOOTPRINTS_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
export const FOOTPRINTS_DATE_TIME_RE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** A real calendar day in "Y-m-d" (2024-02-30 is not). */
export function isFootprintsDate(value: string): boolean {
  if (!FOOTPRINTS_DATE_RE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export function isFootprintsDateTime(value: string): boolean {
  if (!FOOTPRINTS_DATE_TIME_RE.test(value) || !isFootprintsDate(value.slice(0, 10))) return false;
  const [h, mi, s] = value.slice(11).split(':').map(Number);
  return h < 24 && mi < 60 && s < 60;
}

/**
 * Reads any date Footprints sends: an ISO instant, "Y-m-d H:i:s" / "Y-m-d" (wall clock in `timeZone`),
 * or the JavaScript Date string of the leads sample ("Fri Oct 21 1960 00:00:00 GMT+0000 (UTC)").
 * Null when unreadable.
 */
export function parseFootprintsDate(value: string | null | undefined, timeZone: string): Date | null {
  if (!value) return null;
  const v = value.trim();
  const wall = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/.exec(v);
  if (wall) {
    if (!isFootprintsDate(v.slice(0, 10))) return null;
    const asUtc = Date.UTC(Number(wall[1]), Number(wall[2]) - 1, Number(wall[3]), Number(wall[4] ?? 0), Number(wall[5] ?? 0), Number(wall[6] ?? 0));
    let guess = asUtc;
    for (let i = 0; i < 2; i++) {
      const p = parts(new Date(guess), timeZone);
      const shown = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
      guess += asUtc - shown;
    }
    return new Date(guess);
  }
  const t = Date.parse(v.replace(/\s*\([^)]*\)\s*$/, ''));
  return Number.isNaN(t) ? null : new Date(t);
}
