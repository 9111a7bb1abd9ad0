import type { ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

/**
 * What every labelled control shares: a label, an optional hint and error beside it (announced with the
 * control through aria-describedby), aria-required/aria-invalid, and react-hook-form registration as an
 * option (`registration={register('email')}`) next to plain value/onChange use.
 */

/** A message, or react-hook-form's FieldError (anything with a message). */
export type ControlError = string | { message?: string } | null | undefined;

export interface ControlProps {
  label: ReactNode;
  /** The label stays the control's name for screen readers but is not shown (a select in a table row). */
  labelHidden?: boolean;
  /** Defaults to `field-<name>` (or the registered name). */
  id?: string;
  name?: string;
  error?: ControlError;
  hint?: ReactNode;
  /** Marks the field required for people (star) and for screen readers (aria-required); the schema decides. */
  required?: boolean;
  registration?: UseFormRegisterReturn;
}

export const errorText = (error: ControlError): string | undefined =>
  typeof error === 'string' ? error || undefined : error?.message || undefined;

export interface ControlIds {
  id: string;
  hintId: string;
  errorId: string;
  /** The key used in the error's test id (`error-<key>`). */
  key: string;
}

export function controlIds(p: Pick<ControlProps, 'id' | 'name' | 'registration'>): ControlIds {
  const key = p.registration?.name ?? p.name ?? p.id ?? 'field';
  const id = p.id ?? `field-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return { id, hintId: `${id}-hint`, errorId: `${id}-error`, key };
}

/** The aria attributes a control carries for its hint, error and required state. */
export function describedProps(ids: ControlIds, p: Pick<ControlProps, 'hint' | 'required'>, error: string | undefined) {
  const describedBy = [error ? ids.errorId : null, p.hint ? ids.hintId : null].filter(Boolean).join(' ') || undefined;
  return {
    'aria-invalid': error ? (true as const) : undefined,
    'aria-required': p.required || undefined,
    'aria-describedby': describedBy,
  };
}

export function RequiredMark({ required }: { required?: boolean }) {
  return required ? (
    <span aria-hidden="true" className="ml-1 text-sm font-bold text-red-700">
      *
    </span>
  ) : null;
}

export function HintAndError({ ids, hint, error }: { ids: ControlIds; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <p id={ids.hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={ids.errorId} className="text-sm font-medium text-red-700" data-testid={`error-${ids.key}`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

/** Label above, control, hint and error below: the layout of every single-control field. */
export function ControlFrame({
  ids,
  label,
  labelHidden,
  required,
  hint,
  error,
  className = '',
  children,
}: {
  ids: ControlIds;
  label: ReactNode;
  labelHidden?: boolean;
  required?: boolean;
  hint?: ReactNode;
  error?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      {/* The star sits outside the label: the accessible name stays "First name"; aria-required says the rest. */}
      {labelHidden ? (
        <label htmlFor={ids.id} className="sr-only">
          {label}
        </label>
      ) : (
        <div className="flex items-baseline">
          <label htmlFor={ids.id} className="text-sm font-medium text-slate-800">
            {label}
          </label>
          <RequiredMark required={required} />
        </div>
      )}
      {children}
      <HintAndError ids={ids} hint={hint} error={error} />
    </div>
  );
}

const CONTROL_SIZES = { base: 'min-h-11 text-base', xl: 'min-h-14 text-3xl' } as const;
export type ControlSize = keyof typeof CONTROL_SIZES;

export const inputClass = (error: string | undefined, extra = '', size: ControlSize = 'base') =>
  `rounded-lg border bg-white px-3 py-2 ${CONTROL_SIZES[size]} ${error ? 'border-red-600' : 'border-slate-400'} ${extra}`;
