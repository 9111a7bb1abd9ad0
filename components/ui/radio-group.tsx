import type { ReactNode } from 'react';
import { controlIds, describedProps, errorText, HintAndError, RequiredMark, type ControlProps } from './control';

export interface RadioOption {
  value: string;
  label: ReactNode;
  disabled?: boolean;
}

export interface RadioGroupProps extends ControlProps {
  options: readonly RadioOption[];
  /** Controlled use; with `registration` react-hook-form keeps the value. */
  value?: string;
  onChange?: (value: string) => void;
  className?: string;
}

/**
 * Native radios in a fieldset whose legend names the group: arrow keys move between options, Tab leaves
 * the group, and the error/hint are announced with the group.
 */
export function RadioGroup({ label, id, name, error, hint, required, registration, options, value, onChange, className = '' }: RadioGroupProps) {
  const ids = controlIds({ id, name, registration });
  const message = errorText(error);
  const groupName = registration?.name ?? name ?? ids.id;
  return (
    <fieldset id={ids.id} role="radiogroup" {...describedProps(ids, { hint, required }, message)} className={`flex flex-col gap-1 ${className}`}>
      <legend className="text-base font-semibold text-slate-900">
        {label}
        <RequiredMark required={required} />
      </legend>
      <div className="mt-1 flex flex-col gap-1">
        {options.map((o) => (
          <label key={o.value} className="flex min-h-11 cursor-pointer items-center gap-3 text-base">
            <input
              type="radio"
              className="size-5 shrink-0 accent-blue-700"
              value={o.value}
              disabled={o.disabled}
              {...(registration ? registration : { name: groupName, checked: value === o.value, onChange: () => onChange?.(o.value) })}
            />
            {o.label}
          </label>
        ))}
      </div>
      <HintAndError ids={ids} hint={hint} error={message} />
    </fieldset>
  );
}
