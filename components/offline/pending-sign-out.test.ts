// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { finishPendingSignOut, markSignOutPending, SIGN_OUT_PENDING_KEY } from './pending-sign-out';

const setOnline = (online: boolean) => vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

describe('a sign-out tapped offline', () => {
  it('is finished once online, and only once', async () => {
    const end = vi.fn(async () => undefined);
    markSignOutPending();
    setOnline(false);
    expect(await finishPendingSignOut(end)).toBe(false);
    expect(end).not.toHaveBeenCalled();
    setOnline(true);
    expect(await finishPendingSignOut(end)).toBe(true);
    expect(end).toHaveBeenCalledTimes(1);
    expect(localStorage.getItem(SIGN_OUT_PENDING_KEY)).toBeNull();
    expect(await finishPendingSignOut(end)).toBe(false);
    expect(end).toHaveBeenCalledTimes(1);
  });

  it('stays pending when the sign-out fails again', async () => {
    markSignOutPending();
    setOnline(true);
    expect(await finishPendingSignOut(async () => Promise.reject(new Error('network')))).toBe(false);
    expect(localStorage.getItem(SIGN_OUT_PENDING_KEY)).not.toBeNull();
  });

  it('does nothing when no sign-out is pending', async () => {
    setOnline(true);
    const end = vi.fn(async () => undefined);
    expect(await finishPendingSignOut(end)).toBe(false);
    expect(end).not.toHaveBeenCalled();
  });
});
