import type { Context } from 'hono';
import { LoketError } from '@loket/core';

const unreadable = (e: unknown) =>
  new LoketError(
    'validation',
    'Isian formulir tidak dapat dibaca. Muat ulang halaman, lalu kirim lagi.',
    [],
    `form body not readable: ${e instanceof Error ? e.message : String(e)}`,
  );

/**
 * A submitted form, or a 400 when the body cannot be read (a broken multipart body, a type no form
 * sends): the sender's error, never a 503 that tells a client to retry, and never a stack trace.
 */
export const readForm = async (c: Context) => {
  try {
    return await c.req.parseBody();
  } catch (e) {
    throw unreadable(e);
  }
};

/** The same, keeping every value of a repeated field (checkboxes, several files). */
export const readFormAll = async (c: Context) => {
  try {
    return await c.req.parseBody({ all: true });
  } catch (e) {
    throw unreadable(e);
  }
};
