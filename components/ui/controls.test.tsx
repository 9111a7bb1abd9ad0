// @vitest-environment happy-dom
/** Field, Select, Textarea, Checkbox and RadioGroup: labelled, described, and usable with react-hook-form. */
import { useForm } from 'react-hook-form';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { change, cleanup, click, must, render } from '@/lib/testing/render';
import { Checkbox } from './checkbox';
import { Field } from './field';
import { RadioGroup } from './radio-group';
import { Select } from './select';
import { Textarea } from './textarea';

afterEach(cleanup);

/** The label that names a control (by for=id, or by wrapping it). */
function labelOf(control: HTMLElement): string {
  const byFor = control.id ? control.ownerDocument.querySelector(`label[for="${control.id}"]`) : null;
  return (byFor ?? control.closest('label'))?.textContent?.trim() ?? '';
}

const describedBy = (el: Element) => (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);

describe('Field', () => {
  it('is named by its label and has an id from its name', () => {
    const { container } = render(<Field label="First name" name="firstName" />);
    const input = must<HTMLInputElement>(container, 'input');
    expect(input.id).toBe('field-firstName');
    expect(input.name).toBe('firstName');
    expect(labelOf(input)).toBe('First name');
  });

  it('says its error and hint with the control, and marks it invalid', () => {
    const { container } = render(<Field label="E-mail" name="email" hint="We send the receipt there" error="Enter an e-mail address" />);
    const input = must<HTMLInputElement>(container, 'input');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const ids = describedBy(input);
    expect(ids).toEqual(['field-email-error', 'field-email-hint']);
    expect(must(container, '#field-email-error').textContent).toBe('Enter an e-mail address');
    expect(must(container, '#field-email-hint').textContent).toBe('We send the receipt there');
    expect(must(container, '[data-testid="error-email"]').textContent).toBe('Enter an e-mail address');
    expect(input.className).toContain('border-red-600');
  });

  it('without an error is neither invalid nor described by one; react-hook-form errors are read by message', () => {
    const { container, rerender } = render(<Field label="E-mail" name="email" error="" />);
    const input = must<HTMLInputElement>(container, 'input');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
    rerender(<Field label="E-mail" name="email" error={{ message: 'Too long' }} />);
    expect(must(container, '[data-testid="error-email"]').textContent).toBe('Too long');
  });

  it('marks required for screen readers, the star staying out of the name', () => {
    const { container } = render(<Field label="Last name" name="lastName" required />);
    const input = must<HTMLInputElement>(container, 'input');
    expect(input.getAttribute('aria-required')).toBe('true');
    expect(labelOf(input)).toBe('Last name');
    expect(must(container, '[aria-hidden="true"]').textContent).toBe('*');
  });

  it('passes plain input props through and calls onChange', () => {
    const onChange = vi.fn();
    const { container } = render(<Field label="From" id="from" type="date" value="" onChange={(e) => onChange(e.target.value)} />);
    const input = must<HTMLInputElement>(container, 'input#from');
    expect(input.type).toBe('date');
    change(input, '2026-01-02');
    expect(onChange).toHaveBeenCalledWith('2026-01-02');
  });
});

function RegisteredForm({ onSubmit }: { onSubmit: (v: { name: string; note: string; store: string; consent: boolean; size: string }) => void }) {
  const { register, handleSubmit } = useForm({ defaultValues: { name: '', note: '', store: '', consent: false, size: 'm' } });
  return (
    <form onSubmit={handleSubmit(onSubmit)}>
      <Field label="Name" registration={register('name')} />
      <Textarea label="Note" registration={register('note')} />
      <Select label="Store" placeholder="Choose…" options={[{ value: 'rome', label: 'Rome' }, { value: 'milan', label: 'Milan' }]} registration={register('store')} />
      <Checkbox label="Consent" registration={register('consent')} />
      <RadioGroup label="Size" options={[{ value: 's', label: 'Small' }, { value: 'm', label: 'Medium' }]} registration={register('size')} />
      <button type="submit">Save</button>
    </form>
  );
}

