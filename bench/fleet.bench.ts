/**
 * `npm run bench:fleet` (issue 13, point 5): three deployment builds on one PostgreSQL database take 1,000 captures
 * from 20 hostess sessions, round-robin, while Footprints accepts 5 % of the add-leads and then cuts the
 * connection, one instance is SIGTERMed and restarted (a deploy) and another SIGKILLed and restarted (a crash).
 * lib/testing/fleet.ts runs it; tests/fleet.test.ts is the CI-sized run.
 *
 * Needs a production build (`npm run build:test`) and PostgreSQL (TEST_DATABASE_URL: a fresh database is made on
 * it and dropped). Correctness rows (one lead per capture, none doubled, none left for a person, the SIGTERMed
 * instance exiting 0, no two syncs at once) fail the run when wrong; times are reported only.
 * FLEET_CAPTURES / FLEET_INSTANCES / FLEET_SESSIONS change the size.
 */
import { describe, it } from 'vitest';
import { runFleet } from '@/lib/testing/fleet';
import { reportBench } from './report';

const baseUrl = process.env.TEST_DATABASE_URL?.trim();
const CAPTURES = Number(process.env.FLEET_CAPTURES ?? 1000);
const INSTANCES = Number(process.env.FLEET_INSTANCES ?? 3);
const SESSIONS = Number(process.env.FLEET_SESSIONS ?? 20);
const LOST = 0.05;
const SYNC_INTERVAL_MS = 60_000;

describe.skipIf(!baseUrl)('fleet on one PostgreSQL', () => {
  it(`${CAPTURES} captures over ${INSTANCES} instances, ${LOST * 100} % lost answers, a SIGTERM and a SIGKILL restart`, async () => {
    const r = await runFleet({
      baseUrl: baseUrl!,
      instances: INSTANCES,
      captures: CAPTURES,
      sessions: SESSIONS,
      lostAnswerRate: LOST,
      restarts: true,
      syncIntervalMs: SYNC_INTERVAL_MS,
      drainTimeoutMs: 10 * 60_000,
      log: (line) => console.log(line),
    });
    const term = r.restarts.find((x) => x.signal === 'SIGTERM');
    const kill = r.restarts.find((x) => x.signal === 'SIGKILL');
    reportBench('fleet', [
      { metric: `captures sent (${SESSIONS} sessions, ${INSTANCES} instances)`, value: r.captures, unit: 'count' },
      { metric: 'taps answered', value: Object.values(r.tapsAnswered).reduce((a, n) => a + n, 0), unit: 'count', note: JSON.stringify(r.tapsAnswered) },
      { metric: 'tablet re-sends (instance down or answer lost)', value: r.tabletRetries, unit: 'count' },
      { metric: 'add-lead answers lost by the simulator (accepted, then cut)', value: r.lostAnswersInjected, unit: 'count' },
      { metric: 'leads at the simulator, distinct captures', value: r.distinctLeads, unit: 'count', target: `= ${r.captures}`, meets: r.distinctLeads === r.captures, correctness: true },
      { metric: 'leads at the simulator, doubled', value: r.doubled, unit: 'count', target: '= 0', meets: r.doubled === 0, correctness: true },
      { metric: 'submissions left in "needs a person"', value: r.needsPerson, unit: 'count', target: '= 0', meets: r.needsPerson === 0, correctness: true, note: JSON.stringify(r.submissionStates) },
      { metric: 'Netcore requests', value: r.netcoreRequests, unit: 'count', note: JSON.stringify(r.netcoreByRequest) },
      { metric: `periodic lead syncs (interval ${SYNC_INTERVAL_MS / 1000} s, for the fleet)`, value: r.syncRuns, unit: 'count', note: `${r.syncIntervals} intervals elapsed` },
      { metric: 'lead syncs that overlapped another', value: r.overlappingSyncs, unit: 'count', target: '= 0', meets: r.overlappingSyncs === 0, correctness: true },
      { metric: 'SIGTERMed instance: exit code', value: term?.exitCode ?? Number.NaN, unit: 'code', target: '= 0', meets: term?.exitCode === 0, correctness: true },
      { metric: 'SIGTERMed instance: time to exit', value: term?.stopMs ?? Number.NaN, unit: 'ms', target: '≤ 20000', meets: (term?.stopMs ?? Infinity) <= 20_000 },
      { metric: 'SIGKILLed instance: killed', value: kill ? 1 : 0, unit: 'count' },
      { metric: 'time to drain after the last capture and restart', value: r.drainMs ?? Number.NaN, unit: 'ms', target: 'drained', meets: r.drainMs !== null, correctness: true },
      { metric: 'whole run', value: r.durationMs / 1000, unit: 's' },
    ]);
  });
});
