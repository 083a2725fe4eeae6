import type { LetterContent } from '@loket/core';
import type { RenderMode } from './letter-pdf';

export type { RenderMode, SealBox } from './letter-pdf';

/** The PDF maker, loaded when a letter is drafted or signed (pdf-lib, fontkit and the QR encoder stay out of cold starts). */
export const renderLetter = async (
  content: LetterContent,
  meta: { issuedAt: number; letterId: string },
  mode?: RenderMode,
) => (await import('./letter-pdf')).renderLetterPdf(content, meta, mode);
