'use client';

import { useEffect } from 'react';
import { keepShellOnDevice, type ShellPage } from './offline-shell';

/** On a shell page other than the desk (the sign-in page): registers the worker and lists the page's files. */
export function KeepShellOnDevice({ page }: { page: ShellPage }) {
  useEffect(() => void keepShellOnDevice(page), [page]);
  return null;
}
