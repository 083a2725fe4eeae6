import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import type { LetterContent, LetterSeal } from '@loket/core';
import { degrees, PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import QRCode from 'qrcode';
import { addSignaturePlaceholder, type PlaceholderSpec } from '../signing/pades';

/**
 * A letter as an A4 PDF: the letterhead, number, addressee, body, legal basis and the signatory block.
 * A draft (waiting for paraf and signature) is marked DRAF and has no QR code; the letter to be signed
 * has the signature's visible box in its block, the QR code to the public verification page beside
 * it, and — for the desk channel — the PAdES placeholder over that box. Fonts are embedded (subset).
 * Loaded only when a letter is drafted or signed: pdf-lib and the fonts never weigh on a cold start.
 */
export type RenderMode =
  { kind: 'draft' } | { kind: 'signed'; seal: LetterSeal; placeholder?: Omit<PlaceholderSpec, 'widgetRect'> };
/** Where the visible signature box lies: page index (0-based) and [x1, y1, x2, y2] in points. */
export interface SealBox {
  page: number;
  rect: [number, number, number, number];
}
const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { left: 70, right: 57, top: 50, bottom: 60 };
const BLACK = rgb(0, 0, 0);

/** The fonts ship beside this file; in Lambda they are copied to the task root (infra/runtime.ts). */
const fontDir = () =>
  process.env.LAMBDA_TASK_ROOT
    ? join(process.env.LAMBDA_TASK_ROOT, 'fonts')
    : fileURLToPath(new URL('./fonts/', import.meta.url));

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Lays text out top to bottom, starting a new page when one is full. */
class Flow {
  page: PDFPage;
  y: number;

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.page = doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN.top;
  }

  get width() {
    return A4.width - MARGIN.left - MARGIN.right;
  }

  need(height: number) {
    if (this.y - height >= MARGIN.bottom) return;
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - MARGIN.top;
  }

  wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
        else {
          lines.push(line);
          line = word;
        }
      }
      lines.push(line);
    }
    return lines;
  }

  text(
    text: string,
    opts: {
      size?: number;
      bold?: boolean;
      x?: number;
      width?: number;
      align?: 'left' | 'center' | 'right';
      gap?: number;
    } = {},
  ) {
    const size = opts.size ?? 11.5;
    const font = opts.bold ? this.fonts.bold : this.fonts.regular;
    const x = opts.x ?? MARGIN.left;
    const width = opts.width ?? this.width - (x - MARGIN.left);
    const leading = size * 1.35;
    for (const line of this.wrap(text, font, size, width)) {
      this.need(leading);
      this.y -= leading;
      const w = font.widthOfTextAtSize(line, size);
      const at = opts.align === 'center' ? x + (width - w) / 2 : opts.align === 'right' ? x + width - w : x;
      this.page.drawText(line, { x: at, y: this.y, size, font, color: BLACK });
    }
    this.y -= opts.gap ?? 0;
  }

  /** A label column and a value column ("Nomor   : …"). */
  row(label: string, value: string, labelWidth: number, x = MARGIN.left) {
    const startY = this.y;
    this.text(label, { x, width: labelWidth - 8 });
    const afterLabel = this.y;
    this.y = startY;
    this.text(`: ${value}`, { x: x + labelWidth, width: this.width - (x - MARGIN.left) - labelWidth });
    this.y = Math.min(this.y, afterLabel);
  }

  /** The height `text` takes (to keep a paragraph and what follows it on one page). */
  heightOf(text: string, size = 11.5, gap = 0) {
    return this.wrap(text, this.fonts.regular, size, this.width).length * size * 1.35 + gap;
  }

  line(thickness: number, gap: number) {
    this.y -= gap;
    this.page.drawLine({
      start: { x: MARGIN.left, y: this.y },
      end: { x: A4.width - MARGIN.right, y: this.y },
      thickness,
      color: BLACK,
    });
  }
}

/** The QR code as vector squares (no image), `size` points wide, its lower-left corner at (x, y). */
const drawQr = (page: PDFPage, text: string, x: number, y: number, size: number) => {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 4;
  const cell = size / (n + 2 * quiet);
  page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) });
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (qr.modules.get(r, c))
        page.drawRectangle({
          x: x + (c + quiet) * cell,
          y: y + size - (r + quiet + 1) * cell,
          width: cell,
          height: cell,
          color: BLACK,
        });
    }
  }
};

/** The block's height: title lines, the signature box, name, rank and NIP. */
const SEAL_HEIGHT = 58;
const blockHeight = (content: LetterContent) => 20 + content.signatory.titleLines.length * 15 + SEAL_HEIGHT + 3 * 16;

