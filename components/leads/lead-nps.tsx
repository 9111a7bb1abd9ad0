'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { recordNpsAction } from '@/app/(console)/leads/actions';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';
import { useToast } from '@/components/ui/toast';

const SCORES = Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }));

/** Record an NPS score: each one is kept as a dated event. */
export function NpsForm({ leadId }: { leadId: string }) {
  const router = useRouter();
  const toast = useToast();
  const t = useTranslations('leadDetail.nps');
  const tl = useTranslations('leads');
  const [score, setScore] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const n = Number(score);
    if (!Number.isInteger(n) || n < 1 || n > 10) return setError(t('scoreRequired'));
    setPending(true);
    const r = await recordNpsAction({ leadId, score: n, comment: comment.trim() || undefined });
    setPending(false);
    if (!r.ok) return setError(r.error.message);
    toast('success', t('recorded'));
    setScore('');
    setComment('');
    router.refresh();
  }
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2" aria-label={t('form')}>
      <Select id="nps-score" label={t('score')} placeholder="—" value={score} onChange={(e) => setScore(e.target.value)} options={SCORES} />
      <Field id="nps-comment" name="comment" label={tl('comment')} frameClassName="flex-1" value={comment} onChange={(e) => setComment(e.target.value)} />
      <Button type="submit" pending={pending}>
        {t('submit')}
      </Button>
      {error ? (
        <p role="alert" className="w-full rounded-lg bg-red-50 p-3 text-red-800">
          {error}
        </p>
      ) : null}
    </form>
  );
}
