/**
 * How every Lambda entry is bundled (SST's esbuild step), shared with `npm run bench`, which measures
 * exactly this: ESM, minified, code splitting so lazily imported modules (mailers, Google clients, the
 * S3 client, page components, the OpenAPI generator) are chunks a cold start does not load.
 */
export const LAMBDA_BUNDLE = {
  format: 'esm' as const,
  minify: true,
  splitting: true,
  mainFields: ['module', 'main'],
};
