import { createHash, randomBytes } from 'node:crypto';

/** Only the hash of a cookie value or link token is stored: a read of the table cannot sign anyone in. */
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('base64url');
export const newSecret = () => randomBytes(32).toString('base64url');
