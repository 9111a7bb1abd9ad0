import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

const TONES: Record<BadgeTone, string> = {
  neutral: 'bg-slate-100 text-slate-900 border-slate-300',
  info: 'bg-blue-50 text-blue-900 border-blue-300',
  success: 'bg-green-100 text-green-900 border-green-300',
  warning: 'bg-amber-100 text-amber-950 border-amber-400',
  danger: 'bg-red-100 text-red-900 border-red-300',
};

const SIZES = { xs: 'px-1.5 py-0.5 text-xs', sm: 'px-2.5 py-0.5 text-sm', lg: 'px-3 py-0.5 text-xl' } as const;

export interface BadgeProps {
  tone?: BadgeTone;
  size?: keyof typeof SIZES;
  children: ReactNode;
  className?: string;
  testId?: string;
  /** A short text for screen readers when the badge's words need context (e.g. "Status: Active"). */
  title?: string;
}

/** A short status label; the words carry the meaning, the colour only repeats it. */
export function Badge({ tone = 'neutral', size = 'sm', children, className = '', testId, title }: BadgeProps) {
  return (
    <span data-testid={testId} data-tone={tone} title={title} className={`inline-flex items-center rounded-full border font-semibold ${SIZES[size]} ${TONES[tone]} ${className}`}>
      {children}
    </span>
  );
}
