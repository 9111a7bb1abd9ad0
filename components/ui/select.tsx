import type { Ref, SelectHTMLAttributes } from 'react';
import { ControlFrame, controlIds, describedProps, errorText, inputClass, type ControlProps } from './control';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps extends ControlProps, Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name' | 'required'> {
  options: readonly SelectOption[];
  /** The first, empty option ("None", "Choose…"); omit for a select that always has a value. */
  placeholder?: string;
  ref?: Ref<HTMLSelectElement>;
  frameClassName?: string;
}

/** A labelled native select (keyboard and screen readers get the platform's own behaviour). */
export function Select({ label, labelHidden, id, name, error, hint, required, registration, options, placeholder, className = '', frameClassName, ...rest }: SelectProps) {
  const ids = controlIds({ id, name, registration });
  const message = errorText(error);
  return (
    <ControlFrame ids={ids} label={label} labelHidden={labelHidden} required={required} hint={hint} error={message} className={frameClassName}>
      <select id={ids.id} name={name} {...describedProps(ids, { hint, required }, message)} className={inputClass(message, className)} {...rest} {...registration}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </ControlFrame>
  );
}
