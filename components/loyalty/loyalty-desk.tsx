'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState, type FormEvent } from 'react';
import { checkCodeAction, prizeHistoryAction } from '@/app/(console)/loyalty/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import type { ChangeResult } from '@/lib/loyalty/change-code';
import type { HistoryRow } from '@/lib/loyalty/get-prize-history';
import type { CampaignView, CodeView } from '@/lib/loyalty/views';
import { CampaignPicker } from './campaign-picker';
import { CodeCard } from './code-card';
import { ConfirmDialog, type Customer } from './confirm-change-dialog';
import { PrizeHistory } from './prize-history';
import { RedemptionFollowUps } from './redemption-result';
import { useCheckCodeForm } from './use-check-code-form';
type Notice = { tone: 'info' | 'error'; text: string };

export function LoyaltyDesk({ timeZone, canBrowseAll }: { timeZone: string; canBrowseAll: boolean }) {
  const toast = useToast();
  const t = useTranslations('loyalty');
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

  const form = useCheckCodeForm();
  const { bind, handleSubmit, setValue, formState } = form;

  function chooseCampaign(c: CampaignView | null) {
    setCampaign(c);
    setValue('campaignInternalId', c?.internalId ?? '');
    setCode(null);
    setChange(null);
    setNotice(null);
  }

  const onCheck: (e: FormEvent) => void = handleSubmit(async (values) => {
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
    // Not found (or not in the caller's stores): the same words either way, in the staff's language.
    else setNotice({ tone: 'info', text: t('notFound') });
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
    toast('success', t('changedToast', { status: result.code.status, code: result.code.code }));
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
          {t('checkTitle')}
        </h2>
        {formState.errors.campaignInternalId ? (
          <p className="mt-2 text-sm font-medium text-red-700">{formState.errors.campaignInternalId.message}</p>
        ) : null}
        <div className="mt-3 grid gap-4 md:grid-cols-2">
          <Field
            label={t('email')}
            type="email"
            inputMode="email"
            autoComplete="email"
            autoCapitalize="none"
            spellCheck={false}
            error={formState.errors.email?.message}
            {...bind('email')}
          />
          <Field label={t('phone')} type="tel" inputMode="tel" autoComplete="tel" error={formState.errors.phone?.message} {...bind('phone')} />
        </div>
        <div className="mt-4 flex flex-wrap gap-3">
          <Button type="submit" pending={formState.isSubmitting} pendingLabel={t('checking')} disabled={!campaign}>
            {t('check')}
          </Button>
          {customer ? (
            <Button type="button" variant="secondary" pending={historyPending} pendingLabel={t('loadingHistory')} onClick={() => void loadHistory()}>
              {t('showHistory')}
            </Button>
          ) : null}
        </div>
        {!campaign ? <p className="mt-2 text-sm text-slate-700">{t('chooseCampaignFirst')}</p> : null}
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
