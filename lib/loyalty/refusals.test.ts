/** The loyalty desk's refusals reach the person in their language through the action door (issue 16). */
import { describe, expect, it } from 'vitest';
import { toActionError } from '@/lib/auth/action';
import { ConflictError, RateLimitError, type ActionResult } from '@/lib/errors';
import { refusal } from '@/lib/i18n/server-words';
import { notFoundRefusal, refuseUnlessOpen, type CodeView } from './views';

const redeemed: CodeView = {
  campaignInternalId: 'c1',
  code: 'SPRANA01',
  prize: null,
  status: 'redeemed',
  state: 'redeemed',
  statusLabel: 'Redeemed',
  expiresAt: null,
  expired: false,
  campaignEndedAt: null,
  lastUpdate: '2026-03-12T08:00:00.000Z',
  timeZone: 'Europe/Bucharest',
  canRedeem: false,
  canBlock: false,
  notice: null,
};

const messageOf = (r: ActionResult<never>) => (r.ok ? '' : r.error.message);

function thrown(fn: () => void): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

describe('loyalty refusals', () => {
  it('say why a code cannot be changed in the asker’s language, dates included; the thrown message stays English', () => {
    const error = thrown(() => refuseUnlessOpen(redeemed));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toBe('This code was already used: it was redeemed on 12 Mar 2026, 10:00. Nothing was changed.');
    expect(toActionError(error, 'loyalty.redeem', 'en')).toMatchObject({ ok: false, error: { code: 'conflict', message: (error as Error).message } });
    expect(toActionError(error, 'loyalty.redeem', 'ro')).toMatchObject({ ok: false, error: {
      code: 'conflict',
      message: 'Acest cod a fost deja folosit: premiul a fost acordat pe 12 mar. 2026, 10:00. Nu s-a schimbat nimic.',
    } });
  });

  it('“not found” and the rate limit, with Romanian plurals', () => {
    expect(toActionError(notFoundRefusal(), 'loyalty.redeem', 'ro')).toMatchObject({ ok: false, error: {
      code: 'validation',
      message: 'Nu s-a găsit niciun cod pentru acest client în această campanie. Verifică e-mailul și telefonul cu clientul sau alege altă campanie.',
    } });
    const limited = (seconds: number) =>
      refusal((m) => new RateLimitError(m), (t) => t('loyalty.errors.rateLimited', { bucket: 'check', limit: 10, seconds }));
    expect(limited(1).message).toBe('Too many code checks in a short time (10 a minute). Try again in 1 second.');
    expect(messageOf(toActionError(limited(2), 'loyalty.check', 'en'))).toBe('Too many code checks in a short time (10 a minute). Try again in 2 seconds.');
    expect(messageOf(toActionError(limited(1), 'loyalty.check', 'ro'))).toBe('Prea multe verificări de cod într-un timp scurt (10 pe minut). Încearcă din nou peste o secundă.');
    expect(messageOf(toActionError(limited(19), 'loyalty.check', 'ro'))).toMatch(/peste 19 secunde\.$/);
    expect(messageOf(toActionError(limited(20), 'loyalty.check', 'ro'))).toMatch(/peste 20 de secunde\.$/);
  });

  it('an error without words is shown as thrown', () => {
    expect(messageOf(toActionError(new ConflictError('Plain.'), 'x', 'ro'))).toBe('Plain.');
  });
});
