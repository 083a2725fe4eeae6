import { describe, expect, it } from 'vitest';
import { settingsFromSstShell } from '../../functions/cli/target';
import { ConfigError, LOCAL_SECRETS, loadConfig } from '@loket/adapters';

const strong = 'x'.repeat(32);
const aws = (env: Record<string, string | undefined>) => () =>
  loadConfig({
    LOKET_STAGE: 'production',
    GOOGLE_FORMS_WEBHOOK_SECRET: strong,
    LOKET_AUTH_SECRET: strong.toUpperCase(),
    ...env,
  });

describe('secrets outside the local stage', () => {
  it('start with two secrets of 32 bytes or more', () => {
    expect(aws({})()).toMatchObject({ GOOGLE_FORMS_WEBHOOK_SECRET: strong, LOKET_AUTH_SECRET: strong.toUpperCase() });
  });

  it.each([
    ['missing', 'LOKET_AUTH_SECRET', undefined, /LOKET_AUTH_SECRET: required outside the local stage/],
    ['missing', 'GOOGLE_FORMS_WEBHOOK_SECRET', undefined, /GOOGLE_FORMS_WEBHOOK_SECRET: required/],
    ['shorter than 32 bytes', 'LOKET_AUTH_SECRET', 'y'.repeat(31), /at least 32 bytes/],
    ['the local default', 'LOKET_AUTH_SECRET', LOCAL_SECRETS.LOKET_AUTH_SECRET, /public local default/],
    [
      'the local default',
      'GOOGLE_FORMS_WEBHOOK_SECRET',
      LOCAL_SECRETS.GOOGLE_FORMS_WEBHOOK_SECRET,
      /public local default/,
    ],
  ])('refuse to start when a secret is %s (%s)', (_what, name, value, message) => {
    expect(aws({ [name]: value })).toThrow(ConfigError);
    expect(aws({ [name]: value })).toThrow(message);
  });

  it('keep the well-known defaults for the local desk only', () => {
    expect(loadConfig({ LOKET_STAGE: 'local' })).toMatchObject(LOCAL_SECRETS);
  });
});

describe('the CLI inside `npx sst shell`', () => {
  const shell = {
    SST_RESOURCE_App: JSON.stringify({ name: 'loket', stage: 'production' }),
    SST_RESOURCE_Loket: JSON.stringify({ name: 'loket-production-LoketTable-abc' }),
    SST_RESOURCE_Files: JSON.stringify({ name: 'loket-production-filesbucket-xyz' }),
    SST_RESOURCE_Desk: JSON.stringify({
      publicUrl: 'https://loket.pasuruankab.go.id',
      mailFrom: 'Loket <loket@dinkop.pasuruankab.go.id>',
    }),
    SST_RESOURCE_AuthSecret: JSON.stringify({ value: 'a'.repeat(40) }),
    SST_RESOURCE_GoogleFormsWebhookSecret: JSON.stringify({ value: 'w'.repeat(40) }),
    SST_RESOURCE_GoogleServiceAccountKey: JSON.stringify({ value: '' }),
  };

  it("finds the stage's table, bucket, address and secrets, and the configuration loads", () => {
    const settings = settingsFromSstShell(shell);
    expect(settings).toEqual({
      LOKET_STAGE: 'production',
      LOKET_TABLE: 'loket-production-LoketTable-abc',
      LOKET_BUCKET: 'loket-production-filesbucket-xyz',
      LOKET_PUBLIC_URL: 'https://loket.pasuruankab.go.id',
      LOKET_MAIL_FROM: 'Loket <loket@dinkop.pasuruankab.go.id>',
      LOKET_AUTH_SECRET: 'a'.repeat(40),
      GOOGLE_FORMS_WEBHOOK_SECRET: 'w'.repeat(40),
    });
    expect(loadConfig(settings)).toMatchObject({ LOKET_STAGE: 'production', LOKET_FUNCTION: 'desk' });
  });

  it('lets a variable set by hand win, and finds nothing outside a shell', () => {
    expect(settingsFromSstShell({ ...shell, LOKET_TABLE: 'mine' }).LOKET_TABLE).toBeUndefined();
    expect(settingsFromSstShell({})).toEqual({});
  });
});
