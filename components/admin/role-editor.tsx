'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { assignRoleAction } from '@/app/(console)/admin/actions';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/auth/roles';

export interface RoleEditorRow {
  subject: string;
  displayName: string;
  username: string | null;
  kind: string;
  role: Role | null;
  lastSignIn: string;
  assigned: string;
}

export function RoleEditor({ rows }: { rows: RoleEditorRow[] }) {
  const router = useRouter();
  const toast = useToast();
  const [draft, setDraft] = useState<Record<string, Role | ''>>(() => Object.fromEntries(rows.map((r) => [r.subject, r.role ?? ''])));
  const [pending, setPending] = useState<string | null>(null);

  async function save(row: RoleEditorRow) {
    const value = draft[row.subject] ?? '';
    setPending(row.subject);
    const result = await assignRoleAction({ subject: row.subject, role: value === '' ? null : value });
    setPending(null);
    if (result.ok) {
      toast('success', `${row.displayName}: ${value ? ROLE_LABELS[value] : 'no role'}. It takes effect at their next sign-in.`);
      router.refresh();
    } else {
      toast('error', result.error.message);
    }
  }

  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[640px] text-left text-base">
        <caption className="sr-only">Staff and their console roles</caption>
        <thead className="border-b border-slate-300 text-sm text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3">Name</th>
            <th scope="col" className="py-2 pr-3">Sign-in</th>
            <th scope="col" className="py-2 pr-3">Last sign-in</th>
            <th scope="col" className="py-2 pr-3">Role</th>
            <th scope="col" className="py-2"><span className="sr-only">Save</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const selectId = `role-${row.subject}`;
            const changed = (draft[row.subject] ?? '') !== (row.role ?? '');
            return (
              <tr key={row.subject} className="border-b border-slate-200" data-testid={`staff-row-${row.username ?? row.subject}`}>
                <td className="py-2 pr-3 font-medium">{row.displayName}</td>
                <td className="py-2 pr-3 text-sm text-slate-700">{row.kind === 'hostess' ? 'PIN (hostess)' : `username ${row.username ?? ''}`}</td>
                <td className="py-2 pr-3 text-sm text-slate-700">{row.lastSignIn}</td>
                <td className="py-2 pr-3">
                  <label htmlFor={selectId} className="sr-only">
                    Role of {row.displayName}
                  </label>
                  <select
                    id={selectId}
                    value={draft[row.subject] ?? ''}
                    onChange={(e) => setDraft((d) => ({ ...d, [row.subject]: e.target.value as Role | '' }))}
                    className="min-h-11 rounded-lg border border-slate-300 bg-white px-2"
                  >
                    <option value="">No role</option>
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                  <p className="mt-1 text-xs text-slate-500">{row.assigned}</p>
                </td>
                <td className="py-2">
                  <Button variant="secondary" disabled={!changed} pending={pending === row.subject} pendingLabel="Saving…" onClick={() => save(row)} aria-label={`Save role of ${row.displayName}`}>
                    Save
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
