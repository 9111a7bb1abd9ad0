/**
 * The fleet's own table (issue 17, /admin/system). No `server-only` here: drizzle-kit loads it.
 *
 * console_instances: one row per running console process, written by its heartbeat (lib/system/heartbeat.ts)
 * every few seconds. The system page lists the rows seen in the last minutes, so two replicas behind one proxy
 * both show. `vendor_stats` is the instance's own view of the vendors over the last 15 minutes (from its real
 * calls: lib/vendors/observe.ts), published with each heartbeat so that the page can add up every instance's
 * view: counts, last success and failure, and the latency samples for the p95. It holds no person, id or body.
 */
import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const consoleInstances = pgTable(
  'console_instances',
  {
    id: text('id').primaryKey(),
    hostname: text('hostname').notNull(),
    pid: text('pid').notNull(),
    version: text('version').notNull(),
    commit: text('commit').notNull(),
    startedAt: ts('started_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    vendorStats: jsonb('vendor_stats').$type<unknown>().notNull().default([]),
  },
  (t) => [index('console_instances_last_seen_idx').on(t.lastSeenAt)],
);
