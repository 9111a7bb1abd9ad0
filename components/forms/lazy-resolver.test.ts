/** Issue 10, point 6: forms load their zod validation on first use, once, and retry a failed load. */
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Resolver } from 'react-hook-form';
import { setBrowserValidationWords } from '@/lib/i18n/browser-words';
import en from '@/messages/en.json';
import { lazyResolver, loadZodResolver } from './lazy-resolver';

// The page's validation words, as the root providers set them in the browser (components/providers.tsx).
beforeAll(() => {
  const t = createTranslator({ locale: 'en', messages: en, namespace: 'validation' });
  setBrowserValidationWords((key, values) => t(key as Parameters<typeof t>[0], values));
});
afterAll(() => setBrowserValidationWords(null));

type Values = { email: string };
const options = { fields: {}, shouldUseNativeValidation: false } as Parameters<Resolver<Values>>[2];

describe('lazyResolver', () => {
  it('loads the real resolver at the first validation only, and uses it for every validation', async () => {
    const real = vi.fn<Resolver<Values>>(async (values) => ({ values, errors: {} }));
    const load = vi.fn(async () => real);
    const resolver = lazyResolver(load);
    expect(load).not.toHaveBeenCalled();
    await resolver({ email: 'a' }, undefined, options);
    await resolver({ email: 'b' }, undefined, options);
    expect(load).toHaveBeenCalledTimes(1);
    expect(real).toHaveBeenCalledTimes(2);
  });

  it('tries the load again after it failed (a lost connection on the first tap)', async () => {
    const real: Resolver<Values> = async (values) => ({ values, errors: {} });
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(real);
    const resolver = lazyResolver<Values>(load);
    await expect(resolver({ email: 'a' }, undefined, options)).rejects.toThrow('offline');
    await expect(resolver({ email: 'a' }, undefined, options)).resolves.toEqual({ values: { email: 'a' }, errors: {} });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('validates with zod in the staff words once loaded', async () => {
    const { z } = await import('zod');
    const zodResolver = await loadZodResolver();
    const resolver = lazyResolver<{ name: string }>(async () => zodResolver(z.object({ name: z.string().min(1) })) as Resolver<{ name: string }>);
    const result = await resolver({ name: '' }, undefined, options as never);
    expect(result.errors.name?.message).toBe('Fill this in');
  });
});
