'use client';

import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import type { FieldError, UseFormRegisterReturn } from 'react-hook-form';

/** Labelled controls for the capture form: 44 px targets, errors beside the field and announced with it. */

const describedBy = (id: string, error?: FieldError, hint?: ReactNode) =>
  [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;

function ErrorText({ id, error }: { id: string; error?: FieldError }) {
  if (!error?.message) return null;
  return (
    <p id={`${id}-error`} className="text-sm font-medium text-red-700" data-testid={`error-${id.replace(/^capture-/, '')}`}>
      {error.message}
    </p>
  );
}

interface BaseProps {
  id: string;
  label: string;
  error?: FieldError;
  hint?: ReactNode;
  registration: UseFormRegisterReturn;
  required?: boolean;
}

export function TextInput({ id, label, error, hint, registration, required, className = '', ...rest }: BaseProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-baseline gap-1">
        <label htmlFor={id} className="text-sm font-medium text-slate-800">
          {label}
        </label>
        {/* Outside the label: the name stays "First name"; aria-required says it to a screen reader. */}
        {required ? (
          <span aria-hidden="true" className="text-sm font-bold text-red-700">
            *
          </span>
        ) : null}
      </div>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, error, hint)}
        className={`min-h-11 rounded-lg border px-3 py-2 text-base ${error ? 'border-red-600' : 'border-slate-400'} ${className}`}
        {...rest}
        {...registration}
      />
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <ErrorText id={id} error={error} />
    </div>
  );
}

export function TextArea({ id, label, error, hint, registration, ...rest }: BaseProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={id}
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        className={`min-h-11 rounded-lg border px-3 py-2 text-base ${error ? 'border-red-600' : 'border-slate-400'}`}
        {...rest}
        {...registration}
      />
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <ErrorText id={id} error={error} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectInput({
  id,
  label,
  error,
  hint,
  registration,
  options,
  placeholder = 'None',
  ...rest
}: BaseProps & { options: readonly Option[]; placeholder?: string } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        className={`min-h-11 rounded-lg border bg-white px-3 py-2 text-base ${error ? 'border-red-600' : 'border-slate-400'}`}
        {...rest}
        {...registration}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <ErrorText id={id} error={error} />
    </div>
  );
}

export function Checkbox({ id, label, error, registration, required }: BaseProps) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg px-1 text-base text-slate-900">
        <input
          id={id}
          type="checkbox"
          className="h-6 w-6 shrink-0 accent-blue-700"
          aria-invalid={error ? true : undefined}
          aria-required={required || undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          {...registration}
        />
        <span>
          {label}
          {required ? <span aria-hidden="true"> *</span> : null}
        </span>
      </label>
      <ErrorText id={id} error={error} />
    </div>
  );
}
