'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { liftLockoutAction } from '@/app/(console)/admin/security/actions';
import { Button } from '@/components/ui/button';
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
  if (!rows.length) return <p data-testid="lockouts-empty">No address, device or username is held back right now.</p>;
  return (
    <table className="w-full text-left text-base" data-testid="lockouts">
      <thead>
        <tr className="border-b border-slate-200">
          <th scope="col" className="py-2">Who</th>
          <th scope="col" className="py-2">Failed sign-ins</th>
          <th scope="col" className="py-2">Waits until</th>
          <th scope="col" className="py-2"><span className="sr-only">Action</span></th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-b border-slate-100" data-testid="lockout-row">
            <td className="py-2">{row.label}{row.locked ? ' (locked out)' : ''}</td>
            <td className="py-2">{row.failures}</td>
            <td className="py-2">{row.until}</td>
            <td className="py-2 text-right">
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
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
