'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { assignRoleAction, assignStoresAction } from '@/app/(console)/admin/actions';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { RadioGroup } from '@/components/ui/radio-group';
import { Select } from '@/components/ui/select';
import { Table, Td, Tr, type TableColumn } from '@/components/ui/table';
import { useToast } from '@/components/ui/toast';
import { ROLE_LABELS, ROLES, type Role } from '@/lib/auth/roles';

export interface StaffEditorRow {
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
  email: string | null;
  /** Not signed in yet: set up here by username, or a Footprints business user. */
  newPerson: boolean;
  fromFootprints: boolean;
  /** The admin's store choice ('all' or location ids), or null: Footprints decides. */
  storeOverride: 'all' | string[] | null;
  /** The locations Footprints lists for the person, when it knows them. */
  footprintsStores: string[] | null;
}

export interface StoreOption {
  id: string;
  name: string;
}

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

const COLUMNS: TableColumn[] = [
  { key: 'name', label: 'Name' },
  { key: 'sign-in', label: 'Sign-in' },
  { key: 'last', label: 'Last sign-in' },
  { key: 'role', label: 'Role' },
  { key: 'save', label: 'Save', hiddenLabel: true },
  { key: 'stores', label: 'Stores' },
];

function storeNames(ids: readonly string[], stores: readonly StoreOption[]): string {
  return ids.map((id) => stores.find((s) => s.id === id)?.name ?? id).join(', ');
}

/** What a row's person sees, in words: admins every store, else the choice made here, else Footprints' list. */
function storesSummary(row: StaffEditorRow, stores: readonly StoreOption[]): string {
  if (row.role === 'admin' || row.inherent?.startsWith('Admin')) return 'All stores (admin)';
  if (row.storeOverride === 'all') return 'All stores (chosen here)';
  if (row.storeOverride) return `${storeNames(row.storeOverride, stores)} (chosen here)`;
  if (row.footprintsStores?.length) return `${storeNames(row.footprintsStores, stores)} (from Footprints)`;
  return 'No store: sees no data';
}

const savedText = (sessionsEnded: number) => (sessionsEnded > 0 ? ' It takes effect now: their open sessions were ended.' : ' It takes effect now.');

