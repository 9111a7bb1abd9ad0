import { describe, expect, it, vi } from 'vitest';
import { reportBench } from '../bench/report';

describe('bench reporting', () => {
  it('fails the run when a correctness figure is wrong, after printing the table; timings only report', () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(() =>
        reportBench('report-selftest', [
          { metric: 'p95', value: 900, unit: 'ms', target: '≤ 60', meets: false },
          { metric: 'distinct leads (none doubled)', value: 1000, unit: 'count', target: '= 1000', meets: true, correctness: true },
        ]),
      ).not.toThrow();
      expect(() =>
        reportBench('report-selftest', [{ metric: 'distinct leads (none doubled)', value: 999, unit: 'count', target: '= 1000', meets: false, correctness: true }]),
      ).toThrow('report-selftest: correctness figure(s) wrong: distinct leads (none doubled) = 999 (want = 1000)');
      expect(String(write.mock.calls.at(-1)?.[0])).toContain('[MISSES target]');
    } finally {
      write.mockRestore();
    }
  });
});
