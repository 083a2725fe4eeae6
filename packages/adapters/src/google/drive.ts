import { drive, type drive_v3 } from '@googleapis/drive';
import type { GoogleAuth } from './auth';
import { FileFetchError, type RemoteFile, type RemoteFiles } from '../remote-files';

const reasonOf = (status?: number): FileFetchError['reason'] =>
  status === 404 ? 'not_found' : status === 401 || status === 403 ? 'denied' : 'unavailable';

/** Google Drive v3 through `@googleapis/drive`; `rootUrl` points it elsewhere (tests). */
export class GoogleDriveFiles implements RemoteFiles {
  private readonly api: drive_v3.Drive;

  constructor(authClient: GoogleAuth, rootUrl?: string) {
    this.api = drive({ version: 'v3', auth: authClient, rootUrl, retry: false });
  }

  async fetch(fileId: string, maxBytes: number): Promise<RemoteFile> {
    try {
      const meta = await this.api.files.get({ fileId, fields: 'id,name,mimeType,size', supportsAllDrives: true });
      const size = Number(meta.data.size ?? 0);
      if (size > maxBytes) throw new FileFetchError(`file is ${size} bytes, limit ${maxBytes}`, 'too_large', size);
      const media = await this.api.files.get(
        { fileId, alt: 'media', supportsAllDrives: true },
        { responseType: 'arraybuffer' },
      );
      const bytes = new Uint8Array(media.data as unknown as ArrayBuffer);
      if (bytes.byteLength > maxBytes)
        throw new FileFetchError(`file is ${bytes.byteLength} bytes, limit ${maxBytes}`, 'too_large', bytes.byteLength);
      return { name: meta.data.name ?? fileId, mimeType: meta.data.mimeType ?? 'application/octet-stream', bytes };
    } catch (e) {
      if (e instanceof FileFetchError) throw e;
      const status =
        (e as { status?: number; response?: { status?: number } }).status ??
        (e as { response?: { status?: number } }).response?.status;
      throw new FileFetchError(`Drive ${status ?? 'error'}: ${(e as Error).message}`, reasonOf(status));
    }
  }
}
