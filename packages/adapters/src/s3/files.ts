import type { S3Client } from '@aws-sdk/client-s3';
import type { DocumentStore } from '@loket/core';

/**
 * The private bucket behind a small port: archive a raw body, store a document, a short-lived link to
 * one, a health check. The S3 client (~100 KiB with its signing and checksum code) loads on first use,
 * so a status lookup or a page render never pays for it at a cold start.
 */
interface FileStore extends DocumentStore {
  /** Creates the bucket if missing (local desk and tests). */
  ensure(): Promise<void>;
  /** The S3 client itself, for tests that read what was stored. */
  client(): Promise<S3Client>;
  destroy(): void;
}

export const createFileStore = (region: string, bucket: string): FileStore => {
  let loaded: Promise<{ s3: S3Client; sdk: typeof import('@aws-sdk/client-s3') }> | undefined;
  const load = () =>
    (loaded ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      // The endpoint comes from AWS_ENDPOINT_URL_S3 when set (local emulator, path-style addressing).
      // Checksums only when required: s3rver stores streamed uploads corrupted otherwise.
      s3: new sdk.S3Client({
        region,
        forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3),
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }),
    })));
  return {
    async put(key, body, contentType, metadata) {
      const { s3, sdk } = await load();
      await s3.send(
        new sdk.PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: body,
          ContentType: contentType,
          Metadata: metadata,
        }),
      );
    },
    async exists(key) {
      const { s3, sdk } = await load();
      try {
        await s3.send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: key }));
        return true;
      } catch (e) {
        if (e instanceof sdk.NotFound || (e as { name?: string }).name === 'NotFound') return false;
        throw e;
      }
    },
    async remove(key) {
      const { s3, sdk } = await load();
      await s3.send(new sdk.DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
    async linkTo(key, opts) {
      const [{ s3, sdk }, { getSignedUrl }] = await Promise.all([load(), import('@aws-sdk/s3-request-presigner')]);
      return getSignedUrl(
        s3,
        new sdk.GetObjectCommand({
          Bucket: bucket,
          Key: key,
          ResponseContentType: opts.contentType,
          ResponseContentDisposition: `inline; filename="${opts.fileName}"`,
        }),
        { expiresIn: opts.seconds },
      );
    },
    async check() {
      const { s3, sdk } = await load();
      await s3.send(new sdk.HeadBucketCommand({ Bucket: bucket }));
    },
    async ensure() {
      const { s3, sdk } = await load();
      try {
        await s3.send(new sdk.HeadBucketCommand({ Bucket: bucket }));
      } catch {
        await s3.send(new sdk.CreateBucketCommand({ Bucket: bucket }));
      }
    },
    client: async () => (await load()).s3,
    destroy: () => void loaded?.then(({ s3 }) => s3.destroy()),
  };
};
