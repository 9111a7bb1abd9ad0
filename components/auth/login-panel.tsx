'use client';

import { signInWith } from './auth-client';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Tabs } from '@/components/ui/tabs';
import { useTranslations } from 'next-intl';
import { forgetSignInLocaleChoice, signInLocaleChoice } from '@/components/i18n/language-switcher';

type Translate = ReturnType<typeof useTranslations<'login'>>;

/** "2 minutes", "45 de secunde", "1 hour 5 minutes": how long the sign-in guard makes this device wait. */
export function waitText(t: Translate, seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return t('wait.seconds', { count: s });
  const minutes = Math.ceil(s / 60);
  if (minutes < 60) return t('wait.minutes', { count: minutes });
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? t('wait.hoursMinutes', { hours: h, minutes: m }) : t('wait.hours', { count: h });
}

/** What the person reads for a refused sign-in (the codes of lib/auth/sign-in.ts). */
export function messageFor(t: Translate, code: string | undefined, mode: 'pin' | 'password'): string {
  const throttled = code?.match(/^THROTTLED:(\d+)$/);
  if (throttled) {
    const wait = waitText(t, Number(throttled[1]));
    return mode === 'pin' ? t('errors.throttledPin', { wait }) : t('errors.throttledPassword', { wait });
  }
  if (code === 'WRONG_CREDENTIALS') return mode === 'pin' ? t('errors.wrongPin') : t('errors.wrongPassword');
  if (code === 'VENDOR_UNAVAILABLE') return t('errors.unavailable');
  if (code === 'INVALID_INPUT') return mode === 'pin' ? t('errors.invalidPin') : t('errors.invalidPassword');
  return t('errors.failed');
}

type Mode = 'pin' | 'password';

export function LoginPanel({ switching, next }: { switching: boolean; next: string }) {
  const t = useTranslations('login');
  const [mode, setMode] = useState<Mode>('pin');
  const [pin, setPin] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const pinRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (mode === 'pin') pinRef.current?.focus();
  }, [mode]);

  async function submit(credentials: Record<string, string>) {
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      // (Switch hostess already ended the previous session when it was tapped.)
      const locale = signInLocaleChoice();
      const result = await signInWith(mode, locale ? { ...credentials, locale } : credentials);
      if (result.error) {
        setError(messageFor(t, result.error, mode));
        if (mode === 'pin') setPin('');
        return;
      }
      forgetSignInLocaleChoice();
      // A full page load: nothing of the sign-in page (or of anyone before) stays in the tab's memory.
      window.location.assign(next);
    } catch {
      setError(messageFor(t, undefined, mode));
    } finally {
      setPending(false);
    }
  }

  function onPinSubmit(e: FormEvent) {
    e.preventDefault();
    void submit({ pin });
  }
  function onPasswordSubmit(e: FormEvent) {
    e.preventDefault();
    void submit({ username, password });
  }
  function press(digit: string) {
    setError(null);
    setPin((p) => (p.length < 10 ? p + digit : p));
  }

  const errorNote = error ? (
    <p role="alert" data-testid="login-error" className="mb-4 rounded-lg bg-red-50 p-3 text-base font-medium text-red-800">
      {error}
    </p>
  ) : null;
  const pinPanel = (
    <>
      {errorNote}
      <form id="login-pin" onSubmit={onPinSubmit} className="flex flex-col gap-4">
        <Field
          ref={pinRef}
          id="pin"
          name="pin"
          label={switching ? t('nextHostessPin') : t('enterPin')}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          pattern="\d*"
          maxLength={10}
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 10))}
          size="xl"
          className="text-center tracking-[0.5em]"
        />
        <div className="grid grid-cols-3 gap-3" aria-label={t('keypad')} role="group">
          {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
            <button key={d} type="button" onClick={() => press(d)} className="min-h-16 rounded-xl bg-slate-100 text-2xl font-semibold hover:bg-slate-200 active:bg-slate-300">
              {d}
            </button>
          ))}
          <button type="button" onClick={() => setPin('')} className="min-h-16 rounded-xl bg-slate-50 text-base font-medium text-slate-700 hover:bg-slate-200">
            {t('clear')}
          </button>
          <button type="button" onClick={() => press('0')} className="min-h-16 rounded-xl bg-slate-100 text-2xl font-semibold hover:bg-slate-200 active:bg-slate-300">
            0
          </button>
          <button type="button" aria-label={t('deleteDigit')} onClick={() => setPin((p) => p.slice(0, -1))} className="min-h-16 rounded-xl bg-slate-50 text-2xl text-slate-700 hover:bg-slate-200">
            ⌫
          </button>
        </div>
        <Button type="submit" pending={pending} pendingLabel={t('signingIn')} disabled={pin.length < 4} className="min-h-14 text-lg">
          {t('signIn')}
        </Button>
      </form>
    </>
  );
  const passwordPanel = (
    <>
      {errorNote}
      <form id="login-password" onSubmit={onPasswordSubmit} className="flex flex-col gap-4">
        <Field label={t('username')} name="username" autoComplete="username" autoCapitalize="none" value={username} onChange={(e) => setUsername(e.target.value)} required />
        <Field label={t('password')} name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        <Button type="submit" pending={pending} pendingLabel={t('signingIn')} className="min-h-12">
          {t('signIn')}
        </Button>
      </form>
    </>
  );

  return (
    <div className="w-full max-w-md rounded-2xl bg-white p-6 shadow-sm">
      <Tabs
        label={t('tabsLabel')}
        value={mode}
        onChange={(m) => {
          setMode(m as Mode);
          setError(null);
        }}
        items={[
          { id: 'pin', label: t('pinTab'), content: pinPanel },
          { id: 'password', label: t('passwordTab'), content: passwordPanel },
        ]}
      />
    </div>
  );
}
