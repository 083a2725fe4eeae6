import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { FormSubmission } from '@loket/core';
import { checkSignature, signBody } from '../../functions/intake/signature';

/** Apps Script's Utilities.computeHmacSha256Signature returns signed bytes (-128…127); emulate it. */
const { createHmac } = await import('node:crypto');
Object.assign(globalThis, {
  Utilities: {
    Charset: { UTF_8: 'UTF-8' },
    computeHmacSha256Signature: (value: string, key: string) =>
      [...createHmac('sha256', key).update(value, 'utf8').digest()].map((b) => (b > 127 ? b - 256 : b)),
  },
});
const script = createRequire(import.meta.url)('../../integrations/google-forms/Code.gs') as {
  sign(s: string, t: string, b: string): string;
  isFinal(code: number): boolean;
  buildPayload(formId: string, response: unknown): Record<string, unknown>;
};

const VECTOR = {
  secret: 'loket-test-vector-secret',
  timestamp: '1795000000',
  body: '{"formId":"demo-konsultasi","responseId":"ACYDBNi","submittedAt":"2026-11-25T02:10:00.000Z","answers":[{"questionId":"1","title":"Nama lengkap pemohon","type":"TEXT","values":["Ñoño Ümit"]}]}',
  // Computed once and fixed here, so neither side can drift with the other.
  signature: 'sha256=028cca594e7fad38aa64007e20ce97d7a7706c9b6314218fa69d3c019a674699',
};

describe('Apps Script signing (integrations/google-forms/Code.gs)', () => {
  it('signs the test vector exactly as the server does, non-ASCII included', () => {
    expect(script.sign(VECTOR.secret, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
    expect(signBody(VECTOR.secret, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
  });

  it('is accepted by the server verifier within five minutes, refused after', () => {
    const sig = script.sign(VECTOR.secret, VECTOR.timestamp, VECTOR.body);
    expect(checkSignature(VECTOR.secret, VECTOR.timestamp, sig, VECTOR.body, 1795000000_000 + 299_000)).toBeUndefined();
    expect(checkSignature(VECTOR.secret, VECTOR.timestamp, sig, VECTOR.body, 1795000000_000 + 301_000)).toBe('stale');
    expect(checkSignature(VECTOR.secret, VECTOR.timestamp, sig, VECTOR.body + ' ', 1795000000_000)).toBe('mismatch');
  });

  it('tries again on 409 and 429 as on 5xx; other answers end the delivery', () => {
    expect([200, 201, 400, 401, 404, 413].map(script.isFinal)).toEqual([true, true, true, true, true, true]);
    expect([409, 429, 500, 503].map(script.isFinal)).toEqual([false, false, false, false]);
  });

  it("builds a body the server's schema takes, with the respondent's email and the response's edit link", () => {
    const item = { getId: () => 7, getTitle: () => 'Nama lengkap pemohon', getType: () => 'TEXT' };
    const response = {
      getItemResponses: () => [{ getItem: () => item, getResponse: () => 'Siti' }],
      getId: () => 'ACYDBNi',
      getTimestamp: () => new Date('2026-11-25T02:10:00.000Z'),
      getRespondentEmail: () => 'siti@contoh.id',
      getEditResponseUrl: () => 'https://docs.google.com/forms/d/e/abc/viewform?edit2=2_ABaOnud',
    };
    const body = script.buildPayload('FORM-1', response);
    expect(FormSubmission.parse(body)).toMatchObject({
      formId: 'FORM-1',
      responseId: 'ACYDBNi',
      respondentEmail: 'siti@contoh.id',
      editUrl: 'https://docs.google.com/forms/d/e/abc/viewform?edit2=2_ABaOnud',
      answers: [{ questionId: '7', title: 'Nama lengkap pemohon', type: 'TEXT', values: ['Siti'] }],
    });
  });
});
