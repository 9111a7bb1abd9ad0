'use client';

import { useEffect, useLayoutEffect, useRef } from 'react';

/**
 * Asks before a half-filled form is left: reloading or closing the tab (the browser's own beforeunload
 * prompt), following a link inside the console (Next's client navigation does not fire beforeunload, so
 * link clicks are checked before Next sees them: a capture-phase listener on the document), and the
 * browser's Back button: while the form is half-filled a second history entry for the same address sits on
 * top, so Back only pops that entry (nothing is left); the question is asked then, and "Cancel" puts the
 * entry back while "OK" goes back for real. `question` is asked in the page's language.
 */
export function useLeaveGuard(shouldAsk: () => boolean, question: string): void {
  const ask = useRef(shouldAsk);
  const words = useRef(question);
  // The latest callback and words, stored after each render commits (never during render).
  useLayoutEffect(() => {
    ask.current = shouldAsk;
    words.current = question;
  });
  // Set once she chose to leave: the page that unloads next must not ask a second time.
  const leaving = useRef(false);
  // Whether the guard entry (same address, on top of this page's own) is in the history now.
  const armed = useRef(false);
  useEffect(() => {
    const arm = () => {
      if (armed.current || leaving.current || !ask.current()) return;
      // The same state Next stored (its router restores from it), under a marker of ours.
      window.history.pushState({ ...(window.history.state ?? {}), __captureGuard: true }, '', window.location.href);
      armed.current = true;
    };
    // Arm as soon as something is typed (and after each answer); `input` and `change` cover fields and selects.
    const onInput = () => window.setTimeout(arm, 0);
    const onPopState = () => {
      if (!armed.current || (window.history.state as { __captureGuard?: boolean } | null)?.__captureGuard) return;
      armed.current = false;
      if (ask.current() && !window.confirm(words.current)) {
        arm();
        return;
      }
      leaving.current = true;
      window.history.back();
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (leaving.current || !ask.current()) return;
      e.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      e.returnValue = '';
    };
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
      if (!link || (link.target && link.target !== '_self') || link.hasAttribute('download')) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      if (!ask.current()) return;
      if (!window.confirm(words.current)) {
        e.preventDefault();
        e.stopPropagation();
      } else leaving.current = true;
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('popstate', onPopState);
    document.addEventListener('click', onClick, true);
    document.addEventListener('input', onInput, true);
    document.addEventListener('change', onInput, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('popstate', onPopState);
      document.removeEventListener('click', onClick, true);
      document.removeEventListener('input', onInput, true);
      document.removeEventListener('change', onInput, true);
    };
  }, []);
}
