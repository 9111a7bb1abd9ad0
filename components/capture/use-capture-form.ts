'use client';

/**
 * The capture form's state without a form library, so the hostess's capture page ships none (issue 10,
 * point 6: react-hook-form was ~12 KiB compressed of its first load; the loyalty check form went the same way
 * in components/loyalty/use-check-code-form.ts). It keeps react-hook-form's surface where the form used it
 * (register for uncontrolled inputs, handleSubmit, getValues, setValue, setError, reset, setFocus) and its
 * behaviour in the mode the form used ('onTouched'): a field is validated when it loses focus, and on every
 * change once it has lost focus once; after a submit every field is validated on change (not on blur); the first message of each field is shown;
 * Save focuses the first field in error and hands the parsed values to the handler. The schema (with zod) is
 * the action's own (lib/capture/inputs.ts), loaded with the first validation, not with the page.
 * Differences on purpose: the submit count never goes back to 0 on reset (the desk opens the sections with
 * errors once per Save), and a value set as the tablet's default (its location) does not make the form dirty.
 */
import { useCallback, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import type { CaptureFormValues, CaptureValidationWords } from '@/lib/capture/inputs';

type Marketing = CaptureFormValues['marketing'];
export type CaptureFieldName = Exclude<keyof CaptureFormValues, 'marketing'> | `marketing.${keyof Marketing & string}`;
export type CaptureFieldError = { message: string; type?: string };
export type CaptureErrors = Partial<Record<string, CaptureFieldError>>;
type FieldValue = string | boolean;
type Validation = { ok: true; data: CaptureFormValues } | { ok: false; errors: CaptureErrors };

/** zod and the schema arrive with the first validation (zod made jitless and given the staff's words first). */
export async function validateCapture(values: CaptureFormValues, today: () => string, words?: CaptureValidationWords): Promise<Validation> {
  const [, { createCaptureFormSchema }] = await Promise.all([import('@/components/forms/zod-setup'), import('@/lib/capture/inputs')]);
  const parsed = createCaptureFormSchema(today, words).safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: CaptureErrors = {};
  for (const issue of parsed.error.issues) {
    const name = issue.path.join('.');
    if (name && !errors[name]) errors[name] = { message: issue.message, type: issue.code };
  }
  return { ok: false, errors };
}

function read(values: CaptureFormValues, name: CaptureFieldName): FieldValue {
  if (name.startsWith('marketing.')) return values.marketing[name.slice('marketing.'.length) as keyof Marketing];
  return values[name as Exclude<CaptureFieldName, `marketing.${string}`>] as FieldValue;
}

function write(values: CaptureFormValues, name: CaptureFieldName, value: FieldValue): CaptureFormValues {
  if (name.startsWith('marketing.')) return { ...values, marketing: { ...values.marketing, [name.slice('marketing.'.length)]: Boolean(value) } };
  return { ...values, [name]: value };
}

const clone = (v: CaptureFormValues): CaptureFormValues => ({ ...v, marketing: { ...v.marketing } });

function same(a: CaptureFormValues, b: CaptureFormValues): boolean {
  for (const k of Object.keys(a) as (keyof CaptureFormValues)[]) {
    if (k === 'marketing') {
      for (const c of Object.keys(a.marketing) as (keyof Marketing)[]) if (a.marketing[c] !== b.marketing[c]) return false;
    } else if (a[k] !== b[k]) return false;
  }
  return true;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Puts a value into its input (an uncontrolled input shows what the form holds). */
function show(el: Control, value: FieldValue) {
  if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = Boolean(value);
  else el.value = String(value ?? '');
}

/** `words`: the form's own sentences in the staff's language (English without). */
export function useCaptureForm({ defaultValues, today, words }: { defaultValues: CaptureFormValues; today: () => string; words?: CaptureValidationWords }) {
  const values = useRef<CaptureFormValues>(clone(defaultValues));
  const defaults = useRef<CaptureFormValues>(clone(defaultValues));
  const elements = useRef(new Map<CaptureFieldName, Control>());
  const touched = useRef(new Set<CaptureFieldName>());
  const submitted = useRef(false);
  // One counter per field and one for the whole form: only the latest validation's answer is shown.
  const runs = useRef(new Map<string, number>());
  const todayRef = useRef(today);
  const wordsRef = useRef(words);
  // The latest clock, stored after each render commits (never during render).
  useLayoutEffect(() => {
    todayRef.current = today;
    wordsRef.current = words;
  });

  // The values as of the last change, for what the page shows from them (the sections' "n filled", the offers
  // of a category): a change re-renders the form.
  const [watched, setWatched] = useState(() => clone(defaultValues));
  const [errors, setErrors] = useState<CaptureErrors>({});
  const [submitCount, setSubmitCount] = useState(0);
  const [isDirty, setDirty] = useState(false);

  const changed = useCallback(() => {
    setDirty(!same(values.current, defaults.current));
    setWatched(clone(values.current));
  }, []);

  const nextRun = (key: string) => {
    const run = (runs.current.get(key) ?? 0) + 1;
    runs.current.set(key, run);
    return run;
  };

  /** Validates the whole form, keeps only this field's message (as react-hook-form's field validation does). */
  const validateField = useCallback(async (name: CaptureFieldName) => {
    const run = nextRun(name);
    const result = await validateCapture(values.current, todayRef.current, wordsRef.current);
    if (runs.current.get(name) !== run) return;
    const error = result.ok ? undefined : result.errors[name];
    setErrors((current) => {
      if (current[name]?.message === error?.message && current[name]?.type === error?.type) return current;
      const next = { ...current };
      if (error) next[name] = error;
      else delete next[name];
      return next;
    });
  }, []);

  const register = useCallback(
    (name: CaptureFieldName, options?: { onChange?: (e: { target: { value: string } }) => void }): UseFormRegisterReturn<CaptureFieldName> => ({
      name,
      ref: (el: Control | null) => {
        if (!el) {
          elements.current.delete(name);
          return;
        }
        elements.current.set(name, el);
        show(el, read(values.current, name));
      },
      onChange: async (e: { target: Control }) => {
        const el = e.target;
        const value = el instanceof HTMLInputElement && el.type === 'checkbox' ? el.checked : el.value;
        values.current = write(values.current, name, value);
        changed();
        options?.onChange?.(e as { target: { value: string } });
        if (submitted.current || touched.current.has(name)) await validateField(name);
      },
      // Before a submit a field is validated each time it loses focus; after one, on change only.
      onBlur: async () => {
        touched.current.add(name);
        if (!submitted.current) await validateField(name);
      },
    }),
    [changed, validateField],
  );

  const getValues = useCallback(<N extends CaptureFieldName | undefined = undefined>(name?: N) => {
    return (name === undefined ? clone(values.current) : read(values.current, name)) as N extends CaptureFieldName ? FieldValue : CaptureFormValues;
  }, []) as {
    (): CaptureFormValues;
    (name: CaptureFieldName): FieldValue;
  };

  /** Sets a value and shows it; `asDefault` also makes it the value the form is compared with (not dirty). */
  const setValue = useCallback(
    (name: CaptureFieldName, value: FieldValue, options?: { asDefault?: boolean }) => {
      values.current = write(values.current, name, value);
      if (options?.asDefault) defaults.current = write(defaults.current, name, value);
      const el = elements.current.get(name);
      if (el) show(el, value);
      changed();
    },
    [changed],
  );

  const setError = useCallback((name: string, error: CaptureFieldError) => setErrors((current) => ({ ...current, [name]: error })), []);

  /** A fresh form: these values, no errors, nothing touched, not dirty. */
  const reset = useCallback(
    (next: CaptureFormValues) => {
      values.current = clone(next);
      defaults.current = clone(next);
      touched.current.clear();
      submitted.current = false;
      runs.current.clear();
      for (const [name, el] of elements.current) show(el, read(next, name));
      setErrors({});
      changed();
    },
    [changed],
  );

  const setFocus = useCallback((name: CaptureFieldName) => elements.current.get(name)?.focus(), []);

  const handleSubmit = useCallback(
    (onValid: (data: CaptureFormValues) => Promise<void>, onInvalid?: (errors: CaptureErrors) => void) => async (e?: FormEvent) => {
      e?.preventDefault();
      const run = nextRun('');
      const result = await validateCapture(values.current, todayRef.current, wordsRef.current);
      submitted.current = true;
      setSubmitCount((n) => n + 1);
      if (!result.ok) {
        if (runs.current.get('') === run) setErrors(result.errors);
        onInvalid?.(result.errors);
        // The first field in error in the form's order (the order its inputs were registered in).
        const first = [...elements.current.keys()].find((name) => result.errors[name]);
        if (first) elements.current.get(first)?.focus();
        return;
      }
      setErrors({});
      await onValid(result.data);
    },
    [],
  );

  return {
    register,
    handleSubmit,
    getValues,
    setValue,
    setError,
    reset,
    setFocus,
    values: watched,
    formState: { errors, isDirty, submitCount },
  };
}

export type CaptureForm = ReturnType<typeof useCaptureForm>;
