'use client';

/**
 * The loyalty desk's "Check a customer's code" form: three values, validated by the same zod schema as the
 * action (lib/loyalty/inputs.ts, loaded with zod on the first validation, not with the page) — without a
 * form library, so the hostess page ships none (issue 10, point 6). It behaves as react-hook-form did with
 * its defaults: validation on submit, then again on every change once submitted; the first message of each
 * field shown beside it; focus on the first field in error; the parsed (trimmed, normalised) values handed
 * to the submit handler.
 */
import { useCallback, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { CheckCodeForm, CheckCodeParsed } from '@/lib/loyalty/inputs';

type Name = keyof CheckCodeForm;
export type CheckCodeErrors = Partial<Record<Name, { message: string }>>;
type Validation = { ok: true; data: CheckCodeParsed } | { ok: false; errors: CheckCodeErrors };

const EMPTY: CheckCodeForm = { campaignInternalId: '', email: '', phone: '' };
/** Focus order of the fields that can take focus (the campaign is chosen above the form). */
const FOCUSABLE: Name[] = ['email', 'phone'];

/** zod and the schema arrive with the first validation (zod made jitless and given the staff's words first). */
export async function validateCheckCode(values: CheckCodeForm): Promise<Validation> {
  const [, { CheckCodeSchema }] = await Promise.all([import('@/components/forms/zod-setup'), import('@/lib/loyalty/inputs')]);
  const parsed = CheckCodeSchema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: CheckCodeErrors = {};
  for (const issue of parsed.error.issues) {
    const name = issue.path[0] as Name;
    if (name in EMPTY && !errors[name]) errors[name] = { message: issue.message };
  }
  return { ok: false, errors };
}

export function useCheckCodeForm() {
  const [errors, setErrors] = useState<CheckCodeErrors>({});
  const [isSubmitting, setSubmitting] = useState(false);
  const [isSubmitted, setSubmitted] = useState(false);
  const values = useRef<CheckCodeForm>({ ...EMPTY });
  const inputs = useRef<Partial<Record<Name, HTMLInputElement | null>>>({});
  // Only the latest validation's answer is shown (an earlier, slower one never overwrites it).
  const latest = useRef(0);

  const revalidate = useCallback(async () => {
    const run = ++latest.current;
    const result = await validateCheckCode(values.current);
    if (run === latest.current) setErrors(result.ok ? {} : result.errors);
  }, []);

  const setValue = useCallback(
    (name: Name, value: string) => {
      values.current = { ...values.current, [name]: value };
      if (isSubmitted) void revalidate();
    },
    [isSubmitted, revalidate],
  );

  /** Props for an uncontrolled input (like react-hook-form's register). */
  const bind = (name: Name) => ({
    name,
    defaultValue: EMPTY[name],
    ref: (el: HTMLInputElement | null) => {
      inputs.current[name] = el;
    },
    onChange: (e: ChangeEvent<HTMLInputElement>) => setValue(name, e.target.value),
  });

  const setError = (name: Name, error: { message: string }) => setErrors((current) => ({ ...current, [name]: error }));

  const handleSubmit = (onValid: (data: CheckCodeParsed) => Promise<void>) => async (e?: FormEvent) => {
    e?.preventDefault();
    setSubmitting(true);
    try {
      const run = ++latest.current;
      const result = await validateCheckCode(values.current);
      setSubmitted(true);
      if (!result.ok) {
        if (run === latest.current) setErrors(result.errors);
        const first = FOCUSABLE.find((name) => result.errors[name]);
        if (first) inputs.current[first]?.focus();
        return;
      }
      setErrors({});
      await onValid(result.data);
    } finally {
      setSubmitting(false);
    }
  };

  return { bind, setValue, setError, handleSubmit, formState: { errors, isSubmitting, isSubmitted } };
}
