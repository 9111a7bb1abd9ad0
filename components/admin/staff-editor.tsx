'use client';

import { useTranslations } from 'next-intl';
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
import { ROLES, type Role } from '@/lib/auth/roles';

export interface StaffEditorRow {
  subject: string;
  displayName: string;
  username: string | null;
  kind: string;
  role: Role | null;
  /** "Admin (set by configuration)", "Hostess (from Footprints)": held whatever is assigned here. */
  inherent: string | null;
  /** The inherent role is admin (set by configuration). */
  inherentAdmin: boolean;
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

type StaffT = ReturnType<typeof useTranslations<'admin.staff'>>;

function useStaffWords() {
  const t = useTranslations('admin.staff');
  const tr = useTranslations('roles');
  const roleOptions = ROLES.map((r) => ({ value: r, label: tr(r) }));
  return { t, tr, roleOptions };
}

function storeNames(ids: readonly string[], stores: readonly StoreOption[]): string {
  return ids.map((id) => stores.find((s) => s.id === id)?.name ?? id).join(', ');
}

/** What a row's person sees, in words: admins every store, else the choice made here, else Footprints' list. */
function storesSummary(row: StaffEditorRow, stores: readonly StoreOption[], t: StaffT): string {
  if (row.role === 'admin' || row.inherentAdmin) return t('allAdmin');
  if (row.storeOverride === 'all') return t('allChosen');
  if (row.storeOverride) return t('chosen', { stores: storeNames(row.storeOverride, stores) });
  if (row.footprintsStores?.length) return t('fromFootprints', { stores: storeNames(row.footprintsStores, stores) });
  return t('noStore');
}

const savedText = (sessionsEnded: number, t: StaffT) => (sessionsEnded > 0 ? t('effectEnded') : t('effectNow'));

/** `me`: the signed-in admin's subject (removing one's own admin role is confirmed first). */
export function StaffEditor({ rows, me, stores, query }: { rows: StaffEditorRow[]; me: string; stores: StoreOption[]; query: string }) {
  const router = useRouter();
  const toast = useToast();
  const { t, tr, roleOptions } = useStaffWords();
  const columns: TableColumn[] = [
    { key: 'name', label: t('columns.name') },
    { key: 'sign-in', label: t('columns.signIn') },
    { key: 'last', label: t('columns.last') },
    { key: 'role', label: t('columns.role') },
    { key: 'save', label: t('columns.save'), hiddenLabel: true },
    { key: 'stores', label: t('columns.stores') },
  ];
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
    toast(
      'success',
      t('savedRole', {
        name: row.displayName,
        role: value ? tr(value) : row.inherent ? t('onlyInherent', { role: row.inherent }) : t('noRole'),
        effect: savedText(result.data.sessionsEnded, t),
      }),
    );
    router.refresh();
  }

