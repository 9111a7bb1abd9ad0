// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from '@/lib/testing/render';
import { invalidateRemoteData, resetRemoteDataForTests, RETRY_DELAY_MS, useRemoteData } from './use-remote-data';

function Reader({ id, fetcher, staleTime, refetchInterval }: { id: string; fetcher: () => Promise<string>; staleTime?: number; refetchInterval?: number }) {
  const q = useRemoteData('k', fetcher, { staleTime, refetchInterval });
  const state = q.isPending ? 'pending' : q.isError ? `error:${q.error.message}` : 'ok';
  return <p data-testid={id}>{`${state}|${q.data ?? '-'}`}</p>;
}

const text = (c: HTMLElement, id: string) => c.querySelector(`[data-testid="${id}"]`)?.textContent;
/** Lets pending promises and due timers run, inside act. */
const flush = (ms = 0) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));

beforeEach(() => {
  vi.useFakeTimers();
  resetRemoteDataForTests();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useRemoteData', () => {
  it('loads once for every reader of a key and shows the answer to all', async () => {
    const fetcher = vi.fn(async () => 'a');
    const { container } = render(
      <>
        <Reader id="one" fetcher={fetcher} />
        <Reader id="two" fetcher={fetcher} />
      </>,
    );
    expect(text(container, 'one')).toBe('pending|-');
    await flush();
    expect(text(container, 'one')).toBe('ok|a');
    expect(text(container, 'two')).toBe('ok|a');
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it('keeps a fresh answer for a new reader within staleTime, and reloads a stale one', async () => {
    const fetcher = vi.fn(async () => 'a');
    const first = render(<Reader id="r" fetcher={fetcher} staleTime={60_000} />);
    await flush();
    first.unmount();
    const again = render(<Reader id="r" fetcher={fetcher} staleTime={60_000} />);
    expect(text(again.container, 'r')).toBe('ok|a');
    await flush();
    expect(fetcher).toHaveBeenCalledTimes(1);
    again.unmount();
    await flush(60_001);
    render(<Reader id="r" fetcher={fetcher} staleTime={60_000} />);
    await flush();
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('retries once after a second; a second failure is shown, keeping the earlier data', async () => {
    let calls = 0;
    const answers: (() => Promise<string>)[] = [async () => 'a', async () => Promise.reject(new Error('down')), async () => Promise.reject(new Error('still down'))];
    const fetcher = vi.fn(() => answers[Math.min(calls++, answers.length - 1)]());
    const { container } = render(<Reader id="r" fetcher={fetcher} />);
    await flush();
    expect(text(container, 'r')).toBe('ok|a');
    act(() => invalidateRemoteData('k'));
    await flush();
    expect(fetcher).toHaveBeenCalledTimes(2);
    expect(text(container, 'r')).toBe('ok|a');
    await flush(RETRY_DELAY_MS);
    expect(fetcher).toHaveBeenCalledTimes(3);
    expect(text(container, 'r')).toBe('error:still down|a');
  });

  it('a failure then a success within the retry is no error', async () => {
    let calls = 0;
    const fetcher = vi.fn(async () => {
      if (calls++ === 0) throw new Error('blip');
      return 'b';
    });
    const { container } = render(<Reader id="r" fetcher={fetcher} />);
    await flush();
    expect(text(container, 'r')).toBe('pending|-');
    await flush(RETRY_DELAY_MS);
    expect(text(container, 'r')).toBe('ok|b');
  });

  it('polls every refetchInterval while the tab is visible, not while it is hidden', async () => {
    let n = 0;
    const fetcher = vi.fn(async () => String(++n));
    const { container } = render(<Reader id="r" fetcher={fetcher} refetchInterval={4_000} />);
    await flush();
    await flush(4_000);
    expect(text(container, 'r')).toBe('ok|2');
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await flush(8_000);
    expect(fetcher).toHaveBeenCalledTimes(2);
    visibility.mockReturnValue('visible');
    await flush(4_000);
    expect(text(container, 'r')).toBe('ok|3');
    visibility.mockRestore();
  });

  it('invalidateRemoteData reloads what is on screen now', async () => {
    let n = 0;
    const fetcher = vi.fn(async () => String(++n));
    const { container } = render(<Reader id="r" fetcher={fetcher} staleTime={60_000} />);
    await flush();
    expect(text(container, 'r')).toBe('ok|1');
    act(() => invalidateRemoteData('k'));
    await flush();
    expect(text(container, 'r')).toBe('ok|2');
  });
});
