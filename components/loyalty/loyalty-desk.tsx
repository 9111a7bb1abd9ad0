'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { blockCodeAction, checkCodeAction, prizeHistoryAction, redeemCodeAction, resendCheckinAction } from '@/app/(console)/loyalty/actions';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field } from '@/components/ui/field';
import { RadioGroup } from '@/components/ui/radio-group';
import { Textarea } from '@/components/ui/textarea';
import { useToast } from '@/components/ui/toast';
import type { CheckinView } from '@/lib/loyalty/checkin';
import type { ChangeResult } from '@/lib/loyalty/change-code';
import type { HistoryRow } from '@/lib/loyalty/get-prize-history';
import type { CampaignView, CodeView } from '@/lib/loyalty/views';
import { CheckCodeSchema, type CheckCodeForm } from '@/lib/loyalty/inputs';
import { BLOCK_REASONS, BLOCK_REASON_LABELS, type BlockReason } from '@/lib/loyalty/rules';
import { CampaignPicker } from './campaign-picker';
import { formatInstant } from '@/lib/dates';
import { STATUS_STYLES, newRequestId } from './format';

type Customer = { email: string; phone: string };
type Notice = { tone: 'info' | 'error'; text: string };

export function LoyaltyDesk({ timeZone, canBrowseAll }: { timeZone: string; canBrowseAll: boolean }) {
  const toast = useToast();
  const [campaign, setCampaign] = useState<CampaignView | null>(null);
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [code, setCode] = useState<CodeView | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [change, setChange] = useState<ChangeResult | null>(null);
  const [dialog, setDialog] = useState<'redeem' | 'block' | null>(null);
  const [history, setHistory] = useState<HistoryRow[] | null>(null);
  const [historyPending, setHistoryPending] = useState(false);
  // Where focus goes when the confirmation closes: its opener (Cancel, Escape) or what the change produced.
  const focusAfterDialog = useRef<string | null>(null);
  const openDialog = (kind: 'redeem' | 'block') => {
    focusAfterDialog.current = null;
    setDialog(kind);
  };

  const form = useForm<CheckCodeForm>({
    resolver: zodResolver(CheckCodeSchema),
    defaultValues: { campaignInternalId: '', email: '', phone: '' },
  });
  const { register, handleSubmit, setValue, formState } = form;

  function chooseCampaign(c: CampaignView | null) {
    setCampaign(c);
    setValue('campaignInternalId', c?.internalId ?? '', { shouldValidate: formState.isSubmitted });
    setCode(null);
    setChange(null);
    setNotice(null);
  }

  const onCheck = handleSubmit(async (values) => {
    setNotice(null);
    setChange(null);
    setCode(null);
    const result = await checkCodeAction(values);
    if (!result.ok) {
      for (const [field, messages] of Object.entries(result.error.fieldErrors ?? {})) {
        if (field === 'email' || field === 'phone' || field === 'campaignInternalId') form.setError(field, { message: messages[0] });
      }
      setNotice({ tone: 'error', text: result.error.message });
      return;
    }
    setCustomer({ email: values.email, phone: values.phone });
    setHistory(null);
    if (result.data.found) setCode(result.data.code);
    else setNotice({ tone: 'info', text: result.data.message });
  });

  async function loadHistory(who: Customer | null = customer) {
    if (!who) return;
    setHistoryPending(true);
    const result = await prizeHistoryAction(who);
    setHistoryPending(false);
    if (result.ok) setHistory(result.data);
    else toast('error', result.error.message);
  }

  function onChanged(result: ChangeResult) {
    focusAfterDialog.current = result.code.status === 'redeemed' ? 'redemption-result' : 'code-card';
    setCode(result.code);
    setChange(result);
    setDialog(null);
    toast('success', `Code ${result.code.code} ${result.code.status === 'redeemed' ? 'redeemed' : 'blocked'}: confirmed by Footprints.`);
    if (history) void loadHistory();
  }

  function onRefused(message: string, refreshed?: CodeView) {
    focusAfterDialog.current = 'loyalty-notice';
    setDialog(null);
    setNotice({ tone: 'error', text: message });
    if (refreshed) setCode(refreshed);
  }

  return (
    <div className="flex flex-col gap-6">
      <CampaignPicker timeZone={timeZone} canBrowseAll={canBrowseAll} value={campaign?.internalId ?? null} onChange={chooseCampaign} />

      <form onSubmit={onCheck} noValidate aria-labelledby="check-title" className="rounded-xl border border-slate-200 p-4">
        <h2 id="check-title" className="text-lg font-semibold">
          Check a customer’s code
        </h2>
        <input type="hidden" {...register('campaignInternalId')} />
        {formState.errors.campaignInternalId ? (
          <p className="mt-2 text-sm font-medium text-red-700">{formState.errors.campaignInternalId.message}</p>
        ) : null}
        <div className="mt-3 grid gap-4 md:grid-cols-2">
          <Field
            label="Customer e-mail"
            type="email"
            inputMode="email"
            autoComplete="email"
            autoCapitalize="none"
            spellCheck={false}
            error={formState.errors.email?.message}
            {...register('email')}
          />
          <Field label="Customer phone" type="tel" inputMode="tel" autoComplete="tel" error={formState.errors.phone?.message} {...register('phone')} />
        </div>
        <div className="mt-4 flex flex-wrap gap-3">
          <Button type="submit" pending={formState.isSubmitting} pendingLabel="Checking…" disabled={!campaign}>
            Check code
          </Button>
          {customer ? (
            <Button type="button" variant="secondary" pending={historyPending} pendingLabel="Loading history…" onClick={() => void loadHistory()}>
              Show prize history
            </Button>
          ) : null}
        </div>
        {!campaign ? <p className="mt-2 text-sm text-slate-700">Choose a campaign first.</p> : null}
      </form>

      {notice ? (
        <div
          id="loyalty-notice"
          tabIndex={-1}
          role={notice.tone === 'error' ? 'alert' : 'status'}
          data-testid="loyalty-notice"
          className={`rounded-xl border p-4 text-lg font-medium ${notice.tone === 'error' ? 'border-red-300 bg-red-50 text-red-900' : 'border-slate-300 bg-slate-50 text-slate-900'}`}
        >
          {notice.text}
        </div>
      ) : null}

      {code ? (
        <CodeCard
          code={code}
          timeZone={timeZone}
          onRedeem={() => openDialog('redeem')}
          onBlock={() => openDialog('block')}
        />
      ) : null}

      {change?.code.status === 'redeemed' ? <RedemptionFollowUps change={change} onCheckin={(checkin) => setChange({ ...change, checkin })} /> : null}

      {code && customer && campaign && dialog ? (
        <ConfirmDialog
          kind={dialog}
          code={code}
          customer={customer}
          campaign={campaign}
          onClose={() => setDialog(null)}
          returnFocus={() => (focusAfterDialog.current ? document.getElementById(focusAfterDialog.current) : null)}
          onChanged={onChanged}
          onRefused={onRefused}
        />
      ) : null}

      {history ? <PrizeHistory rows={history} timeZone={timeZone} /> : null}
    </div>
  );
}