  return (
    <div>
      <div className="mb-4 flex flex-wrap items-end gap-6">
        <form method="get" action="/admin/staff" role="search" className="flex items-end gap-2">
          <Field id="staff-search" name="q" type="search" label={t('search')} defaultValue={query} hint={t('searchHint')} />
          <Button type="submit" variant="secondary">
            {t('searchButton')}
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
      <Table caption={t('caption')} captionHidden columns={columns} rowCount={rows.length} textSize="base" minWidthClass="min-w-[640px]" empty={query ? t('noMatch') : t('nobody')}>
        {rows.map((row) => {
          const changed = (draft[row.subject] ?? '') !== (row.role ?? '');
          return (
            <Tr key={row.subject} data-testid={`staff-row-${row.username ?? row.subject}`}>
              <Td className="font-medium">
                {/* The id on hover, for support questions; the name is what people recognise. */}
                <span title={row.subject}>{row.displayName}</span>
                {row.subject === me ? <span className="ml-1 text-sm font-normal text-slate-600">{t('you')}</span> : null}
              </Td>
              <Td className="text-sm text-slate-700">
                {row.kind === 'hostess' ? t('pin') : t('username', { username: row.username ?? '' })}
                {row.fromFootprints ? <span className="block text-xs text-slate-600">{t('footprintsUser')}</span> : null}
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
                  label={row.inherent ? t('roleOfInherent', { name: row.displayName }) : t('roleOf', { name: row.displayName })}
                  value={draft[row.subject] ?? ''}
                  onChange={(e) => setDraft((d) => ({ ...d, [row.subject]: e.target.value as Role | '' }))}
                  placeholder={row.inherent ? t('nothingMore') : t('noRole')}
                  options={roleOptions}
                />
                <p className="mt-1 text-xs text-slate-600" title={row.assignedById ?? undefined}>
                  {row.assigned}
                </p>
              </Td>
              <Td>
                <Button variant="secondary" disabled={!changed} pending={pending === row.subject} pendingLabel={t('saving')} onClick={() => save(row)} aria-label={t('saveRoleOf', { name: row.displayName })}>
                  {t('save')}
                </Button>
              </Td>
              <Td className="text-sm text-slate-800">
                <p data-testid="stores-summary">{storesSummary(row, stores, t)}</p>
                <Button variant="secondary" className="mt-1" onClick={() => setEditingStores(row)} aria-label={t('storesOf', { name: row.displayName })}>
                  {t('storesButton')}
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
  const { t } = useStaffWords();
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
      title={t('confirmTitle')}
      description={message}
    >
      <div className="mt-4 flex flex-wrap gap-3">
        <Button type="button" variant="danger" pending={pending} pendingLabel={t('saving')} onClick={onConfirm}>
          {t('removeMine')}
        </Button>
        <Button ref={keep} type="button" variant="secondary" onClick={onCancel}>
          {t('keep')}
        </Button>
      </div>
    </Dialog>
  );
}

/** Sets up a person by the username they will sign in with, before their first sign-in. */
function SetUpPerson({ onSaved }: { onSaved: () => void }) {
  const toast = useToast();
  const { t, tr, roleOptions } = useStaffWords();
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [pending, setPending] = useState(false);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const name = username.trim();
    if (!name || !role) {
      toast('error', t('setupMissing'));
      return;
    }
    setPending(true);
    const result = await assignRoleAction({ subject: `user:${name}`, role, newPerson: true });
    setPending(false);
    if (!result.ok) {
      toast('error', result.error.message);
      return;
    }
    toast('success', t('setupDone', { name, role: tr(role) }));
    setUsername('');
    setRole('');
    onSaved();
  }
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label={t('setupLabel')}>
      <Field id="setup-username" label={t('setupUsername')} value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" maxLength={200} />
      <Select id="setup-role" label={t('setupRole')} value={role} onChange={(e) => setRole(e.target.value as Role | '')} placeholder={t('chooseRole')} options={roleOptions} />
      <Button type="submit" pending={pending} pendingLabel={t('saving')}>
        {t('setup')}
      </Button>
    </form>
  );
}

type StoreChoice = 'footprints' | 'all' | 'chosen';

/** The stores of one person: Footprints' list, every store, or the stores ticked here. */
function StoresDialog({ row, stores, onClose, onSaved }: { row: StaffEditorRow; stores: StoreOption[]; onClose: () => void; onSaved: () => void }) {
  const toast = useToast();
  const { t } = useStaffWords();
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
    const words = choice === 'footprints' ? t('storesFromFootprints') : choice === 'all' ? t('allStores') : storeNames(ticked, stores);
    toast('success', t('storesSaved', { name: row.displayName, stores: words, effect: savedText(result.data.sessionsEnded, t) }));
    onSaved();
  }
  return (
    <Dialog open onClose={onClose} dismissible={!pending} size="md" testId="stores-dialog" title={t('storesOf', { name: row.displayName })}>
      <RadioGroup
        id="store-choice"
        label={t('storeChoice')}
        value={choice}
        onChange={(v) => setChoice(v as StoreChoice)}
        options={[
          { value: 'footprints', label: row.footprintsStores?.length ? t('asFootprints', { stores: storeNames(row.footprintsStores, stores) }) : t('asFootprintsNone') },
          { value: 'all', label: t('allStoresOption') },
          { value: 'chosen', label: t('theseStores') },
        ]}
      />
      {choice === 'chosen' ? (
        <fieldset className="mt-2 ml-8">
          <legend className="sr-only">{t('storesOf', { name: row.displayName })}</legend>
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
        <Button type="button" pending={pending} pendingLabel={t('saving')} onClick={() => void save()}>
          {t('saveStores')}
        </Button>
        <Button type="button" variant="secondary" onClick={onClose}>
          {t('cancel')}
        </Button>
      </div>
    </Dialog>
  );
}
