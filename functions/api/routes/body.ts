import type { Context } from 'hono';
import { LoketError } from '@loket/core';
import type { z } from 'zod';
import { fromZod } from '../errors';

/** Parses a JSON body with a schema; malformed JSON and schema failures are 400s naming the fields. */
export const jsonBody = async <S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> => {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new LoketError('validation', 'Isi permintaan harus berupa JSON yang valid.', [{ field: '(body)', message: 'JSON tidak valid.' }]);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw fromZod(parsed.error);
  return parsed.data;
};
