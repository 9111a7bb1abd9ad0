'use client';

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

const COLUMNS: TableColumn[] = [
  { key: 'who', label: 'Who' },
  { key: 'failures', label: 'Failed sign-ins' },
  { key: 'until', label: 'Waits until' },
  { key: 'action', label: 'Action', hiddenLabel: true },
];

export function LockoutList({ rows }: { rows: LockoutRow[] }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, setPending] = useState<string | null>(null);
  return (
    <Table testId="lockouts" caption="Addresses, devices and usernames held back from signing in" captionHidden columns={COLUMNS} rowCount={rows.length} textSize="base" empty="No address, device or username is held back right now.">
      {rows.map((row) => (
        <Tr key={row.key} className="border-slate-100" data-testid="lockout-row">
          <Td>
            {row.label}
            {row.locked ? ' (locked out)' : ''}
          </Td>
          <Td>{row.failures}</Td>
          <Td>{row.until}</Td>
          <Td className="text-right">
            <Button
              variant="secondary"
              pending={pending === row.key}
              pendingLabel="Lifting…"
              aria-label={`Lift the lockout of ${row.label}`}
              onClick={async () => {
                setPending(row.key);
                const result = await liftLockoutAction({ key: row.key });
                setPending(null);
                if (result.ok) {
                  toast('success', `${row.label} can sign in again.`);
                  router.refresh();
                } else toast('error', result.error.message);
              }}
            >
              Lift
            </Button>
          </Td>
        </Tr>
      ))}
    </Table>
  );
}
