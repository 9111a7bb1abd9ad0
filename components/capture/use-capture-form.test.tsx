// @vitest-environment happy-dom
import { act, useLayoutEffect } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Checkbox } from '@/components/ui/checkbox';
import { Field } from '@/components/ui/field';
import { emptyCaptureForm } from '@/lib/capture/form-defaults';
import type { CaptureFormValues } from '@/lib/capture/inputs';
import { change, cleanup, click, must, render } from '@/lib/testing/render';
import { useCaptureForm, type CaptureErrors, type CaptureForm } from './use-capture-form';

afterEach(cleanup);

const KEY = '0b7d8a3e-8f4a-4c1e-9d2b-2f6a1c3e5d7f';
let current: CaptureForm;

function CaptureTestForm({ onValid, onInvalid }: { onValid: (v: CaptureFormValues) => Promise<void>; onInvalid?: (e: CaptureErrors) => void }) {
  const form = useCaptureForm({ defaultValues: emptyCaptureForm(KEY, 'v1'), today: () => '2026-06-15' });
  // The test reads the form's functions after each commit.
  useLayoutEffect(() => {
    current = form;
  });
  const { register, formState, handleSubmit } = form;
  return (
    <form onSubmit={handleSubmit(onValid, onInvalid)} noValidate>
      <Field label="First name" registration={register('firstName')} error={formState.errors.firstName} />
      <Field label="Last name" registration={register('lastName')} error={formState.errors.lastName} />
      <Field label="E-mail" registration={register('email')} error={formState.errors.email} />
      <Field label="Phone" registration={register('phone')} error={formState.errors.phone} />
      <Field label="NPS" registration={register('nps')} error={formState.errors.nps} />
      <Checkbox label="Terms" registration={register('agreeTerms')} error={formState.errors.agreeTerms} />
      <Checkbox label="Privacy" registration={register('agreePrivacy')} error={formState.errors.agreePrivacy} />
      <Checkbox label="By e-mail" registration={register('marketing.email')} />
      <p data-testid="dirty">{String(formState.isDirty)}</p>
      <p data-testid="first-name-now">{form.values.firstName}</p>
      <button type="submit">Save</button>
    </form>
  );
}

