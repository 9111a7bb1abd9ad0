'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { blockCodeAction, redeemCodeAction } from '@/app/(console)/loyalty/actions';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { RadioGroup } from '@/components/ui/radio-group';
import { Textarea } from '@/components/ui/textarea';
import type { ChangeResult } from '@/lib/loyalty/change-code';
import { BLOCK_REASONS, type BlockReason } from '@/lib/loyalty/rules';
import type { CampaignView, CodeView } from '@/lib/loyalty/views';
import { newRequestId } from './format';

export type Customer = { email: string; phone: string };

/** Asks before a code is redeemed or blocked, and sends the change (retried with the same request id). */
export function ConfirmDialog({
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
  const t = useTranslations('loyalty.confirm');
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

  const title = kind === 'redeem' ? t('redeemTitle') : t('blockTitle');
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
            {code.prize ?? t('prizeNotNamed')}
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
              label={t('whyBlocked')}
              required
              options={BLOCK_REASONS.map((r) => ({ value: r, label: t(`reasons.${r}`) }))}
              value={reason}
              onChange={(v) => setReason(v as BlockReason)}
              error={errors.reason}
            />
            <Textarea
              id="block-note"
              label={reason === 'other' ? t('noteRequired') : t('noteOptional')}
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
            {t('cancel')}
          </Button>
          <Button
            type="button"
            variant={kind === 'redeem' ? 'primary' : 'danger'}
            pending={pending}
            pendingLabel={kind === 'redeem' ? t('redeeming') : t('blocking')}
            onClick={() => void confirm()}
          >
            {failure ? t('tryAgain') : kind === 'redeem' ? t('redeemCode', { code: code.code }) : t('blockCode', { code: code.code })}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
