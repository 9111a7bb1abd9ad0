'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { assignRoleAction } from '@/app/(console)/admin/actions';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Select } from '@/components/ui/select';
import { Table, Td, Tr, type TableColumn } from '@/components/ui/table';
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

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

const COLUMNS: TableColumn[] = [
  { key: 'name', label: 'Name' },
  { key: 'sign-in', label: 'Sign-in' },
  { key: 'last', label: 'Last sign-in' },
  { key: 'role', label: 'Role' },
  { key: 'save', label: 'Save', hiddenLabel: true },
];

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
    <div>
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
      <Table caption="Staff and their console roles" captionHidden columns={COLUMNS} rowCount={rows.length} textSize="base" minWidthClass="min-w-[640px]" empty="Nobody has signed in yet.">
        {rows.map((row) => {
          const changed = (draft[row.subject] ?? '') !== (row.role ?? '');
          return (
            <Tr key={row.subject} data-testid={`staff-row-${row.username ?? row.subject}`}>
              <Td className="font-medium">
                {/* The id on hover, for support questions; the name is what people recognise. */}
                <span title={row.subject}>{row.displayName}</span>
                {row.subject === me ? <span className="ml-1 text-sm font-normal text-slate-600">(you)</span> : null}
              </Td>
              <Td className="text-sm text-slate-700">{row.kind === 'hostess' ? 'PIN (hostess)' : `username ${row.username ?? ''}`}</Td>
              <Td className="text-sm text-slate-700">{row.lastSignIn}</Td>
              <Td>
                {row.inherent ? (
                  <p className="mb-1 text-sm font-semibold text-slate-800" data-testid="inherent-role">
                    {row.inherent}
                  </p>
                ) : null}
                <Select
                  id={`role-${row.subject}`}
                  labelHidden
                  label={row.inherent ? `Role of ${row.displayName} given in the console` : `Role of ${row.displayName}`}
                  value={draft[row.subject] ?? ''}
                  onChange={(e) => setDraft((d) => ({ ...d, [row.subject]: e.target.value as Role | '' }))}
                  placeholder={row.inherent ? 'Nothing more' : 'No role'}
                  options={ROLE_OPTIONS}
                />
                <p className="mt-1 text-xs text-slate-600" title={row.assignedById ?? undefined}>
                  {row.assigned}
                </p>
              </Td>
              <Td>
                <Button variant="secondary" disabled={!changed} pending={pending === row.subject} pendingLabel="Saving…" onClick={() => save(row)} aria-label={`Save role of ${row.displayName}`}>
                  Save
                </Button>
              </Td>
            </Tr>
          );
        })}
      </Table>
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
