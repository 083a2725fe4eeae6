import { describe, expect, it } from 'vitest';
import { ConfigError, LOCAL_SECRETS, loadConfig } from '@loket/adapters';

const strong = 'x'.repeat(32);
const aws = (env: Record<string, string | undefined>) => () =>
  loadConfig({ LOKET_STAGE: 'production', GOOGLE_FORMS_WEBHOOK_SECRET: strong, LOKET_AUTH_SECRET: strong.toUpperCase(), ...env });

describe('secrets outside the local stage', () => {
  it('start with two secrets of 32 bytes or more', () => {
    expect(aws({})()).toMatchObject({ GOOGLE_FORMS_WEBHOOK_SECRET: strong, LOKET_AUTH_SECRET: strong.toUpperCase() });
  });

  it.each([
    ['missing', 'LOKET_AUTH_SECRET', undefined, /LOKET_AUTH_SECRET: required outside the local stage/],
    ['missing', 'GOOGLE_FORMS_WEBHOOK_SECRET', undefined, /GOOGLE_FORMS_WEBHOOK_SECRET: required/],
    ['shorter than 32 bytes', 'LOKET_AUTH_SECRET', 'y'.repeat(31), /at least 32 bytes/],
    ['the local default', 'LOKET_AUTH_SECRET', LOCAL_SECRETS.LOKET_AUTH_SECRET, /public local default/],
    ['the local default', 'GOOGLE_FORMS_WEBHOOK_SECRET', LOCAL_SECRETS.GOOGLE_FORMS_WEBHOOK_SECRET, /public local default/],
  ])('refuse to start when a secret is %s (%s)', (_what, name, value, message) => {
    expect(aws({ [name]: value })).toThrow(ConfigError);
    expect(aws({ [name]: value })).toThrow(message);
  });

  it('keep the well-known defaults for the local desk only', () => {
    expect(loadConfig({ LOKET_STAGE: 'local' })).toMatchObject(LOCAL_SECRETS);
  });
});
