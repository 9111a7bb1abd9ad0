/**
 * A fleet of console instances on one PostgreSQL database, driven as a chain's tablets drive it (issue 13, point 5):
 * `npm run bench:fleet` (bench/fleet.bench.ts, 1,000 captures over 3 instances) and its CI-sized run in
 * `npm run test:instances` (tests/fleet.test.ts).
 *
 * - One **vendor host**: the deployment build in sandbox mode on an embedded database of its own, serving the
 *   simulators and nothing else (no worker, no sync); it is never restarted, so the simulators' state outlives
 *   the instances' restarts, as a real vendor's does.
 * - N **instances**: the same build, sandbox mode, `SANDBOX_ORIGIN` = the vendor host (every vendor call goes
 *   there), one fresh PostgreSQL database for all of them.
 * - `sessions` hostess sessions (signed in once each, over HTTP, like tablets) send `captures` complete captures
 *   (location, offer category, offer, consultant) round-robin over the live instances; when an instance is
 *   down or its answer is lost, the tablet sends the same form (same idempotency key) again to the next one,
 *   as a hostess tapping "Save" again would.
 * - Footprints accepts a share of the add-leads and then cuts the connection without an answer
 *   (the simulator's `cutRate` fault on add-lead), one instance is SIGTERMed and restarted (a deploy), another SIGKILLed and restarted.
 * - Then it waits for the queue to drain and counts at the simulator.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CONSENT_WORDING_VERSION } from '@/lib/capture/consent-wording';
import { emptyCaptureForm } from '@/lib/capture/form-defaults';
import type { CaptureFormValues } from '@/lib/capture/inputs';
import { SANDBOX_FOOTPRINTS_KEY, SANDBOX_FOOTPRINTS_SECRET } from '@/lib/sandbox/demo-staff';
import { FOOTPRINTS_DEMO } from '@/lib/sandbox/footprints/seed';
import { actionId, callAction, freePort, Jar, signIn, startStandalone, stopInstance, waitHealthy, type Instance } from './console-http';
import { createSandboxDatabase, pgQuery, type SandboxDatabase } from './sandbox-postgres';

export interface FleetOptions {
  /** PostgreSQL server URL (TEST_DATABASE_URL); a fresh database is made on it and dropped afterwards. */
  baseUrl: string;
  instances: number;
  captures: number;
  sessions: number;
  /** Share of add-leads Footprints accepts and then answers with a cut connection (0.05 = 5 %). */
  lostAnswerRate: number;
  /** Restart one instance with SIGTERM (a deploy) and another with SIGKILL (a crash) during the run. */
  restarts: boolean;
  /** Periodic lead sync interval given to the instances (ms); the run counts sync runs per interval. */
  syncIntervalMs: number;
  /** How long to wait for the queue to drain after the last capture and the last restart. */
  drainTimeoutMs: number;
  distDir?: string;
  log?: (line: string) => void;
}

export interface FleetReport {
  captures: number;
  tapsAnswered: Record<string, number>;
  tabletRetries: number;
  leadsAtSimulator: number;
  distinctLeads: number;
  doubled: number;
  missing: number;
  submissionStates: Record<string, number>;
  /** Jobs still queued or running when the drain ended (0 when it drained). */
  queueLeft: number;
  /** Outbox jobs by kind and status at the end. */
  jobs: Record<string, number>;
  needsPerson: number;
  lostAnswersInjected: number;
  netcoreRequests: number;
  /** Netcore requests by method, path and answer status. */
  netcoreByRequest: Record<string, number>;
  netcoreContactsExpected: number;
  /** Periodic lead syncs, all instances together. */
  syncRuns: number;
  /** Syncs an instance ran as it started (its first fill), not periodic. */
  startSyncs: number;
  syncIntervals: number;
  overlappingSyncs: number;
  drainMs: number | null;
  restarts: { signal: string; exitCode: number | null; exitSignal: string | null; stopMs: number }[];
  durationMs: number;
}

const HOSTESS_PINS = ['1234', '5678'];