describe('react-hook-form registration', () => {
  it('every control reports what was entered through register()', async () => {
    const onSubmit = vi.fn();
    const { container } = render(<RegisteredForm onSubmit={onSubmit} />);
    // Ids come from the registered names.
    change(must(container, 'input#field-name'), 'Ada');
    change(must(container, 'textarea#field-note'), 'Prefers mornings');
    change(must(container, 'select#field-store'), 'milan');
    click(must(container, 'input#field-consent'));
    click(must(container, 'input[type="radio"][value="s"]'));
    const form = must<HTMLFormElement>(container, 'form');
    await import('react').then(({ act }) => act(async () => form.requestSubmit()));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0][0]).toEqual({ name: 'Ada', note: 'Prefers mornings', store: 'milan', consent: true, size: 's' });
  });
});

describe('Select', () => {
  it('lists the placeholder first, then the options, and is named by its label', () => {
    const { container } = render(
      <Select label="Status" id="filter-status" placeholder="All" options={[{ value: 'open', label: 'Open' }, { value: 'won', label: 'Won', disabled: true }]} />,
    );
    const select = must<HTMLSelectElement>(container, 'select');
    expect(labelOf(select)).toBe('Status');
    expect(Array.from(select.options).map((o) => [o.value, o.textContent, o.disabled])).toEqual([
      ['', 'All', false],
      ['open', 'Open', false],
      ['won', 'Won', true],
    ]);
  });

  it('without a placeholder has only the options; calls onChange with the chosen value; says its error', () => {
    const onChange = vi.fn();
    const { container } = render(
      <Select label="Role" name="role" value="staff" onChange={(e) => onChange(e.target.value)} error="Choose a role" options={[{ value: 'staff', label: 'Staff' }, { value: 'admin', label: 'Admin' }]} />,
    );
    const select = must<HTMLSelectElement>(container, 'select');
    expect(select.options).toHaveLength(2);
    change(select, 'admin');
    expect(onChange).toHaveBeenCalledWith('admin');
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(select)).toEqual(['field-role-error']);
  });
});

describe('Textarea', () => {
  it('is named by its label, three rows by default, and says its error', () => {
    const { container } = render(<Textarea label="What happened" id="detail" error="Say what happened" />);
    const area = must<HTMLTextAreaElement>(container, 'textarea');
    expect(labelOf(area)).toBe('What happened');
    expect(area.getAttribute('rows')).toBe('3');
    expect(area.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(area)).toEqual(['detail-error']);
  });
});

describe('Checkbox', () => {
  it('is named by its whole label, which toggles it', () => {
    const onChange = vi.fn();
    const { container } = render(<Checkbox label="Marketing e-mails" name="marketing" onChange={(e) => onChange(e.target.checked)} hint="Unsubscribe any time" />);
    const box = must<HTMLInputElement>(container, 'input[type="checkbox"]');
    expect(labelOf(box)).toBe('Marketing e-mails');
    expect(describedBy(box)).toEqual(['field-marketing-hint']);
    click(must(container, 'label'));
    expect(onChange).toHaveBeenLastCalledWith(true);
    expect(box.checked).toBe(true);
  });
});

describe('RadioGroup', () => {
  it('is a fieldset named by its legend; options share one name; controlled value and onChange', () => {
    const onChange = vi.fn();
    const { container } = render(
      <RadioGroup label="Channel" name="channel" value="sms" onChange={onChange} error="Pick one" options={[{ value: 'email', label: 'E-mail' }, { value: 'sms', label: 'SMS' }]} />,
    );
    const group = must(container, 'fieldset[role="radiogroup"]');
    expect(must(group, 'legend').textContent).toBe('Channel');
    expect(group.getAttribute('aria-invalid')).toBe('true');
    expect(describedBy(group)).toEqual(['field-channel-error']);
    const radios = Array.from(container.querySelectorAll<HTMLInputElement>('input[type="radio"]'));
    expect(radios.map((r) => r.name)).toEqual(['channel', 'channel']);
    expect(radios.map((r) => r.checked)).toEqual([false, true]);
    expect(radios.map(labelOf)).toEqual(['E-mail', 'SMS']);
    click(radios[0]);
    expect(onChange).toHaveBeenCalledWith('email');
  });
});
