'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { dayRangeErrors, type DayRangeErrors } from '@/lib/date-range';
import type { PipelineFilters } from '@/lib/leads/filters';
import type { FilterOptions } from '@/lib/leads/read-model';
import { LEAD_STATUSES, STATUS_LABELS } from '@/lib/leads/status-rules';

type ListKey = 'location' | 'category' | 'offer' | 'consultant' | 'channel';

function FilterSelect({ id, label, value, onChange, options }: { id: string; label: string; value: string; onChange: (v: string) => void; options: { id: string; name: string }[] }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className="min-h-11 rounded-lg border border-slate-300 px-2">
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function DateField({ id, label, value, error, onChange }: { id: string; label: string; value: string; error?: string; onChange: (v: string) => void }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        type="date"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className={`min-h-11 rounded-lg border px-2 ${error ? 'border-red-600' : 'border-slate-300'}`}
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The pipeline's filters: applied together (one navigation), a wrong range said beside its field. */
export function PipelineFiltersForm({ filters, options, onApply }: { filters: PipelineFilters; options: FilterOptions; onApply: (f: PipelineFilters) => void }) {
  const [draft, setDraft] = useState(filters);
  const [errors, setErrors] = useState<DayRangeErrors>({});
  const set = (key: keyof PipelineFilters) => (value: string) => {
    setDraft((d) => ({ ...d, [key]: value || undefined }));
    // An error goes as soon as what it said no longer holds.
    if (key === 'from' || key === 'to') setErrors((e) => (Object.keys(e).length ? dayRangeErrors({ ...draft, [key]: value }, { required: true }) : e));
  };
  const list = (key: ListKey, label: string, items: { id: string; name: string }[]) => (
    <FilterSelect id={`filter-${key}`} label={label} value={draft[key] ?? ''} onChange={set(key)} options={items} />
  );
  function submit(e: FormEvent) {
    e.preventDefault();
    const problems = dayRangeErrors(draft, { required: true });
    setErrors(problems);
    if (Object.keys(problems).length) return;
    onApply({ ...draft, page: 1 });
  }
  return (
    <form role="search" aria-label="Filter the pipeline" onSubmit={submit} noValidate className="grid grid-cols-2 gap-3 rounded-xl bg-white p-3 shadow-sm md:grid-cols-4 xl:grid-cols-6">
      <DateField id="filter-from" label="Created from" value={draft.from ?? ''} error={errors.from} onChange={set('from')} />
      <DateField id="filter-to" label="Created to" value={draft.to ?? ''} error={errors.to} onChange={set('to')} />
      <FilterSelect
        id="filter-status"
        label="Status"
        value={draft.status ?? ''}
        onChange={set('status')}
        options={LEAD_STATUSES.map((s) => ({ id: s, name: STATUS_LABELS[s] }))}
      />
      {list('location', 'Location', options.locations)}
      {list('category', 'Offer category', options.categories)}
      {list('offer', 'Offer', options.offers)}
      {list('consultant', 'Consultant', options.consultants)}
      {list('channel', 'Channel', options.channels)}
      <div className="col-span-2 flex flex-col gap-1">
        <label htmlFor="filter-q" className="text-sm font-medium">
          Name, e-mail or phone
        </label>
        <input id="filter-q" type="search" value={draft.q ?? ''} onChange={(e) => set('q')(e.target.value)} className="min-h-11 rounded-lg border border-slate-300 px-2" />
      </div>
      <div className="flex items-end">
        <Button type="submit">Apply filters</Button>
      </div>
    </form>
  );
}
