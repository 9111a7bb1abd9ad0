// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, must, render } from '@/lib/testing/render';
import { Badge } from './badge';

afterEach(cleanup);

describe('Badge', () => {
  it('shows its words, with the tone repeated in colour and named in data-tone', () => {
    const { container } = render(
      <>
        <Badge testId="a">Active</Badge>
        <Badge testId="b" tone="danger" size="xs" title="Status: Blocked">
          Blocked
        </Badge>
      </>,
    );
    const a = must<HTMLElement>(container, '[data-testid="a"]');
    const b = must<HTMLElement>(container, '[data-testid="b"]');
    expect(a.textContent).toBe('Active');
    expect(a.dataset.tone).toBe('neutral');
    expect(a.className).toContain('bg-slate-100');
    expect(a.className).toContain('text-sm');
    expect(b.dataset.tone).toBe('danger');
    expect(b.className).toContain('bg-red-100');
    expect(b.className).toContain('text-xs');
    expect(b.className).not.toContain('text-sm');
    expect(b.title).toBe('Status: Blocked');
  });
});
