'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { DIMENSION_KEYS, insightsFiltersToParams, type DimensionKey, type InsightsFilters } from '@/lib/insights/filter-params';

/**
 * The schema (the CSV action's own) and zod are loaded when she first touches the filters, not with the page
 * (issue 10, point 6); Apply waits for them only if they are not in yet.
 */
let schema: Promise<typeof import('@/lib/insights/filters').InsightsFiltersSchema> | undefined;
function loadSchema() {
  schema ??= Promise.all([import('@/components/forms/zod-setup'), import('@/lib/insights/filters')]).then(
    ([, m]) => m.InsightsFiltersSchema,
    (error: unknown) => {
      schema = undefined;
      throw error;
    },
  );
  return schema;
}

export interface FilterChoice {
  id: string;
  name: string;
}

/** The period and the pipeline's dimensions; applying them puts them in the URL (a view can be shared). */
export function InsightsFilterBar({ filters, options }: { filters: InsightsFilters; options: Record<DimensionKey, FilterChoice[]> }) {
  const router = useRouter();
  const t = useTranslations('insights.filters');
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const candidate = Object.fromEntries([
      ['from', String(data.get('from') ?? '')],
      ['to', String(data.get('to') ?? '')],
      ...DIMENSION_KEYS.map((k) => [k, String(data.get(k) ?? '') || undefined]),
    ]);
    let InsightsFiltersSchema: Awaited<ReturnType<typeof loadSchema>>;
    try {
      InsightsFiltersSchema = await loadSchema();
    } catch {
      setErrors({ from: t('checkFailed') });
      return;
    }
    const parsed = InsightsFiltersSchema.safeParse(candidate);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'from'), i.message])));
      return;
    }
    setErrors({});
    startTransition(() => router.push(`/insights?${insightsFiltersToParams(parsed.data).toString()}`));
  }

  return (
    <form onSubmit={apply} onFocus={() => void loadSchema().catch(() => undefined)} method="get" action="/insights" aria-label={t('label')} className="flex flex-wrap items-end gap-3 rounded-2xl bg-white p-4 shadow-sm">
      <Field label={t('from')} name="from" type="date" defaultValue={filters.from} error={errors.from} required />
      <Field label={t('to')} name="to" type="date" defaultValue={filters.to} error={errors.to} required />
      {DIMENSION_KEYS.map((key) => (
        <Select
          key={key}
          id={`filter-${key}`}
          name={key}
          label={t(`dimensions.${key}`)}
          defaultValue={filters[key] ?? ''}
          placeholder={t('all')}
          className="max-w-56"
          options={options[key].map((o) => ({ value: o.id, label: o.name }))}
        />
      ))}
      <Button type="submit" pending={pending} pendingLabel={t('loading')}>
        {t('apply')}
      </Button>
    </form>
  );
}
