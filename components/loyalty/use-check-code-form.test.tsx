// @vitest-environment happy-dom
import { act } from 'react';
import { createTranslator } from 'next-intl';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setBrowserValidationWords } from '@/lib/i18n/browser-words';
import en from '@/messages/en.json';
import { Field } from '@/components/ui/field';
import { change, cleanup, must, render } from '@/lib/testing/render';
import type { CheckCodeParsed } from '@/lib/loyalty/inputs';
import { useCheckCodeForm } from './use-check-code-form';

afterEach(cleanup);
// The page's validation words, as the root providers set them (components/providers.tsx).
beforeAll(() => {
  const t = createTranslator({ locale: 'en', messages: en, namespace: 'validation' });
  setBrowserValidationWords((key, values) => t(key as Parameters<typeof t>[0], values));
});
afterAll(() => setBrowserValidationWords(null));

function CheckForm({ campaign, onValid }: { campaign: string; onValid: (v: CheckCodeParsed) => Promise<void> }) {
  const { bind, handleSubmit, setValue, formState } = useCheckCodeForm();
  return (
    <form onSubmit={handleSubmit(onValid)} noValidate>
      <button type="button" onClick={() => setValue('campaignInternalId', campaign)}>
        choose
      </button>
      {formState.errors.campaignInternalId ? <p data-testid="campaign-error">{formState.errors.campaignInternalId.message}</p> : null}
      <Field label="Customer e-mail" error={formState.errors.email?.message} {...bind('email')} />
      <Field label="Customer phone" error={formState.errors.phone?.message} {...bind('phone')} />
      <button type="submit">Check code</button>
    </form>
  );
}

/** Submits and waits for the lazily loaded schema and the handler. */
async function submit(form: HTMLFormElement, done: () => void) {
  act(() => void form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
  await vi.waitFor(
    async () => {
      await settle();
      done();
    },
    { timeout: 10_000 },
  );
}
const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 50))));
const errorOf = (c: HTMLElement, name: string) => c.querySelector(`input[name="${name}"]`)?.getAttribute('aria-invalid') === 'true';

describe('the loyalty check form (no form library)', () => {
  it('shows the schema’s messages on submit, focuses the first field in error, and does not call the handler', async () => {
    const onValid = vi.fn(async () => undefined);
    const { container } = render(<CheckForm campaign="c1" onValid={onValid} />);
    await submit(must(container, 'form') as HTMLFormElement, () => must(container, '[data-testid="campaign-error"]'));
    expect(onValid).not.toHaveBeenCalled();
    expect(must(container, '[data-testid="campaign-error"]').textContent).toBe('Choose a campaign');
    expect(container.textContent).toContain('Enter the customer’s e-mail');
    expect(container.textContent).toContain('Enter the customer’s phone');
    expect(errorOf(container, 'email')).toBe(true);
    expect(document.activeElement).toBe(must(container, 'input[name="email"]'));
  });

  it('once submitted, checks again on every change; hands the parsed values to the handler', async () => {
    const onValid = vi.fn(async (_v: CheckCodeParsed) => undefined);
    const { container } = render(<CheckForm campaign="c1" onValid={onValid} />);
    const email = must(container, 'input[name="email"]') as HTMLInputElement;
    const phone = must(container, 'input[name="phone"]') as HTMLInputElement;
    change(email, 'not-an-email');
    await settle();
    // Not submitted yet: no message while typing.
    expect(errorOf(container, 'email')).toBe(false);
    await submit(must(container, 'form') as HTMLFormElement, () => expect(container.textContent).toContain('Enter a valid e-mail address'));
    change(email, ' Ana@Example.com ');
    await settle();
    expect(errorOf(container, 'email')).toBe(false);
    expect(container.textContent).toContain('Enter the customer’s phone');
    change(phone, '0722 000-001');
    act(() => (must(container, 'button[type="button"]') as HTMLButtonElement).click());
    await settle();
    expect(container.querySelector('[data-testid="campaign-error"]')).toBeNull();
    await submit(must(container, 'form') as HTMLFormElement, () => expect(onValid).toHaveBeenCalled());
    expect(onValid).toHaveBeenCalledWith({ campaignInternalId: 'c1', email: 'ana@example.com', phone: '0722000001' });
  });
});
