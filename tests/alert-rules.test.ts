/**
 * Issue 17: the suggested Prometheus alert rules (deploy/prometheus/storedesk-alerts.yml) parse, cover the issue's
 * four cases (queue age, vendor error rate, sign-in lockout spikes, no sync for 30 min), read only series the
 * console exposes (lib/metrics.ts), and each alert has its explanation in docs/OPERATIONS.md. promtool is not
 * installed here; this is the check that stands in for it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { metrics } from '@/lib/metrics';

interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

const file = parse(readFileSync('deploy/prometheus/storedesk-alerts.yml', 'utf8')) as { groups: { name: string; rules: Rule[] }[] };
const rules = file.groups.flatMap((g) => g.rules);

describe('Prometheus alert rules', () => {
  it("cover the issue's cases", () => {
    const names = rules.map((r) => r.alert);
    for (const name of ['StoredeskQueueStuck', 'StoredeskVendorErrorRate', 'StoredeskSignInLockoutSpike', 'StoredeskNoLeadSync']) expect(names).toContain(name);
    expect(rules.find((r) => r.alert === 'StoredeskNoLeadSync')!.expr).toMatch(/> 1800\b/);
  });

  it('read only series the console exposes', async () => {
    const exposed = new Set((await metrics().registry.getMetricsAsJSON()).flatMap((m) => (String(m.type) === 'histogram' ? [`${m.name}_bucket`, `${m.name}_sum`, `${m.name}_count`] : [m.name])));
    for (const rule of rules) {
      const used = rule.expr.match(/\bstoredesk_[a-z_]+/g) ?? [];
      expect(used.length, rule.alert).toBeGreaterThan(0);
      for (const name of used) expect(exposed.has(name), `${rule.alert} reads ${name}`).toBe(true);
    }
  });

  it('each has a severity, a summary and its runbook section', () => {
    const runbook = readFileSync('docs/OPERATIONS.md', 'utf8');
    for (const rule of rules) {
      expect(rule.labels?.severity, rule.alert).toMatch(/^(page|ticket)$/);
      expect(rule.annotations?.summary, rule.alert).toBeTruthy();
      expect(rule.annotations?.runbook, rule.alert).toBe(`docs/OPERATIONS.md#${rule.alert.toLowerCase()}`);
      expect(runbook, rule.alert).toContain(`### ${rule.alert}\n`);
      // Balanced parentheses: a cheap syntax check of the expression.
      let depth = 0;
      for (const ch of rule.expr) {
        depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
        expect(depth, rule.alert).toBeGreaterThanOrEqual(0);
      }
      expect(depth, rule.alert).toBe(0);
    }
  });
});
