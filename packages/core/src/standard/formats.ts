/** The document formats the desk accepts: what officers and applicants call them, and the file extension. */
export const DOCUMENT_FORMATS: Record<string, { name: string; extension: string }> = {
  'application/pdf': { name: 'PDF', extension: 'pdf' },
  'image/jpeg': { name: 'JPG', extension: 'jpg' },
  'image/png': { name: 'PNG', extension: 'png' },
};

/** A document field's limit when the standard sets none: what Google Forms takes per file by default. */
export const DEFAULT_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** A size as officers and applicants read it ("4,2 MB"). */
export const megabytes = (n: number) => `${(n / 1024 / 1024).toLocaleString('id-ID', { maximumFractionDigits: 1 })} MB`;
