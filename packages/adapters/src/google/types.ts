import type { forms_v1 } from '@googleapis/forms';

/** What the desk needs from Google, apart from the client libraries (which load only when used). */
export interface DriveFile {
  name: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** Why a file could not be fetched. `too_large` is the applicant's problem; the rest are retried. */
export class DriveFetchError extends Error {
  constructor(message: string, readonly reason: 'too_large' | 'not_found' | 'denied' | 'unavailable', readonly size?: number) {
    super(message);
  }
}

export interface DriveFiles {
  /** Downloads a file, refusing before the download when Drive says it is larger than `maxBytes`. */
  fetch(fileId: string, maxBytes: number): Promise<DriveFile>;
}

export interface FormQuestion {
  questionId: string;
  title: string;
  type: string;
}

export interface FormResponses {
  /** Question ids with their item titles (responses carry only ids). */
  questions(formId: string): Promise<FormQuestion[]>;
  /** Every response submitted or edited at or after `since` (all of them without `since`). */
  responses(formId: string, since?: Date): Promise<forms_v1.Schema$FormResponse[]>;
}

