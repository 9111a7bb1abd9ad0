/**
 * Tables of the sign-in guard (issue 11). No `server-only` here: drizzle-kit reads this file.
 *
 * sign_in_throttle: failed sign-ins counted per key (client address, device cookie, username), shared by
 * every console instance because it lives in the database. console_settings: facts about the database
 * itself, e.g. that it is a throwaway sandbox database (`sandbox` = 'yes').
 */
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const signInThrottle = pgTable(
  'sign_in_throttle',
  {
    /** 'ip:<address>', 'device:<cookie id>' or 'user:<username>'. */
    key: text('key').primaryKey(),
    failures: integer('failures').notNull().default(0),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** No sign-in for this key is sent to Footprints before this moment. */
    blockedUntil: timestamp('blocked_until', { withTimezone: true, mode: 'date' }),
    /** Set when the failures reached the lockout threshold (shown to admins, who may lift it). */
    lockedAt: timestamp('locked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('sign_in_throttle_blocked_idx').on(t.blockedUntil)],
);

export const consoleSettings = pgTable('console_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
