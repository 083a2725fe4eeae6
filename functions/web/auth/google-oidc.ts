import { createPublicKey, type JsonWebKey } from 'node:crypto';
import type { Config } from '@loket/adapters';

/**
 * "Masuk dengan Google": the OpenID Connect authorization-code flow with PKCE, `state` and `nonce`,
 * through google-auth-library (already in the bundle as the Google APIs' auth). The provider is found
 * through its discovery document, so tests point GOOGLE_OIDC_ISSUER at a local provider and the same
 * code runs against accounts.google.com.
 */
interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
}

interface VerifiedIdentity {
  email: string;
  name?: string;
}

export class SignInRefused extends Error {
  constructor(readonly reason: 'audience' | 'expired' | 'unverified_email' | 'nonce' | 'invalid_token' | 'provider') {
    super(reason);
  }
}

const discoveries = new Map<string, Promise<Discovery>>();
const discover = (issuer: string): Promise<Discovery> => {
  let found = discoveries.get(issuer);
  if (!found) {
    found = fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(5000),
    }).then(async (r) => {
      if (!r.ok) throw new Error(`discovery answered ${r.status}`);
      return (await r.json()) as Discovery;
    });
    // A failed discovery is tried again next time rather than cached.
    found.catch(() => discoveries.delete(issuer));
    discoveries.set(issuer, found);
  }
  return found;
};

export const googleSignInEnabled = (config: Config) =>
  !!(config.GOOGLE_OAUTH_CLIENT_ID && config.GOOGLE_OAUTH_CLIENT_SECRET);

const client = async (config: Config, redirectUri: string) => {
  // Loaded only when someone signs in with Google: the library stays out of every other cold start.
  const [d, { OAuth2Client }] = await Promise.all([discover(config.GOOGLE_OIDC_ISSUER), import('google-auth-library')]);
  const oauth = new OAuth2Client({
    clientId: config.GOOGLE_OAUTH_CLIENT_ID,
    clientSecret: config.GOOGLE_OAUTH_CLIENT_SECRET,
    redirectUri,
    endpoints: { oauth2AuthBaseUrl: d.authorization_endpoint, oauth2TokenUrl: d.token_endpoint },
    issuers: [d.issuer, ...(d.issuer === 'https://accounts.google.com' ? ['accounts.google.com'] : [])],
  });
  return { oauth, discovery: d };
};

/** The provider's address to send the browser to, and the PKCE verifier to keep until the callback. */
export const authorizationUrl = async (config: Config, redirectUri: string, state: string, nonce: string) => {
  const { oauth } = await client(config, redirectUri);
  const { codeVerifier, codeChallenge } = await oauth.generateCodeVerifierAsync();
  const url = oauth.generateAuthUrl({
    scope: ['openid', 'email', 'profile'],
    state,
    nonce,
    prompt: 'select_account',
    code_challenge: codeChallenge,
    code_challenge_method: 'S256' as never,
  });
  return { url, codeVerifier: codeVerifier! };
};

/** Signing keys of the provider as PEM, keyed by `kid` (the form google-auth-library verifies with). */
const signingKeys = async (jwksUri: string): Promise<Record<string, string>> => {
  const r = await fetch(jwksUri, { signal: AbortSignal.timeout(5000) });
  if (!r.ok) throw new SignInRefused('provider');
  const { keys } = (await r.json()) as { keys: (JsonWebKey & { kid: string })[] };
  return Object.fromEntries(
    keys.map((k) => [
      k.kid,
      createPublicKey({ key: k, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString(),
    ]),
  );
};

/**
 * Exchanges the code (with its PKCE verifier) and verifies the ID token: signature by the provider's
 * keys, issuer, audience = our client id, not expired, the nonce we sent, and a verified email.
 */
export const verifyCallback = async (
  config: Config,
  redirectUri: string,
  code: string,
  codeVerifier: string,
  nonce: string,
): Promise<VerifiedIdentity> => {
  const { oauth, discovery } = await client(config, redirectUri);
  let idToken: string | null | undefined;
  try {
    ({
      tokens: { id_token: idToken },
    } = await oauth.getToken({ code, codeVerifier }));
  } catch {
    throw new SignInRefused('provider');
  }
  if (!idToken) throw new SignInRefused('invalid_token');
  let payload;
  try {
    const ticket = await oauth.verifySignedJwtWithCertsAsync(
      idToken,
      await signingKeys(discovery.jwks_uri),
      config.GOOGLE_OAUTH_CLIENT_ID,
      oauth.issuers,
    );
    payload = ticket.getPayload();
  } catch (e) {
    if (e instanceof SignInRefused) throw e;
    const message = (e as Error).message;
    throw new SignInRefused(
      /audience/i.test(message) ? 'audience' : /too late|expired/i.test(message) ? 'expired' : 'invalid_token',
    );
  }
  if (!payload || payload.nonce !== nonce) throw new SignInRefused('nonce');
  if (!payload.email || payload.email_verified !== true) throw new SignInRefused('unverified_email');
  return { email: payload.email.toLowerCase(), name: payload.name };
};
