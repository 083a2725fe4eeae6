import { auth } from '@googleapis/drive';
import * as z from 'zod';

/** The fields of a service-account key file that self-signed JWTs need. */
const ServiceAccountKey = z.object({
  client_email: z.string().email(),
  private_key: z.string().min(100),
  private_key_id: z.string().optional(),
});

const GOOGLE_SCOPES = [
  'https://www.googleapis.com/auth/drive.readonly',
  'https://www.googleapis.com/auth/forms.responses.readonly',
  'https://www.googleapis.com/auth/forms.body.readonly',
];

/**
 * Service-account credentials as self-signed JWTs (`useJWTAccessWithScope`): each request carries a
 * token signed with the account's key, so no token exchange is needed and no OAuth endpoint is called.
 * Drive and Forms accept these; the upload folder and the forms must be shared with the account.
 */
export const serviceAccountAuth = (keyJson: string) => {
  const key = ServiceAccountKey.parse(JSON.parse(keyJson));
  const jwt = new auth.JWT({
    email: key.client_email,
    key: key.private_key,
    keyId: key.private_key_id,
    scopes: GOOGLE_SCOPES,
  });
  jwt.useJWTAccessWithScope = true;
  return jwt;
};
export type GoogleAuth = ReturnType<typeof serviceAccountAuth>;
