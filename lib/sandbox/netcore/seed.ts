/**
 * Seeded channel activity of the demo data subjects (lib/sandbox/demo-people.ts) at the Netcore simulator:
 * every person has e-mail and SMS activity across the last 90 days, a few messages a week, from a
 * deterministic PRNG, with instants relative to `now` (so a privacy case always finds recent data).
 */
import { DEMO_PEOPLE } from '../demo-people';
import { mulberry32 } from '../random';

/** The sandbox Netcore account's time zone: activity_date values are wall-clock times in this zone. */
export const NETCORE_SANDBOX_ACCOUNT_TIMEZONE = 'Europe/Bucharest';

/** How far back the seeded activity goes. */
export const SEED_DAYS = 90;

export type NetcoreChannel = 'email' | 'sms';

export interface SeededChannelEvent {
  /** The contact's primary key (EMAIL). */
  primaryKey: string;
  mobile: string;
  channel: NetcoreChannel;
  activity: 'sent' | 'delivered' | 'open' | 'click' | 'bounce' | 'failed';
  messageId: number;
  messageName: string;
  at: Date;
  ip?: string;
  link?: string;
  device?: string;
  os?: string;
  browser?: string;
}


function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const EMAIL_CAMPAIGNS = ['Weekly offers', 'New collection preview', 'Loyalty points reminder', 'Store event invitation', 'Thank you for your visit'];
const SMS_CAMPAIGNS = ['Flash sale today', 'Your loyalty code', 'Store opening hours', 'Appointment reminder'];
const DEVICES = [
  { device: 'DESKTOP', os: 'WINDOWS', browser: 'Google Chrome' },
  { device: 'MOBILE', os: 'ANDROID', browser: 'Google Chrome' },
  { device: 'MOBILE', os: 'IOS', browser: 'Safari' },
  { device: 'DESKTOP', os: 'UNIX', browser: 'Mozilla Firefox' },
];

const MINUTE = 60_000;
const DAY = 86_400_000;

export function seedChannelActivity(now: Date): SeededChannelEvent[] {
  const events: SeededChannelEvent[] = [];
  const nowMs = now.getTime();
  DEMO_PEOPLE.forEach((person, personIndex) => {
    for (const channel of ['email', 'sms'] as const) {
      const rng = mulberry32(hash(`${person.email}|${channel}`));
      const pick = <T,>(list: readonly T[]) => list[Math.floor(rng() * list.length)];
      const weeks = Math.ceil(SEED_DAYS / 7);
      for (let week = 0; week < weeks; week++) {
        const perWeek = channel === 'email' ? 2 + Math.floor(rng() * 2) : 1 + Math.floor(rng() * 2);
        for (let k = 0; k < perWeek; k++) {
          // Days back from now (0..89), then a minute of the day: a send some time in the past.
          const daysBack = Math.min(SEED_DAYS - 1, week * 7 + Math.floor(rng() * 7));
          const sentAt = nowMs - daysBack * DAY - Math.floor(rng() * 10 * 60) * MINUTE - 30 * MINUTE;
          const campaign = pick(channel === 'email' ? EMAIL_CAMPAIGNS : SMS_CAMPAIGNS);
          const messageId = (channel === 'email' ? 4000 : 7000) + week * 10 + k;
          const base = {
            primaryKey: person.email,
            mobile: person.phone,
            channel,
            messageId,
            messageName: `${campaign} (week ${weeks - week})`,
          };
          const add = (activity: SeededChannelEvent['activity'], at: number, extra: Partial<SeededChannelEvent> = {}) => {
            if (at <= nowMs) events.push({ ...base, activity, at: new Date(at), ...extra });
          };
          add('sent', sentAt);
          if (channel === 'email') {
            if (rng() < 0.05) {
              add('bounce', sentAt + 2 * MINUTE);
              continue;
            }
            add('delivered', sentAt + MINUTE);
            if (rng() < 0.65) {
              const dev = pick(DEVICES);
              const ip = `10.${20 + personIndex}.${Math.floor(rng() * 250)}.${1 + Math.floor(rng() * 250)}`;
              const openAt = sentAt + (5 + Math.floor(rng() * 20 * 60)) * MINUTE;
              add('open', openAt, { ip, ...dev });
              if (rng() < 0.4) {
                add('click', openAt + (1 + Math.floor(rng() * 15)) * MINUTE, {
                  ip,
                  link: `https://shop.example.com/offers/${messageId}`,
                  ...dev,
                });
              }
            }
          } else {
            if (rng() < 0.08) {
              add('failed', sentAt + MINUTE);
              continue;
            }
            add('delivered', sentAt + MINUTE);
            if (rng() < 0.2) add('click', sentAt + (3 + Math.floor(rng() * 120)) * MINUTE, { link: `https://shop.example.com/s/${messageId}` });
          }
        }
      }
    }
  });
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function wallParts(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute') };
}

/** Netcore's display form, e.g. `23 Jul 2018 @3:33pm`, in the account's zone (day zero-padded, hour not). */
export function formatNetcoreActivityDate(at: Date, timeZone: string): string {
  const p = wallParts(at, timeZone);
  const h12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  const meridiem = p.hour < 12 ? 'am' : 'pm';
  return `${String(p.day).padStart(2, '0')} ${MONTH_NAMES[p.month - 1]} ${p.year} @${h12}:${String(p.minute).padStart(2, '0')}${meridiem}`;
}

/** The account-zone calendar date of an instant as a sortable number YYYYMMDD. */
export function localDateKey(at: Date, timeZone: string): number {
  const p = wallParts(at, timeZone);
  return p.year * 10_000 + p.month * 100 + p.day;
}
