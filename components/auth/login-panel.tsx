'use client';

import { signInWith } from './auth-client';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Tabs } from '@/components/ui/tabs';

const MESSAGES: Record<string, { pin: string; password: string }> = {
  WRONG_CREDENTIALS: {
    pin: 'That PIN was not recognised. Check it and try again, or ask your manager.',
    password: 'That username and password do not match. Check them and try again.',
  },
  VENDOR_UNAVAILABLE: {
    pin: 'Sign-in is not possible right now: Footprints is not answering. Try again in a minute.',
    password: 'Sign-in is not possible right now: Footprints is not answering. Try again in a minute.',
  },
  INVALID_INPUT: { pin: 'Enter your PIN: 4 to 10 digits.', password: 'Enter your username and password.' },
};

/** "2 minutes", "45 seconds", "1 hour 5 minutes": how long the sign-in guard makes this device wait. */
export function waitText(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return `${s} second${s === 1 ? '' : 's'}`;
  const minutes = Math.ceil(s / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${h} hour${h === 1 ? '' : 's'}${m ? ` ${m} minute${m === 1 ? '' : 's'}` : ''}`;
}

function messageFor(code: string | undefined, mode: 'pin' | 'password'): string {
  const throttled = code?.match(/^THROTTLED:(\d+)$/);
  if (throttled) {
    return `Too many wrong attempts from this device. Wait ${waitText(Number(throttled[1]))}, then try again. If you forgot your ${
      mode === 'pin' ? 'PIN' : 'password'
    }, ask your manager or an admin.`;
  }
  return (code && MESSAGES[code]?.[mode]) || 'Sign-in failed. Try again; if it keeps failing, ask an admin.';
}

type Mode = 'pin' | 'password';

export function LoginPanel({ switching, next }: { switching: boolean; next: string }) {
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
      const result = await signInWith(mode, credentials);
      if (result.error) {
        setError(messageFor(result.error, mode));
        if (mode === 'pin') setPin('');
        return;
      }
      // A full page load: nothing of the sign-in page (or of anyone before) stays in the tab's memory.
      window.location.assign(next);
    } catch {
      setError(messageFor(undefined, mode));
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
          label={switching ? 'Next hostess: enter your PIN' : 'Enter your PIN'}
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
        <div className="grid grid-cols-3 gap-3" aria-label="PIN keypad" role="group">
          {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
            <button key={d} type="button" onClick={() => press(d)} className="min-h-16 rounded-xl bg-slate-100 text-2xl font-semibold hover:bg-slate-200 active:bg-slate-300">
              {d}
            </button>
          ))}
          <button type="button" onClick={() => setPin('')} className="min-h-16 rounded-xl bg-slate-50 text-base font-medium text-slate-700 hover:bg-slate-200">
            Clear
          </button>
          <button type="button" onClick={() => press('0')} className="min-h-16 rounded-xl bg-slate-100 text-2xl font-semibold hover:bg-slate-200 active:bg-slate-300">
            0
          </button>
          <button type="button" aria-label="Delete last digit" onClick={() => setPin((p) => p.slice(0, -1))} className="min-h-16 rounded-xl bg-slate-50 text-2xl text-slate-700 hover:bg-slate-200">
            ⌫
          </button>
        </div>
        <Button type="submit" pending={pending} pendingLabel="Signing in…" disabled={pin.length < 4} className="min-h-14 text-lg">
          Sign in
        </Button>
      </form>
    </>
  );
  const passwordPanel = (
    <>
      {errorNote}
      <form id="login-password" onSubmit={onPasswordSubmit} className="flex flex-col gap-4">
        <Field label="Username" name="username" autoComplete="username" autoCapitalize="none" value={username} onChange={(e) => setUsername(e.target.value)} required />
        <Field label="Password" name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        <Button type="submit" pending={pending} pendingLabel="Signing in…" className="min-h-12">
          Sign in
        </Button>
      </form>
    </>
  );

  return (
    <div className="w-full max-w-md rounded-2xl bg-white p-6 shadow-sm">
      <Tabs
        label="How do you sign in?"
        value={mode}
        onChange={(m) => {
          setMode(m as Mode);
          setError(null);
        }}
        items={[
          { id: 'pin', label: 'Hostess PIN', content: pinPanel },
          { id: 'password', label: 'Staff sign-in', content: passwordPanel },
        ]}
      />
    </div>
  );
}
