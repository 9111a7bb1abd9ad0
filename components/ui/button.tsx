import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';
import { UiWord } from './ui-word';

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost';

const VARIANTS: Record<Variant, string> = {
  primary: 'bg-blue-700 text-white hover:bg-blue-800 disabled:bg-blue-300',
  secondary: 'bg-white text-slate-900 border border-slate-300 hover:bg-slate-50 disabled:text-slate-400',
  danger: 'bg-red-700 text-white hover:bg-red-800 disabled:bg-red-300',
  ghost: 'bg-transparent text-slate-800 hover:bg-slate-100',
};

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  /** Shows a pending label and blocks a second submit. */
  pending?: boolean;
  /** Default: "Working…" in the page's language (ui.working). */
  pendingLabel?: ReactNode;
  ref?: Ref<HTMLButtonElement>;
}

/** 44 px minimum target: usable with a thumb on a tablet. */
export function Button({ variant = 'primary', pending, pendingLabel, className = '', children, disabled, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      className={`inline-flex min-h-11 min-w-11 items-center justify-center gap-2 rounded-lg px-4 py-2 text-base font-semibold transition-colors disabled:cursor-not-allowed ${VARIANTS[variant]} ${className}`}
    >
      {pending ? (pendingLabel ?? <UiWord word="working" />) : children}
    </button>
  );
}
