'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { blockCodeAction, checkCodeAction, prizeHistoryAction, redeemCodeAction, resendCheckinAction } from '@/app/(console)/loyalty/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import type { CheckinView } from '@/lib/loyalty/checkin';
import type { ChangeResult } from '@/lib/loyalty/change-code';
import type { HistoryRow } from '@/lib/loyalty/get-prize-history';
import type { CampaignView, CodeView } from '@/lib/loyalty/views';
import { CheckCodeSchema, type CheckCodeForm } from '@/lib/loyalty/inputs';
import { BLOCK_REASONS, BLOCK_REASON_LABELS, type BlockReason } from '@/lib/loyalty/rules';
import { CampaignPicker } from './campaign-picker';
import { STATUS_STYLES, formatDay, formatDayTime, newRequestId } from './format';

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
    setCode(result.code);
    setChange(result);
    setDialog(null);
    toast('success', `Code ${result.code.code} ${result.code.status === 'redeemed' ? 'redeemed' : 'blocked'}: confirmed by Footprints.`);
    if (history) void loadHistory();
  }

  function onRefused(message: string, refreshed?: CodeView) {
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
          onRedeem={() => setDialog('redeem')}
          onBlock={() => setDialog('block')}
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
    <section aria-labelledby="code-title" data-testid="code-card" className="rounded-xl border-2 border-slate-300 bg-white p-5">
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
          {formatDay(code.expiresAt, timeZone)}
          {code.expired ? ' (expired)' : ''}
        </dd>
        {code.campaignEndedAt ? (
          <>
            <dt className="font-semibold text-slate-700">Campaign ended</dt>
            <dd className="font-semibold text-amber-950">{formatDay(code.campaignEndedAt, timeZone)}</dd>
          </>
        ) : null}
        <dt className="font-semibold text-slate-700">Last update</dt>
        <dd>{formatDayTime(code.lastUpdate, timeZone)}</dd>
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
  onChanged,
  onRefused,
}: {
  kind: 'redeem' | 'block';
  code: CodeView;
  customer: Customer;
  campaign: CampaignView;
  onClose: () => void;
  onChanged: (result: ChangeResult) => void;
  onRefused: (message: string) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  // One id per confirmation: a retry (or a second tap that slips through) is the same request.
  const [requestId] = useState(newRequestId);
  const [pending, setPending] = useState(false);
  const [reason, setReason] = useState<BlockReason | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);

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
    <dialog
      ref={ref}
      aria-labelledby="confirm-title"
      aria-describedby="confirm-summary"
      onCancel={(e) => {
        if (pending) e.preventDefault();
        else onClose();
      }}
      className="m-auto w-full max-w-lg rounded-2xl p-0 backdrop:bg-slate-900/50"
    >
      <div className="flex flex-col gap-4 p-6">
        <h2 id="confirm-title" className="text-2xl font-bold">
          {title}
        </h2>
        <div id="confirm-summary" className="rounded-lg bg-slate-50 p-4">
          <p className="font-mono text-4xl font-bold tracking-widest" data-testid="confirm-code">
            {code.code}
          </p>
          <p className="mt-1 text-xl font-semibold" data-testid="confirm-prize">
            {code.prize ?? 'Prize not named'}
          </p>
          <p className="mt-1 text-base text-slate-700">{campaign.name}</p>
        </div>
        {kind === 'block' ? (
          <fieldset aria-describedby={errors.reason ? 'block-reason-error' : undefined}>
            <legend className="text-base font-semibold">Why is it blocked?</legend>
            <div className="mt-2 flex flex-col gap-1">
              {BLOCK_REASONS.map((r) => (
                <label key={r} className="flex min-h-11 items-center gap-3 text-base">
                  <input type="radio" name="block-reason" value={r} checked={reason === r} onChange={() => setReason(r)} className="size-5" />
                  {BLOCK_REASON_LABELS[r]}
                </label>
              ))}
            </div>
            {errors.reason ? (
              <p id="block-reason-error" className="mt-1 text-sm font-medium text-red-700">
                {errors.reason}
              </p>
            ) : null}
            <div className="mt-3 flex flex-col gap-1">
              <label htmlFor="block-note" className="text-sm font-medium text-slate-800">
                Note {reason === 'other' ? '(required)' : '(optional)'}
              </label>
              <textarea
                id="block-note"
                value={note}
                maxLength={500}
                onChange={(e) => setNote(e.target.value)}
                aria-invalid={errors.note ? true : undefined}
                aria-describedby={errors.note ? 'block-note-error' : undefined}
                className={`min-h-20 rounded-lg border px-3 py-2 text-base ${errors.note ? 'border-red-600' : 'border-slate-300'}`}
              />
              {errors.note ? (
                <p id="block-note-error" className="text-sm font-medium text-red-700">
                  {errors.note}
                </p>
              ) : null}
            </div>
          </fieldset>
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
    </dialog>
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
    <section aria-labelledby="points-title" data-testid="redemption-result" className="rounded-xl border border-green-300 bg-green-50 p-5">
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
                  <td className="py-2 pr-3">{formatDay(r.expiresAt, timeZone)}</td>
                  <td className="py-2">{formatDayTime(r.lastUpdate, timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
