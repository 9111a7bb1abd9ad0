'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { assignRoleAction } from '@/app/(console)/admin/actions';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useToast } from '@/components/ui/toast';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/auth/roles';

export interface RoleEditorRow {
  subject: string;
  displayName: string;
  username: string | null;
  kind: string;
  role: Role | null;
  /** "Admin (set by configuration)", "Hostess (from Footprints)": held whatever is assigned here. */
  inherent: string | null;
  lastSignIn: string;
  assigned: string;
  assignedById: string | null;
}

/** `me`: the signed-in admin's subject (removing one's own admin role is confirmed first). */
export function RoleEditor({ rows, me }: { rows: RoleEditorRow[]; me: string }) {
  const router = useRouter();
  const toast = useToast();
  const [draft, setDraft] = useState<Record<string, Role | ''>>(() => Object.fromEntries(rows.map((r) => [r.subject, r.role ?? ''])));
  const [pending, setPending] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<{ row: RoleEditorRow; message: string } | null>(null);

  async function save(row: RoleEditorRow, confirmOwnAdminRemoval = false) {
    const value = draft[row.subject] ?? '';
    setPending(row.subject);
    const result = await assignRoleAction({ subject: row.subject, role: value === '' ? null : value, confirmOwnAdminRemoval });
    setPending(null);
    if (!result.ok) {
      toast('error', result.error.message);
      return;
    }
    if (!result.data.saved) {
      setConfirming({ row, message: result.data.confirm ?? '' });
      return;
    }
    setConfirming(null);
    toast('success', `${row.displayName}: ${value ? ROLE_LABELS[value] : row.inherent ? `only ${row.inherent}` : 'no role'}. It takes effect at their next sign-in.`);
    router.refresh();
  }

  return (
    <div className="overflow-x-auto">
      {confirming ? (
        <ConfirmOwnRemoval
          subject={confirming.row.subject}
          message={confirming.message}
          pending={pending === confirming.row.subject}
          onConfirm={() => void save(confirming.row, true)}
          onCancel={() => {
            setDraft((d) => ({ ...d, [confirming.row.subject]: confirming.row.role ?? '' }));
            setConfirming(null);
          }}
        />
      ) : null}
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
                <td className="py-2 pr-3 font-medium">
                  {/* The id on hover, for support questions; the name is what people recognise. */}
                  <span title={row.subject}>{row.displayName}</span>
                  {row.subject === me ? <span className="ml-1 text-sm font-normal text-slate-600">(you)</span> : null}
                </td>
                <td className="py-2 pr-3 text-sm text-slate-700">{row.kind === 'hostess' ? 'PIN (hostess)' : `username ${row.username ?? ''}`}</td>
                <td className="py-2 pr-3 text-sm text-slate-700">{row.lastSignIn}</td>
                <td className="py-2 pr-3">
                  {row.inherent ? (
                    <p className="mb-1 text-sm font-semibold text-slate-800" data-testid="inherent-role">
                      {row.inherent}
                    </p>
                  ) : null}
                  <label htmlFor={selectId} className="sr-only">
                    {row.inherent ? `Role of ${row.displayName} given in the console` : `Role of ${row.displayName}`}
                  </label>
                  <select
                    id={selectId}
                    value={draft[row.subject] ?? ''}
                    onChange={(e) => setDraft((d) => ({ ...d, [row.subject]: e.target.value as Role | '' }))}
                    className="min-h-11 rounded-lg border border-slate-300 bg-white px-2"
                  >
                    <option value="">{row.inherent ? 'Nothing more' : 'No role'}</option>
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                  <p className="mt-1 text-xs text-slate-600" title={row.assignedById ?? undefined}>
                    {row.assigned}
                  </p>
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

/**
 * Asks before an admin removes their own admin role (the server refuses it unconfirmed too). Focus goes back
 * to the row's role menu either way (its Save button is disabled again once the change is kept or undone).
 */
function ConfirmOwnRemoval({
  subject,
  message,
  pending,
  onConfirm,
  onCancel,
}: {
  subject: string;
  message: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const keep = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      open
      onClose={onCancel}
      role="alertdialog"
      size="sm"
      dismissible={!pending}
      initialFocus={keep}
      returnFocus={() => document.getElementById(`role-${subject}`)}
      testId="confirm-own-admin"
      title="Remove your own admin role?"
      description={message}
    >
      <div className="mt-4 flex flex-wrap gap-3">
        <Button type="button" variant="danger" pending={pending} pendingLabel="Saving…" onClick={onConfirm}>
          Remove my admin role
        </Button>
        <Button ref={keep} type="button" variant="secondary" onClick={onCancel}>
          Keep it
        </Button>
      </div>
    </Dialog>
  );
}
