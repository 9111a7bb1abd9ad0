'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { bulkMoveLeadsAction, moveLeadAction } from '@/app/(console)/leads/actions';
import { useToast } from '@/components/ui/toast';
import type { LeadSummary } from '@/lib/leads/read-model';
import { requirementFor, type LeadStatus } from '@/lib/leads/status-labels';
import type { Contract, LostDetails } from '@/lib/leads/status-rules';
import { useUploadLeadFiles } from './client-helpers';
import type { SubmitProblem } from './move-dialogs';
import { withMoved, type PipelineData } from './pipeline-cache';

export type PendingMove = { kind: 'contract'; lead: LeadSummary } | { kind: 'lost'; leads: LeadSummary[] } | null;

export interface BulkReport {
  to: LeadStatus;
  moved: number;
  already: number;
  refused: { id: string; name: string; message: string }[];
  failed: { id: string; name: string; message: string }[];
}

/** The `leads` namespace's translator (useTranslations('leads'), or a test's). */
export type LeadsWords = (key: string, values?: Record<string, string | number>) => string;

/** The words of a bulk report (the refused leads are listed as links beside them): one sentence per outcome. */
export function bulkReportText(t: LeadsWords, r: BulkReport): string {
  const status = t(`statuses.${r.to}`);
  const parts = [t('report.moved', { count: r.moved, status })];
  if (r.already) parts.push(t('report.already', { count: r.already, status }));
  if (r.refused.length) parts.push(t('report.refused', { count: r.refused.length, message: r.refused[0].message }));
  if (r.failed.length) parts.push(t('report.failed', { count: r.failed.length, message: r.failed[0].message }));
  return parts.join(' ');
}

export function useBulkReportText(): (r: BulkReport) => string {
  const t = useTranslations('leads');
  return (r) => bulkReportText(t, r);
}

const problemOf = (error: { message: string; fieldErrors?: Record<string, string[]> }): SubmitProblem => ({ message: error.message, fieldErrors: error.fieldErrors });

/** Every way the pipeline moves leads: one card (drag, its menu), the dialogs, and bulk from the table. */
export function useLeadMoves(queryKey: readonly unknown[], clearSelection: () => void) {
  const toast = useToast();
  const t = useTranslations('leads');
  const uploadLeadFiles = useUploadLeadFiles();
  const status = (s: LeadStatus) => t(`statuses.${s}`);
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<PendingMove>(null);
  const [bulkReport, setBulkReport] = useState<BulkReport | null>(null);
  const refetch = () => void queryClient.invalidateQueries({ queryKey: ['pipeline'] });

  async function plainMove(lead: LeadSummary, to: LeadStatus) {
    const previous = queryClient.getQueryData<PipelineData>(queryKey);
    if (previous) queryClient.setQueryData(queryKey, withMoved(previous, lead, to));
    const result = await moveLeadAction({ leadId: lead.id, to });
    if (!result.ok) {
      if (previous) queryClient.setQueryData(queryKey, previous);
      toast('error', t('toast.stays', { message: result.error.message, name: lead.name, status: status(lead.status) }));
      return;
    }
    if (result.data.noop) toast('info', t('toast.alreadyIn', { name: lead.name, status: status(to) }));
    else toast('success', t('toast.movedTo', { name: lead.name, status: status(to) }));
    refetch();
  }

  function requestMove(lead: LeadSummary, to: LeadStatus) {
    if (lead.status === to) {
      toast('info', t('toast.alreadyIn', { name: lead.name, status: status(to) }));
      return;
    }
    const need = requirementFor(to);
    if (need === 'contract') setPending({ kind: 'contract', lead });
    else if (need === 'lostReason') setPending({ kind: 'lost', leads: [lead] });
    else void plainMove(lead, to);
  }

  async function submitContract(lead: LeadSummary, contract: Contract, files: File[]): Promise<SubmitProblem | null> {
    if (files.length) {
      const uploaded = await uploadLeadFiles(lead.id, 'contracts', files);
      if (!uploaded.ok) return problemOf(uploaded.error);
    }
    const result = await moveLeadAction({ leadId: lead.id, to: 'customer', contract });
    if (!result.ok) return problemOf(result.error);
    setPending(null);
    const current = queryClient.getQueryData<PipelineData>(queryKey);
    if (current) queryClient.setQueryData(queryKey, withMoved(current, lead, 'customer'));
    toast(result.data.noop ? 'info' : 'success', t(result.data.noop ? 'toast.alreadyCustomer' : 'toast.nowCustomer', { name: lead.name }));
    refetch();
    return null;
  }

  function report(r: { moved: unknown[]; already: unknown[]; refused: BulkReport['refused']; failed: BulkReport['failed'] }, to: LeadStatus) {
    const out: BulkReport = { to, moved: r.moved.length, already: r.already.length, refused: r.refused, failed: r.failed };
    setBulkReport(out);
    toast(r.refused.length || r.failed.length ? 'error' : 'success', bulkReportText(t, out));
  }

  async function submitLost(leads: LeadSummary[], lost: LostDetails): Promise<SubmitProblem | null> {
    if (leads.length === 1) {
      const result = await moveLeadAction({ leadId: leads[0].id, to: 'lost', lost });
      if (!result.ok) return problemOf(result.error);
      toast(result.data.noop ? 'info' : 'success', t(result.data.noop ? 'toast.alreadyIn' : 'toast.movedTo', { name: leads[0].name, status: status('lost') }));
    } else {
      const result = await bulkMoveLeadsAction({ leadIds: leads.map((l) => l.id), to: 'lost', lost });
      if (!result.ok) return problemOf(result.error);
      report(result.data, 'lost');
    }
    setPending(null);
    clearSelection();
    refetch();
    return null;
  }

  async function bulkMove(leads: LeadSummary[], to: LeadStatus) {
    if (leads.length === 0) return;
    if (to === 'lost') {
      setPending({ kind: 'lost', leads });
      return;
    }
    // Customer included: the server applies the contract rule to each lead and says which were refused.
    const result = await bulkMoveLeadsAction({ leadIds: leads.map((l) => l.id), to });
    if (!result.ok) {
      toast('error', result.error.message);
      return;
    }
    report(result.data, to);
    clearSelection();
    refetch();
  }

  return { pending, cancel: () => setPending(null), requestMove, submitContract, submitLost, bulkMove, bulkReport };
}
