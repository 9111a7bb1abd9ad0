import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

const TONES: Record<BadgeTone, string> = {
  neutral: 'bg-slate-100 text-slate-900 border-slate-300',
  info: 'bg-blue-50 text-blue-900 border-blue-300',
  success: 'bg-green-100 text-green-900 border-green-300',
  warning: 'bg-amber-100 text-amber-950 border-amber-400',
  danger: 'bg-red-100 text-red-900 border-red-300',
};

/** A short status label; the words carry the meaning, the colour only repeats it. */
export function Badge({ tone = 'neutral', children, className = '', testId }: { tone?: BadgeTone; children: ReactNode; className?: string; testId?: string }) {
  return (
    <span data-testid={testId} className={`inline-flex items-center rounded-full border px-2.5 py-0.5 text-sm font-semibold ${TONES[tone]} ${className}`}>
      {children}
    </span>
  );
}