export const renderLetterPdf = async (
  content: LetterContent,
  meta: { issuedAt: number; letterId: string },
  mode: RenderMode = { kind: 'draft' },
): Promise<{ pdf: Uint8Array; box: SealBox }> => {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const dir = fontDir();
  const [regularBytes, boldBytes] = await Promise.all([
    readFile(join(dir, 'LiberationSerif-Regular.ttf')),
    readFile(join(dir, 'LiberationSerif-Bold.ttf')),
  ]);
  const fonts = {
    regular: await doc.embedFont(regularBytes, { subset: true }),
    bold: await doc.embedFont(boldBytes, { subset: true }),
  };
  const issued = new Date(meta.issuedAt);
  doc.setTitle(`${content.title} ${content.number}`);
  doc.setAuthor(content.letterhead.office);
  doc.setSubject(content.number);
  doc.setProducer('Loket');
  doc.setCreator('Loket');
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);

  const f = new Flow(doc, fonts);
  const lh = content.letterhead;
  f.text(lh.government, { bold: true, size: 14, align: 'center' });
  f.text(lh.office, { bold: true, size: 16, align: 'center' });
  f.text(lh.address, { size: 10, align: 'center' });
  if (lh.contact) f.text(lh.contact, { size: 10, align: 'center' });
  f.line(2, 6);
  f.line(0.6, 2.5);
  f.y -= 10;

  f.text(content.placeAndDate, { align: 'right' });
  f.y -= 6;
  f.row('Nomor', content.number, 70);
  f.row('Sifat', 'Biasa', 70);
  f.row('Lampiran', '-', 70);
  f.row('Perihal', content.title, 70);
  f.y -= 12;
  // The addressee stands in the right half, under the date, as Indonesian official letters set it.
  for (const line of content.addressee) f.text(line, { x: MARGIN.left + f.width / 2, width: f.width / 2 });
  f.y -= 12;
  for (const p of content.paragraphs) f.text(p, { gap: 6 });
  if (content.details.length) {
    f.y -= 2;
    for (const [k, v] of content.details) f.row(k, v, 170, MARGIN.left + 20);
    f.y -= 8;
  }
  // The last paragraph goes to the next page with the block rather than leave the block alone there.
  content.closing.forEach((p, i) => {
    if (i === content.closing.length - 1) f.need(f.heightOf(p, 11.5, 6) + blockHeight(content));
    f.text(p, { gap: 6 });
  });

  // The signatory block in the right half; on the signed letter the QR code to the verification page
  // beside it, on the left, where a reader of the paper letter looks for proof that it is genuine.
  const qrSize = 78;
  f.need(blockHeight(content));
  f.y -= 10;
  const top = f.y;
  const sigX = MARGIN.left + f.width / 2;
  const sigW = f.width / 2;
  for (const line of content.signatory.titleLines)
    f.text(line, { x: sigX, width: sigW, align: 'center', bold: true, size: 11 });
  f.y -= 4;
  const rect: [number, number, number, number] = [sigX + 10, f.y - SEAL_HEIGHT, sigX + sigW - 10, f.y];
  const box: SealBox = { page: doc.getPageCount() - 1, rect };
  const sealPage = f.page;
  if (mode.kind === 'signed') {
    sealPage.drawRectangle({
      x: rect[0],
      y: rect[1],
      width: rect[2] - rect[0],
      height: SEAL_HEIGHT,
      borderColor: rgb(0.1, 0.25, 0.5),
      borderWidth: 0.8,
    });
    const sealTop = f.y;
    f.y -= 3;
    for (const line of mode.seal.lines)
      f.text(line, { x: rect[0] + 4, width: rect[2] - rect[0] - 8, align: 'center', size: 8 });
    f.y = sealTop;
  } else {
    f.y -= 14;
    f.text('(menunggu tanda tangan)', { x: sigX, width: sigW, align: 'center', size: 9 });
    f.y = rect[3];
  }
  f.y -= SEAL_HEIGHT;
  f.text(content.signatory.name || '(nama penanda tangan belum diisi)', {
    x: sigX,
    width: sigW,
    align: 'center',
    bold: true,
  });
  if (content.signatory.rank) f.text(content.signatory.rank, { x: sigX, width: sigW, align: 'center', size: 11 });
  if (content.signatory.nip)
    f.text(`NIP. ${content.signatory.nip}`, { x: sigX, width: sigW, align: 'center', size: 11 });
  const afterSignature = f.y;
  if (mode.kind === 'signed' && content.verifyUrl) {
    drawQr(f.page, content.verifyUrl, MARGIN.left, top - qrSize, qrSize);
    f.y = top - qrSize - 2;
    const captionWidth = f.width / 2 - 16;
    f.text('Periksa keaslian surat: pindai kode QR atau buka', { width: captionWidth, size: 8 });
    f.text(content.verifyUrl, { width: captionWidth, size: 8 });
  }
  f.y = Math.min(f.y, afterSignature);

  f.y -= 14;
  f.text('Dasar hukum:', { size: 9, bold: true });
  content.legalBasis.forEach((b, i) => f.text(`${i + 1}. ${b}`, { size: 9 }));
  // Every page says which letter it belongs to and where it stands, so a loose page is never orphaned;
  // a signed letter says on every page how it is signed, a draft is marked as one.
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const footer = `${content.number} · Halaman ${i + 1} dari ${pages.length}`;
    const centred = (text: string, y: number, size: number) =>
      page.drawText(text, {
        x: (A4.width - fonts.regular.widthOfTextAtSize(text, size)) / 2,
        y,
        size,
        font: fonts.regular,
        color: BLACK,
      });
    centred(footer, MARGIN.bottom / 2, 8);
    if (mode.kind === 'signed') {
      const lines = f.wrap(mode.seal.footer, fonts.regular, 7, A4.width - MARGIN.left - MARGIN.right);
      lines.forEach((line, l) => centred(line, MARGIN.bottom / 2 + 11 + (lines.length - 1 - l) * 9, 7));
    } else {
      page.drawText('DRAF', {
        x: 150,
        y: 300,
        size: 120,
        font: fonts.bold,
        color: rgb(0.85, 0.85, 0.85),
        opacity: 0.5,
        rotate: degrees(40),
      });
      centred('DRAF: belum ditandatangani, belum berlaku. Nomor surat telah dicadangkan.', MARGIN.bottom / 2 + 11, 8);
    }
  });
  if (mode.kind === 'signed' && mode.placeholder)
    addSignaturePlaceholder(doc, sealPage, { ...mode.placeholder, widgetRect: rect });
  return { pdf: await doc.save({ useObjectStreams: false }), box };
};
