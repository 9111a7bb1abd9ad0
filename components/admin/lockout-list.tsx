'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { liftLockoutAction } from '@/app/(console)/admin/security/actions';
import { Button } from '@/components/ui/button';
import { Table, Td, Tr, type TableColumn } from '@/components/ui/table';
import { useToast } from '@/components/ui/toast';

export interface LockoutRow {
  key: string;
  /** "Address 10.0.4.17", "Device 3f2a…", "Username manager". */
  label: string;
  failures: number;
  until: string;
  locked: boolean;
}


export function LockoutList({ rows }: { rows: LockoutRow[] }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, setPending] = useState<string | null>(null);
  const t = useTranslations('admin.security');
  const columns: TableColumn[] = [
    { key: 'who', label: t('lockoutColumns.who') },
    { key: 'failures', label: t('lockoutColumns.failures') },
    { key: 'until', label: t('lockoutColumns.until') },
    { key: 'action', label: t('lockoutColumns.action'), hiddenLabel: true },
  ];
  return (
    <Table testId="lockouts" caption={t('lockoutCaption')} captionHidden columns={columns} rowCount={rows.length} textSize="base" empty={t('lockoutEmpty')}>
      {rows.map((row) => (
        <Tr key={row.key} className="border-slate-100" data-testid="lockout-row">
          <Td>
            {row.locked ? t('lockedOut', { label: row.label }) : row.label}
          </Td>
          <Td>{row.failures}</Td>
          <Td>{row.until}</Td>
          <Td className="text-right">
            <Button
              variant="secondary"
              pending={pending === row.key}
              pendingLabel={t('lifting')}
              aria-label={t('liftLabel', { label: row.label })}
              onClick={async () => {
                setPending(row.key);
                const result = await liftLockoutAction({ key: row.key });
                setPending(null);
                if (result.ok) {
                  toast('success', t('lifted', { label: row.label }));
                  router.refresh();
                } else toast('error', result.error.message);
              }}
            >
              {t('lift')}
            </Button>
          </Td>
        </Tr>
      ))}
    </Table>
  );
}
