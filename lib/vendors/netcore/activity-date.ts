/**
 * Netcore's channel-activity dates look like `23 Jul 2018 @3:33pm` or `23 Jul 2018 @11:02am`: a wall-clock
 * time with no zone. They are read in the account's (store's) IANA time zone and turned into an ISO instant,
 * keeping the raw text for the export. Anything unreadable gives null; this module never throws.
 *
 * Pure, browser-safe (Intl only).
 */

export interface ActivityDate {
  /** Exactly what the vendor sent. */
  raw: string;
  /** ISO-8601 instant in UTC (e.g. `2018-07-23T12:33:00.000Z`), or null when `raw` could not be read. */
  instant: string | null;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

const PATTERN = /^\s*(\d{1,2})\s+([A-Za-z]{3,9})\s+(\d{4})\s*@\s*(\d{1,2}):(\d{2})\s*([AaPp][Mm])\s*$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// Building an Intl.DateTimeFormat costs far more than using one, and a lookup reads every activity's date
// (four offsets each): keep one formatter per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    if (formatters.size > 50) formatters.clear();
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset of `timeZone` from UTC at instant `utcMs`, in ms (positive east of Greenwich). */
function zoneOffsetMs(timeZone: string, utcMs: number): number {
  const parts = wallClockFormatter(timeZone).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/**
 * The UTC instant at which the wall clock in `timeZone` shows the given local time. In a DST gap (a time
 * that never happened) the pre-change offset is used; in a DST overlap the earlier instant is chosen.
 */
export function zonedWallTimeToUtc(
  wall: { year: number; month: number; day: number; hour: number; minute: number },
  timeZone: string,
): number {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const before = zoneOffsetMs(timeZone, naive - 86_400_000 / 2);
  const after = zoneOffsetMs(timeZone, naive + 86_400_000 / 2);
  // Try both offsets around this wall time; keep those that reproduce the wall time, earliest first.
  const candidates = [naive - before, naive - after].sort((a, b) => a - b);
  for (const t of candidates) {
    if (t + zoneOffsetMs(timeZone, t) === naive) return t;
  }
  return naive - before;
}

/** `23 Jul 2018 @3:33pm` in `timeZone` → ISO instant; unreadable value or unknown zone → null. */
export function parseActivityDate(raw: string, timeZone: string): string | null {
  try {
    const m = PATTERN.exec(raw);
    if (!m) return null;
    const day = Number(m[1]);
    const month = MONTHS[m[2].toLowerCase()];
    const year = Number(m[3]);
    let hour = Number(m[4]);
    const minute = Number(m[5]);
    const meridiem = m[6].toLowerCase();
    if (!month || day < 1 || day > daysIn(year, month)) return null;
    if (hour < 1 || hour > 12 || minute > 59) return null;
    if (hour === 12) hour = 0;
    if (meridiem === 'pm') hour += 12;
    const ms = zonedWallTimeToUtc({ year, month, day, hour, minute }, timeZone);
    return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
  } catch {
    return null;
  }
}

/** Keeps the raw value beside the instant (what the export shows and what the audit may quote). */
export function readActivityDate(raw: string, timeZone: string): ActivityDate {
  return { raw, instant: parseActivityDate(raw, timeZone) };
}
