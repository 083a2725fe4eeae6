import { createHash, createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local OpenID provider for the real google-auth-library: discovery, JWKS, an authorization endpoint
 * that answers at once with a code, and a token endpoint that checks the PKCE verifier and returns an
 * RS256 ID token. `nextIdentity` sets who signs in next, and how the token is wrong if it should be.
 */
export interface Identity {
  email: string;
  emailVerified?: boolean;
  /** Token faults: another audience, already expired. */
  audience?: string;
  expired?: boolean;
}

export const startOidcProvider = async (clientId: string) => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'test-key-1', alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { identity: Identity; nonce: string; challenge: string; redirectUri: string }>();
  let next: Identity = { email: 'nobody@example.com' };
  let issuer = '';

  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const idToken = (i: Identity, nonce: string) => {
    const now = Math.floor(Date.now() / 1000);
    const header = b64({ alg: 'RS256', kid: 'test-key-1', typ: 'JWT' });
    const payload = b64({
      iss: issuer,
      aud: i.audience ?? clientId,
      sub: createHash('sha256').update(i.email).digest('hex').slice(0, 20),
      email: i.email,
      email_verified: i.emailVerified ?? true,
      nonce,
      iat: i.expired ? now - 7200 : now,
      exp: i.expired ? now - 3600 : now + 3600,
      name: 'Petugas Uji',
    });
    const sig = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(privateKey).toString('base64url');
    return `${header}.${payload}.${sig}`;
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/.well-known/openid-configuration') {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
    if (url.pathname === '/authorize') {
      const p = url.searchParams;
      if (
        p.get('client_id') !== clientId ||
        p.get('response_type') !== 'code' ||
        p.get('code_challenge_method') !== 'S256' ||
        !p.get('state') ||
        !p.get('nonce')
      ) {
        return json(400, { error: 'invalid_request' });
      }
      const code = randomBytes(16).toString('hex');
      codes.set(code, {
        identity: next,
        nonce: p.get('nonce')!,
        challenge: p.get('code_challenge')!,
        redirectUri: p.get('redirect_uri')!,
      });
      res.writeHead(302, {
        location: `${p.get('redirect_uri')}?code=${code}&state=${encodeURIComponent(p.get('state')!)}`,
      });
      return res.end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      const form = new URLSearchParams(body);
      const grant = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const verifierHash = createHash('sha256')
        .update(form.get('code_verifier') ?? '')
        .digest('base64url');
      if (
        !grant ||
        verifierHash !== grant.challenge ||
        form.get('client_id') !== clientId ||
        form.get('redirect_uri') !== grant.redirectUri
      ) {
        return json(400, { error: 'invalid_grant' });
      }
      const token = idToken(grant.identity, grant.nonce);
      return json(200, {
        access_token: 'at',
        token_type: 'Bearer',
        expires_in: 3600,
        id_token: token,
        scope: 'openid email profile',
      });
    }
    json(404, { error: 'not_found' });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    nextIdentity: (i: Identity) => {
      next = i;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
};
