import type { Ref, TextareaHTMLAttributes } from 'react';
import { ControlFrame, controlIds, describedProps, errorText, inputClass, type ControlProps } from './control';

export interface TextareaProps extends ControlProps, Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name' | 'required'> {
  ref?: Ref<HTMLTextAreaElement>;
  frameClassName?: string;
}

export function Textarea({ label, labelHidden, id, name, error, hint, required, registration, className = '', frameClassName, rows = 3, ...rest }: TextareaProps) {
  const ids = controlIds({ id, name, registration });
  const message = errorText(error);
  return (
    <ControlFrame ids={ids} label={label} labelHidden={labelHidden} required={required} hint={hint} error={message} className={frameClassName}>
      <textarea id={ids.id} name={name} rows={rows} {...describedProps(ids, { hint, required }, message)} className={inputClass(message, className)} {...rest} {...registration} />
    </ControlFrame>
  );
}
