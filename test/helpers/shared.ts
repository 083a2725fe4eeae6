import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** ../shared beside the repository (the product owner's folder; CI lays a copy there). */
const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const sharedFile = (path: string): string | undefined =>
  existsSync(SHARED + path) ? readFileSync(SHARED + path, 'utf8') : undefined;
