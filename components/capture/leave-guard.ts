'use client';

import { useEffect, useRef } from 'react';

export const LEAVE_QUESTION = 'Leave this form? What you typed for this customer will be lost.';

/**
 * Asks before a half-filled form is left: reloading or closing the tab (the browser's own beforeunload
 * prompt), and following a link inside the console (Next's client navigation does not fire beforeunload, so
 * link clicks are checked before Next sees them: a capture-phase listener on the document).
 */
export function useLeaveGuard(shouldAsk: () => boolean): void {
  const ask = useRef(shouldAsk);
  ask.current = shouldAsk;
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!ask.current()) return;
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
      if (!window.confirm(LEAVE_QUESTION)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, []);
}
