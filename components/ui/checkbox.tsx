import type { InputHTMLAttributes, Ref } from 'react';
import { controlIds, describedProps, errorText, HintAndError, RequiredMark, type ControlProps } from './control';

export interface CheckboxProps extends ControlProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'required' | 'type'> {
  ref?: Ref<HTMLInputElement>;
}

/** A checkbox whose whole label is the 44 px target. */
export function Checkbox({ label, id, name, error, hint, required, registration, className = '', ...rest }: CheckboxProps) {
  const ids = controlIds({ id, name, registration });
  const message = errorText(error);
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={ids.id} className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg px-1 text-base text-slate-900">
        <input
          id={ids.id}
          name={name}
          type="checkbox"
          className="h-6 w-6 shrink-0 accent-blue-700"
          {...describedProps(ids, { hint, required }, message)}
          {...rest}
          {...registration}
        />
        <span>
          {label}
          <RequiredMark required={required} />
        </span>
      </label>
      <HintAndError ids={ids} hint={hint} error={message} />
    </div>
  );
}