function captureForm(i: number, tag: string): CaptureFormValues {
  return {
    ...emptyCaptureForm(randomUUID(), CONSENT_WORDING_VERSION, FOOTPRINTS_DEMO.locationIds[0]),
    firstName: `Fleet${'abcdefghij'[i % 10]}`,
    lastName: tag,
    email: `${tag}.${i}@fleet.example.com`,
    phone: `07${String(10_000_000 + i).slice(-8)}`,
    offerCategoryId: FOOTPRINTS_DEMO.offerCategoryIds[0],
    offerId: FOOTPRINTS_DEMO.offerIds[0],
    consultantId: FOOTPRINTS_DEMO.consultantIds[0],
    agreeTerms: true,
    agreePrivacy: true,
    isAdult: true,
    // Every other customer agrees to e-mails: one Netcore contact each.
    marketing: { sms: false, email: i % 2 === 0, notification: false, dm: false, socialMedia: false },
    createdAt: new Date().toISOString(),
    timezone: 'Europe/Bucharest',
    deviceId: `fleet-tablet-${i % 20}`,
  };
}

async function consoleToken(origin: string): Promise<string> {
  const basic = Buffer.from(`${SANDBOX_FOOTPRINTS_KEY}:${SANDBOX_FOOTPRINTS_SECRET}`).toString('base64');
  const res = await fetch(`${origin}/sandbox/footprints/api/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

/** Every lead the Footprints simulator lists for today and tomorrow (UTC), all pages. */
async function simulatorLeads(origin: string): Promise<{ _id: string; userEmail?: string }[]> {
  const token = await consoleToken(origin);
  const start = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const end = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const all: { _id: string; userEmail?: string }[] = [];
  for (let page = 1; ; page++) {
    const res = await fetch(`${origin}/sandbox/footprints/api/lead?access_token=${token}&startDate=${start}&endDate=${end}&pageSize=500&page=${page}`);
    const list = (await res.json()) as { _id: string; userEmail?: string }[];
    all.push(...list);
    if (list.length < 500) return all;
  }
}

export async function runFleet(opts: FleetOptions): Promise<FleetReport> {
  const log = opts.log ?? (() => {});
  const started = Date.now();
  const dataRoot = mkdtempSync(path.join(os.tmpdir(), 'storedesk-fleet-'));
  const distDir = opts.distDir ?? (process.env.NEXT_DIST_DIR || '.next');
  let host: Instance | undefined;
  const instances: (Instance | null)[] = [];
  let database: SandboxDatabase | undefined;
  try {
    database = await createSandboxDatabase(opts.baseUrl, 'fleet');
    const url = database.url;

    host = startStandalone(await freePort(), { SANDBOX: '1', DATA_DIR: path.join(dataRoot, 'host'), OUTBOX_WORKER: '0', LEAD_SYNC: '0', LOG_LEVEL: 'warn' }, distDir);
    await waitHealthy(host, Date.now() + 120_000);
    const hostOrigin = host.origin;

    const instanceEnv = (n: number) => ({
      SANDBOX: '1',
      SANDBOX_ORIGIN: hostOrigin,
      DATABASE_URL: url,
      DATA_DIR: path.join(dataRoot, `instance-${n}`),
      LOG_LEVEL: 'info',
      LEAD_SYNC_INTERVAL_MS: String(opts.syncIntervalMs),
      STOREDESK_INSTANCE_NAME: `fleet-${n}`,
    });
    const ports: number[] = [];
    for (let n = 0; n < opts.instances; n++) ports.push(await freePort());
    for (let n = 0; n < opts.instances; n++) instances.push(startStandalone(ports[n], instanceEnv(n), distDir));
    await Promise.all(instances.map((i) => waitHealthy(i!, Date.now() + 120_000)));
    // Instances restarted during the run keep their output here too.
    const outputs: string[][] = instances.map((i) => i!.output);
    log(`fleet: host ${hostOrigin}, instances ${ports.join(', ')}, database ${database}`);

    if (opts.lostAnswerRate > 0) {
      const faults = await fetch(`${hostOrigin}/sandbox/_control/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // "Accept, then cut the connection" on add-lead only (POST /api/lead?…; never the list, never /api/lead/action).
        body: JSON.stringify({ vendor: 'footprints', cutRate: opts.lostAnswerRate, match: '/api/lead?' }),
      });
      if (!faults.ok) throw new Error(`the lost-answer fault was not set: ${faults.status} ${await faults.text()}`);
    }
    await fetch(`${hostOrigin}/sandbox/_control/requests`, { method: 'DELETE' });

    const submitId = actionId(distDir, 'app/(console)/capture/actions.ts', 'submitCaptureAction');
    const jars: Jar[] = [];
    for (let s = 0; s < opts.sessions; s++) {
      const jar = new Jar();
      await signIn(instances[s % opts.instances]!.origin, jar, 'pin', { pin: HOSTESS_PINS[s % HOSTESS_PINS.length] });
      jars.push(jar);
    }

    const tag = `fl${Date.now().toString(36)}`.replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]);
    const answered: Record<string, number> = {};
    let retries = 0;
    let done = 0;
    let next = 0;
    const restarts: FleetReport['restarts'] = [];
    const restart = async (n: number, signal: NodeJS.Signals) => {
      const instance = instances[n]!;
      instances[n] = null; // the load balancer stops sending to it
      const t0 = Date.now();
      const entry = { signal: signal as string, exitCode: null as number | null, exitSignal: null as string | null, stopMs: 0 };
      restarts.push(entry);
      const result = await stopInstance(instance, signal, 30_000);
      Object.assign(entry, { exitCode: result.code, exitSignal: result.signal, stopMs: Date.now() - t0 });
      log(`fleet: instance ${n} ${signal} → exit ${result.code ?? result.signal} in ${Date.now() - t0} ms; restarting`);
      const again = startStandalone(ports[n], instanceEnv(n), distDir);
      outputs.push(again.output);
      await waitHealthy(again, Date.now() + 120_000);
      instances[n] = again;
    };
    const restartPlan = opts.restarts && opts.instances >= 2
      ? [
          { at: Math.floor(opts.captures / 3), n: 0, signal: 'SIGTERM' as const },
          { at: Math.floor((2 * opts.captures) / 3), n: 1, signal: 'SIGKILL' as const },
        ]
      : [];
    // One restart at a time, as a deploy or an orchestrator does: the second waits for the first.
    let restarting: Promise<void> = Promise.resolve();

    const pickInstance = (i: number): Instance | null => {
      for (let k = 0; k < opts.instances; k++) {
        const candidate = instances[(i + k) % opts.instances];
        if (candidate) return candidate;
      }
      return null;
    };

    const tablet = async (s: number) => {
      for (;;) {
        const i = next++;
        if (i >= opts.captures) return;
        for (const plan of restartPlan) if (plan.at === i) restarting = restarting.then(() => restart(plan.n, plan.signal));
        const values = captureForm(i, tag);
        for (let attempt = 0; ; attempt++) {
          const instance = pickInstance(i + attempt);
          try {
            if (!instance) throw new Error('no instance up');
            const answer = await callAction(instance.origin, jars[s], '/capture', submitId, values);
            const state = /"state":"(\w+)"/.exec(answer)?.[1];
            // An answer without a capture state (the action door's error: an instance shutting down, say) is a
            // failed save to the hostess: she taps Save again, with the same form.
            if (!state) throw new Error(`no capture state in the answer: ${answer.slice(0, 200)}`);
            answered[state] = (answered[state] ?? 0) + 1;
            break;
          } catch (error) {
            if (attempt >= 20) {
              answered['gave up'] = (answered['gave up'] ?? 0) + 1;
              log(`fleet: capture ${i} gave up: ${error instanceof Error ? error.message : String(error)}`);
              break;
            }
            retries++;
            await new Promise((r) => setTimeout(r, 500));
          }
        }
        done++;
      }
    };
    await Promise.all(jars.map((_, s) => tablet(s)));
    await restarting;
    log(`fleet: ${done} captures answered; draining`);

    const drainStarted = Date.now();
    let drainMs: number | null = null;
    let states: Record<string, number> = {};
    let queueLeft = 0;
    while (Date.now() - drainStarted < opts.drainTimeoutMs) {
      // A capture waiting for a person is 'checking' on its row and needs_person on its job (issue 13).
      const rows = await pgQuery(
        url,
        "SELECT CASE WHEN j.status = 'needs_person' THEN 'needs_person' ELSE s.sync_state END AS state, count(*)::int AS n FROM capture_submissions s LEFT JOIN outbox_jobs j ON j.id = s.outbox_job_id GROUP BY 1",
      );
      states = Object.fromEntries(rows.map((r) => [String(r.state), Number(r.n)]));
      const open = Object.entries(states).filter(([s]) => !['sent', 'failed', 'needs_person'].includes(s)).reduce((a, [, n]) => a + n, 0);
      // …and every follow-up (Netcore contact, gathered activities) is out of the queue too.
      const [queue] = await pgQuery(url, "SELECT count(*)::int AS n FROM outbox_jobs WHERE status IN ('queued', 'running')");
      queueLeft = Number(queue.n);
      if (open === 0 && queueLeft === 0) {
        drainMs = Date.now() - drainStarted;
        break;
      }
      await new Promise((r) => setTimeout(r, 500));
    }

    const jobRows = await pgQuery(url, 'SELECT kind, status, count(*)::int AS n FROM outbox_jobs GROUP BY kind, status');
    const jobs = Object.fromEntries(jobRows.map((r) => [`${String(r.kind)} ${String(r.status)}`, Number(r.n)]));
    const leads = (await simulatorLeads(hostOrigin)).filter((l) => l.userEmail?.startsWith(`${tag}.`));
    const perEmail = new Map<string, number>();
    for (const l of leads) perEmail.set(l.userEmail!, (perEmail.get(l.userEmail!) ?? 0) + 1);
    const netcore: Record<string, number> = {};
    for (const vendor of ['netcore-api', 'netcore-activity']) {
      const { requests } = (await (await fetch(`${hostOrigin}/sandbox/_control/requests?vendor=${vendor}`)).json()) as { requests: { method: string; path: string; status: number }[] };
      for (const r of requests) netcore[`${r.method} ${r.path} ${r.status}`] = (netcore[`${r.method} ${r.path} ${r.status}`] ?? 0) + 1;
    }
    const footprintsLog = (await (await fetch(`${hostOrigin}/sandbox/_control/faults`)).json()) as { cuts?: { footprints?: number } };

    // Sync runs: every instance's `leads.sync_done` lines (periodic, and the fills as instances start), and whether two ever overlapped.
    const runs: { start: number; end: number }[] = [];
    let startSyncs = 0;
    for (const out of outputs) {
      for (const line of out.join('').split('\n')) {
        if (!line.includes('"leads.sync_done"')) continue;
        try {
          const entry = JSON.parse(line) as { t: string; durationMs: number; trigger: string };
          if (entry.trigger === 'manual') continue;
          if (entry.trigger !== 'periodic') startSyncs++;
          const end = Date.parse(entry.t);
          runs.push({ start: end - entry.durationMs, end });
        } catch {
          /* not a JSON line */
        }
      }
    }
    runs.sort((a, b) => a.start - b.start);
    let overlapping = 0;
    for (let k = 1; k < runs.length; k++) if (runs[k].start < runs[k - 1].end) overlapping++;

    return {
      captures: opts.captures,
      tapsAnswered: answered,
      tabletRetries: retries,
      leadsAtSimulator: leads.length,
      distinctLeads: perEmail.size,
      doubled: leads.length - perEmail.size,
      missing: opts.captures - perEmail.size,
      submissionStates: states,
      queueLeft,
      jobs,
      needsPerson: states.needs_person ?? 0,
      lostAnswersInjected: footprintsLog.cuts?.footprints ?? 0,
      netcoreRequests: Object.values(netcore).reduce((a, n) => a + n, 0),
      netcoreByRequest: netcore,
      netcoreContactsExpected: Math.ceil(opts.captures / 2),
      syncRuns: runs.length - startSyncs,
      startSyncs,
      syncIntervals: Math.max(1, Math.floor((Date.now() - started) / opts.syncIntervalMs)),
      overlappingSyncs: overlapping,
      drainMs,
      restarts,
      durationMs: Date.now() - started,
    };
  } finally {
    await Promise.all(instances.filter((i): i is Instance => i !== null).map((i) => stopInstance(i, 'SIGTERM', 30_000)));
    if (host) await stopInstance(host, 'SIGTERM', 30_000);
    rmSync(dataRoot, { recursive: true, force: true });
    await database?.drop().catch(() => {});
  }
}
