import type { ReactNode } from 'react';
import { controlIds, describedProps, errorText, HintAndError, RequiredMark, type ControlProps } from './control';

export interface RadioOption {
  value: string;
  label: ReactNode;
  disabled?: boolean;
  /** The option's own test id (on its label). */
  testId?: string;
  /** data-* attributes for the option's label, e.g. { 'data-phase': 'past' }. */
  data?: Record<`data-${string}`, string>;
}

export interface RadioGroupProps extends ControlProps {
  options: readonly RadioOption[];
  /** Controlled use; with `registration` react-hook-form keeps the value. */
  value?: string;
  onChange?: (value: string) => void;
  className?: string;
  /** Classes of the legend (the group's name). */
  legendClassName?: string;
  /** Shown between the legend and the options (a filter for them, a loading note). */
  before?: ReactNode;
  /** Layout of the options: a plain list, or bordered cards in a grid whose look follows checked. */
  layout?: 'list' | 'inline' | 'cards';
  /** Cards only: extra classes of one option's card. */
  cardClassName?: (option: RadioOption, checked: boolean) => string;
}

const LAYOUTS = { list: 'mt-1 flex flex-col gap-1', inline: 'mt-1 flex flex-wrap gap-4', cards: 'mt-1 grid gap-3 md:grid-cols-2' } as const;
const OPTION = {
  list: 'flex min-h-11 cursor-pointer items-center gap-3 text-base',
  inline: 'flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-slate-300 px-3 text-base',
  cards: 'flex min-h-11 cursor-pointer gap-3 rounded-lg border p-3',
} as const;

/**
 * Native radios in a fieldset whose legend names the group: arrow keys move between options, Tab leaves
 * the group, and the error/hint are announced with the group.
 */
export function RadioGroup({
  label,
  id,
  name,
  error,
  hint,
  required,
  registration,
  options,
  value,
  onChange,
  className = '',
  legendClassName = 'text-base font-semibold text-slate-900',
  before,
  layout = 'list',
  cardClassName,
}: RadioGroupProps) {
  const ids = controlIds({ id, name, registration });
  const message = errorText(error);
  const groupName = registration?.name ?? name ?? ids.id;
  return (
    <fieldset id={ids.id} role="radiogroup" {...describedProps(ids, { hint, required }, message)} className={`flex flex-col gap-1 ${className}`}>
      <legend className={legendClassName}>
        {label}
        <RequiredMark required={required} />
      </legend>
      {before}
      <div className={LAYOUTS[layout]}>
        {options.map((o) => (
          <label
            key={o.value}
            data-testid={o.testId}
            {...o.data}
            className={layout === 'cards' ? `${OPTION[layout]} ${cardClassName?.(o, value === o.value) ?? ''}` : OPTION[layout]}
          >
            <input
              type="radio"
              className={`size-5 shrink-0 accent-blue-700 ${layout === 'cards' ? 'mt-1' : ''}`}
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
