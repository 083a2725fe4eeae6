import type { LetterContent } from '@loket/core';

/** The PDF maker, loaded when a letter is issued (pdf-lib, fontkit and the QR encoder stay out of cold starts). */
export const renderLetter = async (content: LetterContent, meta: { issuedAt: number; letterId: string }) =>
  (await import('./letter-pdf')).renderLetterPdf(content, meta);