const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 50))));
const until = (check: () => void) => vi.waitFor(async () => (await settle(), check()), { timeout: 10_000 });
const input = (c: HTMLElement, name: string) => must<HTMLInputElement>(c, `[name="${name}"]`);
const invalid = (c: HTMLElement, name: string) => input(c, name).getAttribute('aria-invalid') === 'true';
const blur = (el: Element) => act(() => void el.dispatchEvent(new FocusEvent('focusout', { bubbles: true })));
const submit = (c: HTMLElement) => act(() => void must(c, 'form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));

function fillValid(c: HTMLElement) {
  change(input(c, 'firstName'), ' Ana ');
  change(input(c, 'lastName'), 'Pop');
  change(input(c, 'phone'), '0722 123 456');
  click(input(c, 'agreeTerms'));
  click(input(c, 'agreePrivacy'));
}

describe('the capture form (no form library)', () => {
  it('on Save shows the schema’s messages, focuses the first field in error, tells onInvalid, and does not call the handler', async () => {
    const onValid = vi.fn(async () => undefined);
    const onInvalid = vi.fn();
    const { container } = render(<CaptureTestForm onValid={onValid} onInvalid={onInvalid} />);
    change(input(container, 'nps'), '11');
    await submit(container);
    await until(() => expect(invalid(container, 'firstName')).toBe(true));
    expect(container.textContent).toContain('Enter the first name');
    expect(container.textContent).toContain('Enter an e-mail address or a phone number');
    expect(container.textContent).toContain('NPS is a whole number from 0 to 10');
    expect(invalid(container, 'agreeTerms')).toBe(true);
    expect(document.activeElement).toBe(input(container, 'firstName'));
    expect(onValid).not.toHaveBeenCalled();
    expect(Object.keys(onInvalid.mock.calls[0][0])).toEqual(expect.arrayContaining(['firstName', 'email', 'phone', 'nps', 'agreeTerms']));
    expect(current.formState.submitCount).toBe(1);
  });

  it('after a Save, validates each field as it changes', async () => {
    const { container } = render(<CaptureTestForm onValid={async () => undefined} />);
    await submit(container);
    await until(() => expect(invalid(container, 'firstName')).toBe(true));
    change(input(container, 'firstName'), 'Ana');
    await until(() => expect(invalid(container, 'firstName')).toBe(false));
    expect(invalid(container, 'lastName')).toBe(true);
  });

  it('before a Save, validates a field when it loses focus, then on every change; an untouched field shows nothing', async () => {
    const { container } = render(<CaptureTestForm onValid={async () => undefined} />);
    change(input(container, 'nps'), '12');
    await settle();
    expect(invalid(container, 'nps')).toBe(false);
    await blur(input(container, 'nps'));
    await until(() => expect(invalid(container, 'nps')).toBe(true));
    expect(invalid(container, 'firstName')).toBe(false);
    change(input(container, 'nps'), '9');
    await until(() => expect(invalid(container, 'nps')).toBe(false));
  });

  it('hands the parsed values to the handler when the form is valid, checkboxes and marketing included', async () => {
    const onValid = vi.fn(async (v: CaptureFormValues) => void v);
    const { container } = render(<CaptureTestForm onValid={onValid} />);
    fillValid(container);
    click(input(container, 'marketing.email'));
    await submit(container);
    await until(() => expect(onValid).toHaveBeenCalledTimes(1));
    const values = onValid.mock.calls[0][0];
    expect(values).toMatchObject({ firstName: 'Ana', lastName: 'Pop', phone: '0722 123 456', agreeTerms: true, agreePrivacy: true, idempotencyKey: KEY });
    expect(values.marketing.email).toBe(true);
    expect(values.marketing.sms).toBe(false);
    // getValues is what was typed (the action parses it again), untrimmed.
    expect(current.getValues().firstName).toBe(' Ana ');
  });

  it('is dirty once something is typed and clean again when it is undone; a default set for the tablet is not dirt', () => {
    const { container } = render(<CaptureTestForm onValid={async () => undefined} />);
    const dirty = () => must(container, '[data-testid="dirty"]').textContent;
    expect(dirty()).toBe('false');
    act(() => current.setValue('locationId', 'store-1', { asDefault: true }));
    expect(dirty()).toBe('false');
    expect(current.getValues('locationId')).toBe('store-1');
    change(input(container, 'firstName'), 'A');
    expect(dirty()).toBe('true');
    expect(must(container, '[data-testid="first-name-now"]').textContent).toBe('A');
    change(input(container, 'firstName'), '');
    expect(dirty()).toBe('false');
    act(() => current.setValue('phone', '0722'));
    expect(dirty()).toBe('true');
    expect(input(container, 'phone').value).toBe('0722');
  });

  it('reset empties the inputs, errors and dirt, and keeps counting Saves', async () => {
    const { container } = render(<CaptureTestForm onValid={async () => undefined} />);
    change(input(container, 'firstName'), 'Ana');
    click(input(container, 'agreeTerms'));
    await submit(container);
    await until(() => expect(invalid(container, 'lastName')).toBe(true));
    act(() => current.reset(emptyCaptureForm(KEY, 'v1', 'store-2')));
    expect(input(container, 'firstName').value).toBe('');
    expect(input(container, 'agreeTerms').checked).toBe(false);
    expect(invalid(container, 'lastName')).toBe(false);
    expect(must(container, '[data-testid="dirty"]').textContent).toBe('false');
    expect(current.getValues('locationId')).toBe('store-2');
    // Not validated on change any more (a fresh form), until it is saved again.
    change(input(container, 'lastName'), 'x'.repeat(101));
    await settle();
    expect(invalid(container, 'lastName')).toBe(false);
    await submit(container);
    await until(() => expect(invalid(container, 'lastName')).toBe(true));
    expect(current.formState.submitCount).toBe(2);
  });

  it('shows an error set from outside (the console’s answer) and focuses a field on request', () => {
    const { container } = render(<CaptureTestForm onValid={async () => undefined} />);
    act(() => current.setError('email', { type: 'server', message: 'Refused by the console' }));
    expect(invalid(container, 'email')).toBe(true);
    expect(container.textContent).toContain('Refused by the console');
    act(() => current.setFocus('phone'));
    expect(document.activeElement).toBe(input(container, 'phone'));
  });
});
