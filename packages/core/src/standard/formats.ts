/** The document formats the desk accepts: what officers and applicants call them, and the file extension. */
export const DOCUMENT_FORMATS: Record<string, { name: string; extension: string }> = {
  'application/pdf': { name: 'PDF', extension: 'pdf' },
  'image/jpeg': { name: 'JPG', extension: 'jpg' },
  'image/png': { name: 'PNG', extension: 'png' },
};
