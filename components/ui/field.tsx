import type { InputHTMLAttributes, Ref } from 'react';
import { ControlFrame, controlIds, describedProps, errorText, inputClass, type ControlProps, type ControlSize } from './control';

export interface FieldProps extends ControlProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'required' | 'size'> {
  ref?: Ref<HTMLInputElement>;
  /** Classes for the wrapper (the input keeps its own look; `className` adds to the input). */
  frameClassName?: string;
  /** xl: a big entry read across a counter (the PIN). */
  size?: ControlSize;
}

/** A labelled input with its hint and error beside it, wired for screen readers. */
export function Field({ label, labelHidden, id, name, error, hint, required, registration, className = '', frameClassName, size = 'base', ...rest }: FieldProps) {
  const ids = controlIds({ id, name, registration });
  const message = errorText(error);
  return (
    <ControlFrame ids={ids} label={label} labelHidden={labelHidden} required={required} hint={hint} error={message} className={frameClassName}>
      <input id={ids.id} name={name} {...describedProps(ids, { hint, required }, message)} className={inputClass(message, className, size)} {...rest} {...registration} />
    </ControlFrame>
  );
}
