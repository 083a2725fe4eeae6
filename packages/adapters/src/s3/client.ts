import { CreateBucketCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';

/**
 * The endpoint comes from AWS_ENDPOINT_URL_S3 when set (local emulator, path-style addressing);
 * otherwise AWS. Checksums only when required: s3rver stores streamed uploads corrupted otherwise.
 */
export const createS3Client = (region: string) =>
  new S3Client({
    region,
    forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });

export const ensureBucket = async (s3: S3Client, bucket: string) => {
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  }
};
