/** Staff sign-in at /api/token: grant pin, password or client_credentials, with HTTP Basic key:secret. */
import 'server-only';
import { registerSecret } from '@/lib/log';
import { toBracketForm } from '@/lib/vendors/http';
import type { FootprintsToken, TokenGrant } from './client';
import { TokenResponseSchema } from './schemas';
import type { FootprintsTransport } from './transport';

export interface TokenApi {
  requestToken(grant: TokenGrant): Promise<FootprintsToken>;
  tokenWithPin(pin: string): Promise<FootprintsToken>;
  tokenWithPassword(username: string, password: string): Promise<FootprintsToken>;
  tokenWithClientCredentials(): Promise<FootprintsToken>;
}

export function tokenApi(t: FootprintsTransport): TokenApi {
  const { basic, call, form, refuse } = t;

  async function requestToken(grant: TokenGrant): Promise<FootprintsToken> {
    const operation = 'token';
    // The samples send `grant_type=client_credentials&pin=…`; the table says a PIN goes with grant_type=pin,
    // and username/password with grant_type=password. The client follows the table: one grant, its fields.
    // The table heads them "Query Parameters" but every sample sends them in the form body, as does the client.
    let params: URLSearchParams;
    let secrets: string[] = [];
    if (grant.grantType === 'pin') {
      if (!grant.pin) throw refuse(operation, 'not sent: pin is required');
      params = toBracketForm({ grant_type: 'pin', pin: grant.pin });
      secrets = [grant.pin];
    } else if (grant.grantType === 'password') {
      if (!grant.username || !grant.password) throw refuse(operation, 'not sent: username and password are required');
      params = toBracketForm({ grant_type: 'password', username: grant.username, password: grant.password });
      secrets = [grant.password];
    } else {
      params = toBracketForm({ grant_type: 'client_credentials' });
    }
    const issuedAt = Date.now();
    const t = await call({
      operation,
      method: 'POST',
      path: '/api/token',
      headers: { Authorization: `Basic ${basic}` },
      body: form(params),
      schema: TokenResponseSchema,
      secrets,
    });
    registerSecret(t.access_token, 'token');
    if (t.refresh_token) registerSecret(t.refresh_token, 'token');
    return {
      accessToken: t.access_token,
      tokenType: t.token_type ?? undefined,
      expiresIn: t.expires_in ?? undefined,
      expiresAt: typeof t.expires_in === 'number' ? new Date(issuedAt + t.expires_in * 1000) : undefined,
      refreshToken: t.refresh_token ?? undefined,
      scope: t.scope,
      hostessName: t.hostess_name ?? undefined,
      hostessId: t.hostess_id ?? undefined,
    };
  }

  return {
    requestToken,
    tokenWithPin: (pin) => requestToken({ grantType: 'pin', pin }),
    tokenWithPassword: (username, password) => requestToken({ grantType: 'password', username, password }),
    tokenWithClientCredentials: () => requestToken({ grantType: 'client_credentials' }),
  };
}
