'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState, type FormEvent } from 'react';
import { moveLeadAction } from '@/app/(console)/leads/actions';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/select';
import { useToast } from '@/components/ui/toast';
import { LEAD_STATUSES, requirementFor, type LeadStatus } from '@/lib/leads/status-labels';
import { useUploadLeadFiles } from './client-helpers';
import { ContractDialog, LostDialog } from './move-dialogs';

/**
 * The detail page's status control: the same rule and dialogs as the board. The dialogs are rendered beside
 * the form, never inside it (a form inside a form submits the outer one).
 */
export function StatusPanel({ leadId, leadName, status, openWith }: { leadId: string; leadName: string; status: LeadStatus; openWith?: LeadStatus | null }) {
  const router = useRouter();
  const toast = useToast();
  const t = useTranslations('leadDetail.move');
  const tl = useTranslations('leads');
  const label = (s: LeadStatus) => tl(`statuses.${s}`);
  const uploadLeadFiles = useUploadLeadFiles();
  const [to, setTo] = useState<LeadStatus | ''>(openWith && openWith !== status ? openWith : '');
  // Arriving from the bulk report's "open each lead to add its contract": the contract dialog is open.
  const [dialog, setDialog] = useState<'contract' | 'lost' | null>(openWith && openWith !== status ? dialogFor(openWith) : null);
  const [pending, setPending] = useState(false);

  function said(noop: boolean, target: LeadStatus) {
    if (noop) toast('info', tl('toast.alreadyIn', { name: leadName, status: label(target) }));
    else toast('success', t('moved', { status: label(target) }));
  }

  async function move(e: FormEvent) {
    e.preventDefault();
    if (!to) return;
    if (to === status) return toast('info', tl('toast.alreadyIn', { name: leadName, status: label(to) }));
    const need = dialogFor(to);
    if (need) return openDialog(need);
    setPending(true);
    const result = await moveLeadAction({ leadId, to });
    setPending(false);
    if (!result.ok) return toast('error', result.error.message);
    said(result.data.noop, to);
    setTo('');
    router.refresh();
  }
  // After a move through a dialog the Move button is disabled (nothing chosen): focus goes back to the
  // status choice; after Cancel/Escape it goes back to the Move button that opened the dialog.
  const statusRef = useRef<HTMLSelectElement>(null);
  const moved = useRef(false);
  const focusAfterDialog = () => (moved.current ? statusRef.current : null);
  const openDialog = (kind: 'contract' | 'lost') => {
    moved.current = false;
    setDialog(kind);
  };
  const done = (noop: boolean, target: LeadStatus) => {
    moved.current = true;
    setDialog(null);
    said(noop, target);
    setTo('');
    router.refresh();
  };

  return (
    <>
      <form onSubmit={move} className="flex flex-wrap items-end gap-2" aria-label={t('form')}>
        <Select
          ref={statusRef}
          id="detail-status"
          label={t('label')}
          placeholder={t('chooseStatus')}
          value={to}
          onChange={(e) => setTo(e.target.value as LeadStatus | '')}
          options={LEAD_STATUSES.filter((s) => s !== status).map((s) => ({ value: s, label: label(s) }))}
        />
        <Button type="submit" pending={pending} disabled={!to}>
          {t('submit')}
        </Button>
      </form>
      {dialog === 'contract' ? (
        <ContractDialog
          leadName={leadName}
          onCancel={() => setDialog(null)}
          returnFocus={focusAfterDialog}
          submit={async (contract, files) => {
            if (files.length) {
              const up = await uploadLeadFiles(leadId, 'contracts', files);
              if (!up.ok) return { message: up.error.message, fieldErrors: up.error.fieldErrors };
            }
            const r = await moveLeadAction({ leadId, to: 'customer', contract });
            if (!r.ok) return { message: r.error.message, fieldErrors: r.error.fieldErrors };
            done(r.data.noop, 'customer');
            return null;
          }}
        />
      ) : null}
      {dialog === 'lost' ? (
        <LostDialog
          leadName={leadName}
          onCancel={() => setDialog(null)}
          returnFocus={focusAfterDialog}
          submit={async (lost) => {
            const r = await moveLeadAction({ leadId, to: 'lost', lost });
            if (!r.ok) return { message: r.error.message };
            done(r.data.noop, 'lost');
            return null;
          }}
        />
      ) : null}
    </>
  );
}

function dialogFor(to: LeadStatus): 'contract' | 'lost' | null {
  const need = requirementFor(to);
  return need === 'contract' ? 'contract' : need === 'lostReason' ? 'lost' : null;
}
