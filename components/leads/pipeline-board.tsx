'use client';

import Link from 'next/link';
import { useState, type DragEvent, type FormEvent, type KeyboardEvent } from 'react';
import { Select } from '@/components/ui/select';
import type { LeadSummary, PipelineColumn } from '@/lib/leads/read-model';
import { LEAD_STATUSES, type LeadStatus } from '@/lib/leads/status-labels';
import { useTranslations } from 'next-intl';
import { useConsoleLocale } from '@/components/i18n/use-console-locale';
import { formatLei } from '@/lib/i18n/format';
import { IncompleteNote } from './incomplete-note';

/**
 * A card's "Move to…": choosing a status moves nothing (arrow keys walk the options); the Move button, or
 * Enter on the menu, confirms.
 */
function CardMove({ lead, onMove }: { lead: LeadSummary; onMove: (to: LeadStatus) => void }) {
  const t = useTranslations('leads');
  const [to, setTo] = useState<LeadStatus | ''>('');
  const confirm = () => {
    if (!to) return;
    setTo('');
    onMove(to);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    confirm();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLSelectElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      confirm();
    }
  };
  return (
    <form onSubmit={submit} className="mt-1 flex items-end gap-1">
      <Select
        labelHidden
        label={t('moveTo', { name: lead.name })}
        id={`move-${lead.id}`}
        value={to}
        placeholder={t('movePlaceholder')}
        onChange={(e) => setTo(e.target.value as LeadStatus | '')}
        onKeyDown={onKeyDown}
        options={LEAD_STATUSES.filter((s) => s !== lead.status).map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
        frameClassName="min-w-0 flex-1 gap-0"
        className="w-full px-1 py-1 text-sm"
      />
      <button
        type="submit"
        disabled={!to}
        aria-label={t('moveNamed', { name: lead.name })}
        className="min-h-11 rounded-lg bg-blue-700 px-3 font-semibold text-white hover:bg-blue-800 disabled:bg-slate-300 disabled:text-slate-600"
      >
        {t('move')}
      </button>
    </form>
  );
}

function LeadCard({ lead, onMove }: { lead: LeadSummary; onMove: (to: LeadStatus) => void }) {
  const t = useTranslations('leads');
  const locale = useConsoleLocale();
  return (
    <article
      draggable
      onDragStart={(e: DragEvent) => {
        e.dataTransfer.setData('text/plain', lead.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      data-testid="lead-card"
      data-lead-id={lead.id}
      aria-label={lead.name}
      className="min-w-0 cursor-grab rounded-lg border border-slate-200 bg-white p-2 text-sm shadow-sm"
    >
      {/* A long name is cut to the card's width; the whole name is the link's title and on the lead's page. */}
      <Link href={`/leads/${lead.id}`} title={lead.name} data-testid="card-name" className="block truncate font-semibold text-blue-800 underline-offset-2 hover:underline">
        {lead.name}
      </Link>
      <p className="truncate text-slate-700">
        {lead.offerName ?? t('noOffer')}
        {lead.offerPrice !== null ? ` · ${formatLei(lead.offerPrice, locale)}` : ''}
      </p>
      <p className="truncate text-slate-600">{lead.consultantName ?? t('noConsultant')}</p>
      <IncompleteNote missing={lead.missing} />
      <CardMove lead={lead} onMove={onMove} />
    </article>
  );
}

/** One column per status: counts, offer value, the newest cards; a card moves by drag or its menu. */
export function PipelineBoard({ columns, onMove }: { columns: PipelineColumn[]; onMove: (lead: LeadSummary, to: LeadStatus) => void }) {
  const t = useTranslations('leads');
  const locale = useConsoleLocale();
  const [dropTarget, setDropTarget] = useState<LeadStatus | null>(null);
  const onDrop = (to: LeadStatus) => (e: DragEvent) => {
    e.preventDefault();
    setDropTarget(null);
    const id = e.dataTransfer.getData('text/plain');
    const lead = columns.flatMap((c) => c.cards).find((c) => c.id === id);
    if (lead) onMove(lead, to);
  };
  return (
    <div className="grid grid-cols-1 gap-3 md:grid-cols-3 xl:grid-cols-6" data-testid="board">
      {columns.map((column) => (
        <section
          key={column.status}
          aria-labelledby={`col-${column.status}`}
          data-testid={`column-${column.status}`}
          onDragOver={(e) => {
            e.preventDefault();
            setDropTarget(column.status);
          }}
          onDragLeave={() => setDropTarget((t) => (t === column.status ? null : t))}
          onDrop={onDrop(column.status)}
          className={`flex min-h-40 min-w-0 flex-col gap-2 rounded-xl p-2 ${dropTarget === column.status ? 'bg-blue-100 ring-2 ring-blue-600' : 'bg-slate-100'}`}
        >
          <header className="px-1">
            <h2 id={`col-${column.status}`} className="font-bold">
              {t(`statuses.${column.status}`)} <span data-testid="column-count">{column.count}</span>
            </h2>
            <p className="text-sm text-slate-700" data-testid="column-value">
              {t('offerValue', { value: formatLei(column.offerValue, locale) })}
            </p>
          </header>
          {column.cards.map((lead) => (
            <LeadCard key={lead.id} lead={lead} onMove={(to) => onMove(lead, to)} />
          ))}
          {column.count > column.cards.length ? (
            <p className="px-1 text-sm text-slate-600">{t('more', { count: column.count - column.cards.length })}</p>
          ) : null}
        </section>
      ))}
    </div>
  );
}