/** `me`: the signed-in admin's subject (removing one's own admin role is confirmed first). */
export function StaffEditor({ rows, me, stores, query }: { rows: StaffEditorRow[]; me: string; stores: StoreOption[]; query: string }) {
  const router = useRouter();
  const toast = useToast();
  const [draft, setDraft] = useState<Record<string, Role | ''>>(() => Object.fromEntries(rows.map((r) => [r.subject, r.role ?? ''])));
  const [pending, setPending] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<{ row: StaffEditorRow; message: string } | null>(null);
  const [editingStores, setEditingStores] = useState<StaffEditorRow | null>(null);
  const [prevRows, setPrevRows] = useState(rows);
  // A refreshed list (after a save or a search) brings new rows: the drafts follow the rows' identities.
  if (prevRows !== rows && (prevRows.length !== rows.length || prevRows.some((d, i) => d.subject !== rows[i].subject))) {
    setPrevRows(rows);
    setDraft((d) => ({ ...Object.fromEntries(rows.map((r) => [r.subject, r.role ?? ''])), ...Object.fromEntries(Object.entries(d).filter(([k]) => rows.some((r) => r.subject === k))) }));
  }

  async function save(row: StaffEditorRow, confirmOwnAdminRemoval = false) {
    const value = draft[row.subject] ?? '';
    setPending(row.subject);
    const result = await assignRoleAction({ subject: row.subject, role: value === '' ? null : value, confirmOwnAdminRemoval, newPerson: row.newPerson });
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
    toast('success', `${row.displayName}: ${value ? ROLE_LABELS[value] : row.inherent ? `only ${row.inherent}` : 'no role'}.${savedText(result.data.sessionsEnded)}`);
    router.refresh();
  }

  return (
    <div>
      <div className="mb-4 flex flex-wrap items-end gap-6">
        <form method="get" action="/admin/staff" role="search" className="flex items-end gap-2">
          <Field id="staff-search" name="q" type="search" label="Search staff" defaultValue={query} hint="Name, username or e-mail" />
          <Button type="submit" variant="secondary">
            Search
          </Button>
        </form>
        <SetUpPerson onSaved={() => router.refresh()} />
      </div>
      {editingStores ? (
        <StoresDialog
          row={editingStores}
          stores={stores}
          onClose={() => setEditingStores(null)}
          onSaved={() => {
            setEditingStores(null);
            router.refresh();
          }}
        />
      ) : null}
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
      <Table caption="Staff and their console roles" captionHidden columns={COLUMNS} rowCount={rows.length} textSize="base" minWidthClass="min-w-[640px]" empty={query ? 'Nobody matches this search.' : 'Nobody has signed in yet.'}>
        {rows.map((row) => {
          const changed = (draft[row.subject] ?? '') !== (row.role ?? '');
          return (
            <Tr key={row.subject} data-testid={`staff-row-${row.username ?? row.subject}`}>
              <Td className="font-medium">
                {/* The id on hover, for support questions; the name is what people recognise. */}
                <span title={row.subject}>{row.displayName}</span>
                {row.subject === me ? <span className="ml-1 text-sm font-normal text-slate-600">(you)</span> : null}
              </Td>
              <Td className="text-sm text-slate-700">
                {row.kind === 'hostess' ? 'PIN (hostess)' : `username ${row.username ?? ''}`}
                {row.fromFootprints ? <span className="block text-xs text-slate-600">Footprints business user</span> : null}
              </Td>
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
              <Td className="text-sm text-slate-800">
                <p data-testid="stores-summary">{storesSummary(row, stores)}</p>
                <Button variant="secondary" className="mt-1" onClick={() => setEditingStores(row)} aria-label={`Stores of ${row.displayName}`}>
                  Stores…
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

/** Sets up a person by the username they will sign in with, before their first sign-in. */
function SetUpPerson({ onSaved }: { onSaved: () => void }) {
  const toast = useToast();
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [pending, setPending] = useState(false);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const name = username.trim();
    if (!name || !role) {
      toast('error', 'Enter the username and choose a role.');
      return;
    }
    setPending(true);
    const result = await assignRoleAction({ subject: `user:${name}`, role, newPerson: true });
    setPending(false);
    if (!result.ok) {
      toast('error', result.error.message);
      return;
    }
    toast('success', `${name}: ${ROLE_LABELS[role]}. Choose their stores in the list.`);
    setUsername('');
    setRole('');
    onSaved();
  }
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label="Set up a person before their first sign-in">
      <Field id="setup-username" label="Username of a new person" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" maxLength={200} />
      <Select id="setup-role" label="Their role" value={role} onChange={(e) => setRole(e.target.value as Role | '')} placeholder="Choose a role" options={ROLE_OPTIONS} />
      <Button type="submit" pending={pending} pendingLabel="Saving…">
        Set up
      </Button>
    </form>
  );
}

type StoreChoice = 'footprints' | 'all' | 'chosen';

/** The stores of one person: Footprints' list, every store, or the stores ticked here. */
function StoresDialog({ row, stores, onClose, onSaved }: { row: StaffEditorRow; stores: StoreOption[]; onClose: () => void; onSaved: () => void }) {
  const toast = useToast();
  const [choice, setChoice] = useState<StoreChoice>(row.storeOverride === 'all' ? 'all' : row.storeOverride ? 'chosen' : 'footprints');
  const [ticked, setTicked] = useState<string[]>(Array.isArray(row.storeOverride) ? row.storeOverride : []);
  const [pending, setPending] = useState(false);
  async function save() {
    setPending(true);
    const result = await assignStoresAction({
      subject: row.subject,
      stores: choice === 'footprints' ? null : choice === 'all' ? { all: true } : { all: false, locationIds: ticked },
      newPerson: row.newPerson,
    });
    setPending(false);
    if (!result.ok) {
      toast('error', result.error.message);
      return;
    }
    const words = choice === 'footprints' ? 'stores from Footprints' : choice === 'all' ? 'all stores' : storeNames(ticked, stores);
    toast('success', `${row.displayName}: ${words}.${savedText(result.data.sessionsEnded)}`);
    onSaved();
  }
  return (
    <Dialog open onClose={onClose} dismissible={!pending} size="md" testId="stores-dialog" title={`Stores of ${row.displayName}`}>
      <RadioGroup
        id="store-choice"
        label="Which stores' data they see and change"
        value={choice}
        onChange={(v) => setChoice(v as StoreChoice)}
        options={[
          { value: 'footprints', label: row.footprintsStores?.length ? `As Footprints lists: ${storeNames(row.footprintsStores, stores)}` : 'As Footprints lists (none known: no store)' },
          { value: 'all', label: 'All stores' },
          { value: 'chosen', label: 'These stores:' },
        ]}
      />
      {choice === 'chosen' ? (
        <fieldset className="mt-2 ml-8">
          <legend className="sr-only">Stores of {row.displayName}</legend>
          {stores.map((s) => (
            <Checkbox
              key={s.id}
              id={`store-${s.id}`}
              label={s.name}
              checked={ticked.includes(s.id)}
              onChange={(e) => setTicked((t) => (e.target.checked ? [...t, s.id] : t.filter((x) => x !== s.id)))}
            />
          ))}
        </fieldset>
      ) : null}
      <div className="mt-4 flex flex-wrap gap-3">
        <Button type="button" pending={pending} pendingLabel="Saving…" onClick={() => void save()}>
          Save stores
        </Button>
        <Button type="button" variant="secondary" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </Dialog>
  );
}
