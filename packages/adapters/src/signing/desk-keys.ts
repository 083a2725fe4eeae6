import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DeskPki } from './desk-pki';

/**
 * Where the desk certificate's keys live: a private file for the local desk, a Secrets Manager secret
 * of the stage in AWS (`LOKET_DESK_KEYS`). Never the table or the bucket: whoever reads those must
 * not be able to sign as the office signatory.
 */
export interface DeskKeyStore {
  load(): Promise<DeskPki | undefined>;
  /** Stores the keys; `created` is true the first time (the secret did not exist). */
  save(pki: DeskPki, first: boolean): Promise<void>;
}

export class FileDeskKeys implements DeskKeyStore {
  constructor(private readonly path: string) {}

  async load() {
    try {
      return JSON.parse(await readFile(this.path, 'utf8')) as DeskPki;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  async save(pki: DeskPki) {
    await mkdir(dirname(this.path), { recursive: true });
    await writeFile(this.path, JSON.stringify(pki), { mode: 0o600 });
    await chmod(this.path, 0o600);
  }
}

/** The stage's secret, created by the first signing (the function's role may create only this name). */
export class SecretsManagerDeskKeys implements DeskKeyStore {
  constructor(
    private readonly region: string,
    private readonly secretId: string,
  ) {}

  private async client() {
    const sdk = await import('@aws-sdk/client-secrets-manager');
    return { sdk, client: new sdk.SecretsManagerClient({ region: this.region }) };
  }

  async load() {
    const { sdk, client } = await this.client();
    try {
      const r = await client.send(new sdk.GetSecretValueCommand({ SecretId: this.secretId }));
      return r.SecretString ? (JSON.parse(r.SecretString) as DeskPki) : undefined;
    } catch (e) {
      if ((e as Error).name === 'ResourceNotFoundException') return undefined;
      throw e;
    }
  }

  async save(pki: DeskPki, first: boolean) {
    const { sdk, client } = await this.client();
    const SecretString = JSON.stringify(pki);
    if (first) {
      try {
        await client.send(
          new sdk.CreateSecretCommand({
            Name: this.secretId,
            SecretString,
            Description: 'Loket desk certificate: local CA and signer keys (not a certified signature)',
          }),
        );
        return;
      } catch (e) {
        // Another function created it a moment earlier: keep theirs, the caller reloads.
        if ((e as Error).name !== 'ResourceExistsException') throw e;
        return;
      }
    }
    await client.send(new sdk.PutSecretValueCommand({ SecretId: this.secretId, SecretString }));
  }
}
