'use client';

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

/** A half-filled form left alone this long asks whether the customer is still there … */
export const IDLE_WARN_MS = 2 * 60_000;
/** … and is cleared this long after the question, unless the hostess answers. */
export const IDLE_CLEAR_MS = 30_000;

/**
 * Shared tablet: two minutes without a touch on a half-filled form → warn; 30 s more → `onClear`. A touch, a
 * key or an answer to the warning starts the two minutes again. `active()` is false while there is nothing
 * to protect (an empty form) or a save is under way.
 */
export function useIdleClear(active: () => boolean, onClear: () => void) {
  const [warning, setWarning] = useState(false);
  const lastActivity = useRef(0);
  const warnedAt = useRef<number | null>(null);
  const latest = useRef({ active, onClear });
  // The latest callbacks, stored after each render commits (never during render); read by the timer.
  useLayoutEffect(() => {
    latest.current = { active, onClear };
  });

  const stay = useCallback(() => {
    lastActivity.current = Date.now();
    warnedAt.current = null;
    setWarning(false);
  }, []);

  useEffect(() => {
    lastActivity.current = Date.now();
    const mark = () => {
      lastActivity.current = Date.now();
      if (warnedAt.current !== null) stay();
    };
    const events = ['pointerdown', 'keydown', 'input', 'touchstart'] as const;
    events.forEach((e) => window.addEventListener(e, mark, { passive: true }));
    const timer = window.setInterval(() => {
      const now = Date.now();
      if (!latest.current.active()) {
        lastActivity.current = Math.max(lastActivity.current, now - 1_000);
        return;
      }
      if (warnedAt.current === null && now - lastActivity.current >= IDLE_WARN_MS) {
        warnedAt.current = now;
        setWarning(true);
      } else if (warnedAt.current !== null && now - warnedAt.current >= IDLE_CLEAR_MS) {
        warnedAt.current = null;
        setWarning(false);
        latest.current.onClear();
      }
    }, 1_000);
    return () => {
      events.forEach((e) => window.removeEventListener(e, mark));
      window.clearInterval(timer);
    };
  }, [stay]);

  return { warning, stay };
}
