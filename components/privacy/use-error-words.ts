'use client';

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import { privacyErrorName } from '@/lib/privacy/errors';

/** Puts a privacy refusal given as a key (lib/privacy/errors.ts) into the staff's words; any other text as it is. */
export function useErrorWords(): <T extends string | null | undefined>(message: T) => T | string {
  const t = useTranslations('privacyCase.errors');
  return useCallback(
    <T extends string | null | undefined>(message: T): T | string => {
      const name = privacyErrorName(message);
      return name ? t(name) : message;
    },
    [t],
  );
}
