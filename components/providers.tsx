'use client';

import { useTranslations } from 'next-intl';
import { useEffect, type ReactNode } from 'react';
import { setBrowserValidationWords } from '@/lib/browser-words';
import { ToastProvider } from '@/components/ui/toast';
// Nothing else on every page (issue 10, point 6 — lighter pages): TanStack Query comes with the pages that
// use it (components/data/query-client.tsx); zod, made jitless and given the staff's words, with the code that
// parses in the browser (components/forms/zod-setup.ts), never with the first load of a hostess page.

export function Providers({ children }: { children: ReactNode }) {
  // The page's validation words for zod's map in the browser (lib/staff-words.ts), before any form parses.
  const validation = useTranslations('validation');
  setBrowserValidationWords((key, values) => validation(key as Parameters<typeof validation>[0], values));
  useEffect(() => {
    // Lets end-to-end tests (and nothing else) know React has attached its handlers.
    document.documentElement.dataset.hydrated = 'true';
  }, []);
  return <ToastProvider>{children}</ToastProvider>;
}
