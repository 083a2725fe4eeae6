/** A file fetched from where an applicant left it (Google Drive, an SP4N-LAPOR! attachment). */
export interface RemoteFile {
  name: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** Why a file could not be fetched. `too_large` is the applicant's problem; the rest are retried. */
export class FileFetchError extends Error {
  constructor(
    message: string,
    readonly reason: 'too_large' | 'not_found' | 'denied' | 'unavailable',
    readonly size?: number,
  ) {
    super(message);
  }
}

/** A place files are copied from into the desk's own bucket. */
export interface RemoteFiles {
  /** Downloads a file, refusing (before the download where the source says its size) above `maxBytes`. */
  fetch(sourceId: string, maxBytes: number): Promise<RemoteFile>;
}
