// `npm run test:mutation [-- module …]`: StrykerJS over the rules whose mistakes cost the most, one module
// at a time (each with only the tests that guard it), then the mutation score per module. Exits non-zero
// when a module scores under MIN_SCORE. Slow on a small machine: not part of npm test.
// MUTATION_CONCURRENCY (default 2) sets Stryker's test-runner processes. MUTATION_INCREMENTAL=1 runs Stryker's
// incremental mode (reports/mutation/<module>.incremental.json): mutants whose code and covering tests did not
// change since the last incremental run keep their result; the rest are run again. Without it, every mutant is run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const MIN_SCORE = 80;

/** module → the files Stryker mutates and the test files that must kill the mutants. */
const MODULES = {
  'window-rule': {
    mutate: ['lib/vendors/netcore/window-rule.ts', 'lib/privacy/windows.ts'],
    tests: ['lib/vendors/netcore/window-rule.test.ts', 'lib/privacy/windows.test.ts'],
  },
  'lead-status-rules': {
    // requirementFor and the labels moved to status-labels.ts (zod-free, for the browser); status-rules.ts re-exports them.
    mutate: ['lib/leads/status-rules.ts', 'lib/leads/status-labels.ts'],
    tests: ['lib/leads/rules.test.ts', 'lib/leads/status-rules.test.ts'],
  },
  'loyalty-rules': {
    mutate: ['lib/loyalty/rules.ts', 'lib/loyalty/claims.ts'],
    tests: ['lib/loyalty/rules.test.ts', 'lib/loyalty/claims.test.ts'],
  },
  'outbox-state-machine': {
    // The state machine: enqueue, claim, finish/fail (retry, dead), run, runBatch, runDue, deliverNow, and the
    // dead → queued retry; the read-only listings between them (getJob, listJobs) are left out. Ranges are found
    // by the functions that bound them, not by line numbers (fixed numbers went stale once and mutated listJobs).
    mutate: [
      { file: 'lib/outbox/jobs.ts', from: 'export async function enqueue(', to: 'export async function getJob(' },
      { file: 'lib/outbox/jobs.ts', from: 'export async function retryDeadJob(', to: 'export async function queueStats(' },
      'lib/outbox/backoff.ts',
    ],
    // claims.test.ts: the claim's token, lease and renewal, and no inline claim while draining (issue 13).
    tests: ['lib/outbox/outbox.test.ts', 'lib/outbox/batch.test.ts', 'lib/outbox/backoff.test.ts', 'lib/outbox/state-machine.test.ts', 'lib/outbox/claims.test.ts', 'lib/tracing.test.ts'],
  },
  permissions: {
    mutate: ['lib/auth/permissions.ts', 'lib/auth/roles.ts'],
    tests: ['lib/auth/permissions.test.ts'],
  },
  redaction: {
    mutate: ['lib/redact.ts'],
    tests: ['lib/redact.test.ts'],
  },
  'consent-wording': {
    mutate: ['lib/capture/consent-wording.ts'],
    tests: ['lib/capture/consent-wording.test.ts'],
  },
};

/** A mutate entry as Stryker takes it: a file, or `file:from-to` with the lines from the `from` line to the one before `to`. */
function resolveMutate(entry) {
  if (typeof entry === 'string') return entry;
  const lines = readFileSync(entry.file, 'utf8').split('\n');
  const from = lines.findIndex((l) => l.startsWith(entry.from)) + 1;
  const to = lines.findIndex((l) => l.startsWith(entry.to));
  if (from < 1 || to < from) {
    console.error(`mutation: ${entry.file}: no "${entry.from}" … "${entry.to}" range (renamed? re-point scripts/mutation.mjs)`);
    process.exit(2);
  }
  return `${entry.file}:${from}-${to}`;
}

const wanted = process.argv.slice(2);
for (const name of wanted) {
  if (!MODULES[name]) {
    console.error(`unknown module ${name}; one of: ${Object.keys(MODULES).join(', ')}`);
    process.exit(2);
  }
}
const names = wanted.length ? wanted : Object.keys(MODULES);
const results = [];

for (const name of names) {
  const { tests } = MODULES[name];
  for (const f of [...MODULES[name].mutate.map((m) => (typeof m === 'string' ? m : m.file)), ...tests]) {
    if (!existsSync(f)) {
      console.error(`mutation: ${name}: ${f} does not exist (moved? re-point scripts/mutation.mjs)`);
      process.exit(2);
    }
  }
  const mutate = MODULES[name].mutate.map(resolveMutate);
  const report = `reports/mutation/${name}.json`;
  console.log(`\n=== mutation: ${name} (${mutate.join(', ')}) ===`);
  const incremental = process.env.MUTATION_INCREMENTAL === '1' ? ['--incremental', '--incrementalFile', `reports/mutation/${name}.incremental.json`] : [];
  const run = spawnSync(
    process.execPath,
    ['node_modules/@stryker-mutator/core/bin/stryker.js', 'run', '--mutate', mutate.join(','), ...incremental],
    { stdio: 'inherit', env: { ...process.env, MUTATION_TESTS: tests.join(','), MUTATION_REPORT: report, NEXT_TELEMETRY_DISABLED: '1' } },
  );
  if (run.status !== 0 || !existsSync(report)) {
    results.push({ name, score: NaN, killed: 0, survived: 0, total: 0, error: `stryker exited ${run.status}` });
    continue;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  let detected = 0;
  let undetected = 0;
  let ignored = 0;
  const survivors = [];
  for (const [file, { mutants }] of Object.entries(json.files)) {
    for (const m of mutants) {
      if (m.status === 'Killed' || m.status === 'Timeout') detected++;
      else if (m.status === 'Ignored') ignored++; // a `// Stryker disable` comment in the code says why
      else if (m.status === 'Survived' || m.status === 'NoCoverage') {
        undetected++;
        survivors.push(`${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName} → ${JSON.stringify(m.replacement ?? '').slice(0, 80)} (${m.status})`);
      }
    }
  }
  const total = detected + undetected;
  results.push({ name, score: total ? (100 * detected) / total : 100, killed: detected, survived: undetected, total, ignored, survivors });
}

console.log('\nmutation score per module (killed + timeout) / (killed + timeout + survived + no coverage):');
let failed = false;
for (const r of results) {
  const ok = r.score >= MIN_SCORE;
  if (!ok) failed = true;
  console.log(`  ${r.name.padEnd(22)} ${Number.isNaN(r.score) ? 'error' : r.score.toFixed(1).padStart(5) + ' %'}  ${r.killed}/${r.total}${r.ignored ? ` (+${r.ignored} ignored by a commented Stryker disable)` : ''}${r.error ? `  ${r.error}` : ''}${ok ? '' : '  < ' + MIN_SCORE + ' %'}`);
  for (const s of r.survivors ?? []) console.log(`      survivor ${s}`);
}
process.exit(failed ? 1 : 0);
