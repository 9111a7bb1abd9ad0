'use client';

import type { ReactNode } from 'react';
import type { CaptureFormValues } from '@/lib/capture/inputs';

/**
 * The capture form's optional parts: collapsed by default so that the required fields and the consent are
 * all a minimal lead needs on screen. A closed section keeps its fields mounted (their values stay), opens by
 * keyboard (a native <details>: Enter or Space on its summary) and says how many of its fields are filled.
 */
export const CAPTURE_SECTIONS = {
  store: {
    fields: ['locationId', 'offerCategoryId', 'offerId', 'offlineCampaignId', 'channelId', 'consultantId'],
  },
  about: {
    fields: ['sex', 'birthday', 'city', 'county', 'country', 'address', 'familyDetails', 'children', 'industry', 'companyName', 'companyAddress', 'job', 'jobDescription', 'income'],
  },
  feedback: { fields: ['nps', 'tags', 'comments'] },
} as const satisfies Record<string, { fields: readonly (keyof CaptureFormValues)[] }>;

export type CaptureSectionId = keyof typeof CAPTURE_SECTIONS;

/** The section holding a field (for opening the one with an error); null for the fields up front. */
export function sectionOfError(field: string): CaptureSectionId | null {
  for (const [id, section] of Object.entries(CAPTURE_SECTIONS) as [CaptureSectionId, (typeof CAPTURE_SECTIONS)[CaptureSectionId]][]) {
    if ((section.fields as readonly string[]).includes(field)) return id;
  }
  return null;
}

export function filledCount(id: CaptureSectionId, values: Partial<CaptureFormValues>): number {
  return CAPTURE_SECTIONS[id].fields.filter((f) => {
    const v = values[f];
    return typeof v === 'string' ? v.trim() !== '' : Boolean(v);
  }).length;
}

export function FormSection({
  id,
  title,
  filledLabel,
  open,
  onOpenChange,
  children,
}: {
  id: CaptureSectionId;
  title: string;
  /** "2 filled" / "optional", in the page's language. */
  filledLabel: string;
  open: boolean;
  onOpenChange: (id: CaptureSectionId, open: boolean) => void;
  children: ReactNode;
}) {
  return (
    <details
      open={open}
      onToggle={(e) => onOpenChange(id, e.currentTarget.open)}
      className="rounded-xl border border-slate-300 bg-white"
      data-testid={`section-${id}`}
    >
      <summary className="flex min-h-11 cursor-pointer items-center justify-between gap-3 rounded-xl px-4 py-2 text-lg font-semibold hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-700">
        <span>{title}</span>
        <span className="text-sm font-normal text-slate-700">{filledLabel}</span>
      </summary>
      <div className="grid grid-cols-1 gap-4 border-t border-slate-200 p-4 sm:grid-cols-2">{children}</div>
    </details>
  );
}
