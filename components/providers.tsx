'use client';

import { useEffect, type ReactNode } from 'react';
import { ToastProvider } from '@/components/ui/toast';
// Nothing else on every page (issue 10, point 6 — lighter pages): TanStack Query comes with the pages that
// use it (components/data/query-client.tsx); zod, made jitless and given the staff's words, with the code that
// parses in the browser (components/forms/zod-setup.ts), never with the first load of a hostess page.

export function Providers({ children }: { children: ReactNode }) {
  useEffect(() => {
    // Lets end-to-end tests (and nothing else) know React has attached its handlers.
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return <ToastProvider>{children}</ToastProvider>;
}
