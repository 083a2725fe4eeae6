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

/** Types as officers and applicants call them: "PDF, JPG, PNG". */
export const formatNames = (types: readonly string[]) => types.map((t) => DOCUMENT_FORMATS[t]?.name ?? t).join(', ');

/** What a scan attached at the desk may be: the field's types (any the desk knows when it names none). */
export const scanTypes = (field: { accept?: string[] }) => field.accept ?? Object.keys(DOCUMENT_FORMATS);

/** The most a document may weigh: the field's limit, or less when the door it comes through carries less. */
export const documentLimit = (field: { maxBytes?: number }, transportMaxBytes = Number.POSITIVE_INFINITY) =>
  Math.min(field.maxBytes ?? DEFAULT_DOCUMENT_BYTES, transportMaxBytes);
