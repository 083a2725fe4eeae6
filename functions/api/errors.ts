import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type ErrorCode, type FieldIssue, LoketError } from '@loket/core';
import type { ZodError } from 'zod';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  not_found: 404,
  conflict: 409,
  duplicate: 409,
  invalid_transition: 422,
  forbidden: 403,
  unauthorized: 401,
  validation: 400,
  payload_too_large: 413,
  gone: 410,
  rate_limited: 429,
  unavailable: 503,
};

/** The HTTP status of a refusal, the same for the JSON API and the pages. */
export const statusOfError = (e: LoketError) => STATUS[e.code];

/** The one JSON error shape of the API: `{"error":{"code","message","fields"?}}`. */
export const errorResponse = (c: Context, e: LoketError) =>
  c.json(
    { error: { code: e.code, message: e.message, ...(e.fields.length ? { fields: e.fields } : {}) } },
    STATUS[e.code],
  );

/** Turns a zod failure into a `validation` error naming each field in Indonesian. */
export const fromZod = (err: ZodError, where = 'Permintaan'): LoketError => {
  const fields: FieldIssue[] = err.issues.slice(0, 20).map((i) => ({
    field: i.path.map(String).join('.') || '(body)',
    message: i.code === 'invalid_type' && i.input === undefined ? 'Wajib diisi.' : `Tidak valid: ${i.message}`,
  }));
  return new LoketError('validation', `${where} tidak valid: ${fields.map((f) => f.field).join(', ')}.`, fields);
};
