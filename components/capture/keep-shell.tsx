'use client';

import { useEffect } from 'react';
import { keepShellOnDevice, type ShellPage } from '@/components/offline/offline-shell';
import { useFinishPendingSignOut } from '@/components/offline/pending-sign-out';

/**
 * On a shell page other than the desk (the sign-in page): registers the worker and lists the page's files, and
 * finishes a sign-out tapped offline.
 */
export function KeepShellOnDevice({ page }: { page: ShellPage }) {
  // The sign-in page shown offline after a sign-out ends that session when the network is back.
  useFinishPendingSignOut();
  useEffect(() => void keepShellOnDevice(page), [page]);
  return null;
}
