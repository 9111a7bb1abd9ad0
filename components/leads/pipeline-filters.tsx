'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { dayRangeErrors, type DayRangeErrors } from '@/lib/date-range';
import type { PipelineFilters } from '@/lib/leads/filter-params';
import type { FilterOptions } from '@/lib/leads/read-model';
import { LEAD_STATUSES } from '@/lib/leads/status-labels';

type ListKey = 'location' | 'category' | 'offer' | 'consultant' | 'channel';

const asOptions = (items: { id: string; name: string }[]) => items.map((o) => ({ value: o.id, label: o.name }));

/** The pipeline's filters: applied together (one navigation), a wrong range said beside its field. */
export function PipelineFiltersForm({ filters, options, onApply }: { filters: PipelineFilters; options: FilterOptions; onApply: (f: PipelineFilters) => void }) {
  const t = useTranslations('leads');
  const [draft, setDraft] = useState(filters);
  const [errors, setErrors] = useState<DayRangeErrors>({});
  const set = (key: keyof PipelineFilters) => (value: string) => {
    setDraft((d) => ({ ...d, [key]: value || undefined }));
    // An error goes as soon as what it said no longer holds.
    if (key === 'from' || key === 'to') setErrors((e) => (Object.keys(e).length ? dayRangeErrors({ ...draft, [key]: value }, { required: true }) : e));
  };
  const list = (key: ListKey, items: { id: string; name: string }[]) => (
    <Select id={`filter-${key}`} label={t(`filters.${key}`)} placeholder={t('filters.all')} value={draft[key] ?? ''} onChange={(e) => set(key)(e.target.value)} options={asOptions(items)} />
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    const problems = dayRangeErrors(draft, { required: true });
    setErrors(problems);
    if (Object.keys(problems).length) return;
    onApply({ ...draft, page: 1 });
  }
  return (
    <form role="search" aria-label={t('filters.label')} onSubmit={submit} noValidate className="grid grid-cols-2 gap-3 rounded-xl bg-white p-3 shadow-sm md:grid-cols-4 xl:grid-cols-6">
      <Field id="filter-from" name="from" type="date" label={t('filters.from')} value={draft.from ?? ''} error={errors.from} onChange={(e) => set('from')(e.target.value)} />
      <Field id="filter-to" name="to" type="date" label={t('filters.to')} value={draft.to ?? ''} error={errors.to} onChange={(e) => set('to')(e.target.value)} />
      <Select
        id="filter-status"
        label={t('filters.status')}
        placeholder={t('filters.all')}
        value={draft.status ?? ''}
        onChange={(e) => set('status')(e.target.value)}
        options={LEAD_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
      />
      {list('location', options.locations)}
      {list('category', options.categories)}
      {list('offer', options.offers)}
      {list('consultant', options.consultants)}
      {list('channel', options.channels)}
      <Field id="filter-q" name="q" type="search" label={t('filters.q')} frameClassName="col-span-2" value={draft.q ?? ''} onChange={(e) => set('q')(e.target.value)} />
      <div className="flex items-end">
        <Button type="submit">{t('filters.apply')}</Button>
      </div>
    </form>
  );
}