function CodeCard({ code, timeZone, onRedeem, onBlock }: { code: CodeView; timeZone: string; onRedeem: () => void; onBlock: () => void }) {
  return (
    <section id="code-card" tabIndex={-1} aria-labelledby="code-title" data-testid="code-card" className="rounded-xl border-2 border-slate-300 bg-white p-5">
      <h2 id="code-title" className="text-base font-semibold text-slate-700">
        Customer’s code
      </h2>
      <p className="mt-1 font-mono text-5xl font-bold tracking-widest text-slate-950" data-testid="code-value">
        {code.code}
      </p>
      <dl className="mt-4 grid gap-x-6 gap-y-2 text-xl sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold text-slate-700">Prize</dt>
        <dd data-testid="code-prize" className="font-semibold text-slate-950">
          {code.prize ?? '—'}
        </dd>
        <dt className="font-semibold text-slate-700">Status</dt>
        <dd>
          <span data-testid="code-status" className={`inline-block rounded-full border px-3 py-0.5 font-semibold ${STATUS_STYLES[code.state]}`}>
            {code.statusLabel}
          </span>
        </dd>
        <dt className="font-semibold text-slate-700">Expires</dt>
        <dd className={code.expired ? 'font-semibold text-red-800' : undefined}>
          {formatInstant(code.expiresAt, timeZone, 'day')}
          {code.expired ? ' (expired)' : ''}
        </dd>
        {code.campaignEndedAt ? (
          <>
            <dt className="font-semibold text-slate-700">Campaign ended</dt>
            <dd className="font-semibold text-amber-950">{formatInstant(code.campaignEndedAt, timeZone, 'day')}</dd>
          </>
        ) : null}
        <dt className="font-semibold text-slate-700">Last update</dt>
        <dd>{formatInstant(code.lastUpdate, timeZone, 'dayTime')}</dd>
      </dl>
      {code.notice ? (
        <p data-testid="code-notice" className="mt-4 rounded-lg bg-amber-50 p-3 text-lg font-medium text-amber-950">
          {code.notice}
        </p>
      ) : null}
      {code.canRedeem || code.canBlock ? (
        <div className="mt-5 flex flex-wrap gap-3">
          {code.canRedeem ? (
            <Button type="button" className="min-h-14 px-8 text-lg" onClick={onRedeem}>
              Redeem
            </Button>
          ) : null}
          {code.canBlock ? (
            <Button type="button" variant="secondary" className="min-h-14 px-6 text-lg" onClick={onBlock}>
              Block…
            </Button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function ConfirmDialog({
  kind,
  code,
  customer,
  campaign,
  onClose,
  returnFocus,
  onChanged,
  onRefused,
}: {
  kind: 'redeem' | 'block';
  code: CodeView;
  customer: Customer;
  campaign: CampaignView;
  onClose: () => void;
  returnFocus: () => HTMLElement | null;
  onChanged: (result: ChangeResult) => void;
  onRefused: (message: string) => void;
}) {
  // One id per confirmation: a retry (or a second tap that slips through) is the same request.
  const [requestId] = useState(newRequestId);
  const [pending, setPending] = useState(false);
  const [reason, setReason] = useState<BlockReason | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  async function confirm() {
    if (pending) return;
    setPending(true);
    setFailure(null);
    setErrors({});
    const base = { campaignInternalId: campaign.internalId, email: customer.email, phone: customer.phone, code: code.code, requestId };
    const result =
      kind === 'redeem'
        ? await redeemCodeAction(base)
        : await blockCodeAction({ ...base, reason: reason || (undefined as unknown as BlockReason), note: note.trim() || undefined });
    setPending(false);
    if (result.ok) {
      onChanged(result.data);
      return;
    }
    if (result.error.code === 'validation' && result.error.fieldErrors && Object.keys(result.error.fieldErrors).some((k) => k === 'reason' || k === 'note')) {
      setErrors(Object.fromEntries(Object.entries(result.error.fieldErrors).map(([k, v]) => [k, v[0] ?? ''])));
      return;
    }
    if (result.error.code === 'conflict') {
      onRefused(result.error.message);
      return;
    }
    // Vendor down, timeout: stay in the dialog; "Try again" repeats the same request.
    setFailure(result.error.message);
  }

  const title = kind === 'redeem' ? 'Redeem this code?' : 'Block this code?';
  return (
    <Dialog
      open
      onClose={onClose}
      dismissible={!pending}
      returnFocus={returnFocus}
      title={<span className="text-2xl">{title}</span>}
      description={
        <div className="rounded-lg bg-slate-50 p-4 text-slate-950">
          <p className="font-mono text-4xl font-bold tracking-widest" data-testid="confirm-code">
            {code.code}
          </p>
          <p className="mt-1 text-xl font-semibold" data-testid="confirm-prize">
            {code.prize ?? 'Prize not named'}
          </p>
          <p className="mt-1 text-base text-slate-700">{campaign.name}</p>
        </div>
      }
    >
      <div className="mt-4 flex flex-col gap-4">
        {kind === 'block' ? (
          <>
            <RadioGroup
              id="block-reason"
              name="block-reason"
              label="Why is it blocked?"
              required
              options={BLOCK_REASONS.map((r) => ({ value: r, label: BLOCK_REASON_LABELS[r] }))}
              value={reason}
              onChange={(v) => setReason(v as BlockReason)}
              error={errors.reason}
            />
            <Textarea
              id="block-note"
              label={`Note ${reason === 'other' ? '(required)' : '(optional)'}`}
              value={note}
              maxLength={500}
              onChange={(e) => setNote(e.target.value)}
              error={errors.note}
            />
          </>
        ) : null}
        {failure ? (
          <p role="alert" className="rounded-lg bg-red-50 p-3 text-base font-medium text-red-900">
            {failure}
          </p>
        ) : null}
        <div className="flex flex-wrap justify-end gap-3">
          <Button type="button" variant="secondary" onClick={onClose} disabled={pending}>
            Cancel
          </Button>
          <Button
            type="button"
            variant={kind === 'redeem' ? 'primary' : 'danger'}
            pending={pending}
            pendingLabel={kind === 'redeem' ? 'Redeeming…' : 'Blocking…'}
            onClick={() => void confirm()}
          >
            {failure ? 'Try again' : kind === 'redeem' ? `Redeem ${code.code}` : `Block ${code.code}`}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

function RedemptionFollowUps({ change, onCheckin }: { change: ChangeResult; onCheckin: (checkin: CheckinView) => void }) {
  const toast = useToast();
  const [pending, setPending] = useState(false);
  const checkin = change.checkin;
  async function resend() {
    setPending(true);
    const result = await resendCheckinAction({ campaignInternalId: change.code.campaignInternalId, code: change.code.code });
    setPending(false);
    if (result.ok) onCheckin(result.data);
    else toast('error', result.error.message);
  }
  return (
    <section id="redemption-result" tabIndex={-1} aria-labelledby="points-title" data-testid="redemption-result" className="rounded-xl border border-green-300 bg-green-50 p-5">
      <h2 id="points-title" className="text-xl font-bold text-green-950">
        Redeemed — confirmed by Footprints
      </h2>
      <p className="mt-1 text-base text-green-950">
        {change.netcoreQueued ? 'The redemption is queued for Netcore.' : 'The Netcore activity could not be queued; an admin can see it in the logs.'}
      </p>
      <h3 className="mt-4 text-lg font-semibold">Loyalty points</h3>
      {checkin?.points ? (
        <dl className="mt-2 grid max-w-md grid-cols-4 gap-2 text-center" data-testid="points">
          {(['base', 'bonus', 'targeted', 'total'] as const).map((k) => (
            <div key={k} className={`rounded-lg bg-white p-2 ${k === 'total' ? 'ring-2 ring-green-700' : ''}`}>
              <dt className="text-sm capitalize text-slate-700">{k}</dt>
              <dd className="text-2xl font-bold" data-testid={`points-${k}`}>
                {checkin.points![k]}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p className="mt-2 text-base" data-testid="checkin-message">
        {checkin?.message ?? 'No loyalty check-in was sent.'}
      </p>
      {checkin && checkin.state === 'pending' ? (
        <Button type="button" variant="secondary" className="mt-3" pending={pending} pendingLabel="Sending…" onClick={() => void resend()}>
          Send points again
        </Button>
      ) : null}
    </section>
  );
}

function PrizeHistory({ rows, timeZone }: { rows: HistoryRow[]; timeZone: string }) {
  return (
    <section aria-labelledby="history-title" className="rounded-xl border border-slate-200 p-4">
      <h2 id="history-title" className="text-lg font-semibold">
        Prize history
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-base text-slate-700">This customer has no prizes yet.</p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table className="w-full min-w-[720px] text-left text-base" data-testid="history-table">
            <caption className="sr-only">The customer’s prizes, newest first</caption>
            <thead className="border-b border-slate-300 text-sm text-slate-700">
              <tr>
                <th scope="col" className="py-2 pr-3">Code</th>
                <th scope="col" className="py-2 pr-3">Campaign</th>
                <th scope="col" className="py-2 pr-3">Status</th>
                <th scope="col" className="py-2 pr-3">Prize</th>
                <th scope="col" className="py-2 pr-3">Location</th>
                <th scope="col" className="py-2 pr-3">Expires</th>
                <th scope="col" className="py-2">Last update</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.campaignInternalId}:${r.code}`} className="border-b border-slate-200" data-testid={`history-${r.code}`}>
                  <td className="py-2 pr-3 font-mono font-semibold">{r.code}</td>
                  <td className="py-2 pr-3">{r.campaignName ?? '—'}</td>
                  <td className="py-2 pr-3">{r.statusLabel}</td>
                  <td className="py-2 pr-3">{r.prize ?? '—'}</td>
                  <td className="py-2 pr-3">{r.location ?? '—'}</td>
                  <td className="py-2 pr-3">{formatInstant(r.expiresAt, timeZone, 'day')}</td>
                  <td className="py-2">{formatInstant(r.lastUpdate, timeZone, 'dayTime')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
