import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import type { PDFDocument, PDFPage } from 'pdf-lib';

/**
 * PAdES signing with kept libraries: @signpdf/placeholder-pdf-lib reserves the /Sig dictionary and
 * its widget over the visible signature box, @signpdf/signpdf computes the ByteRange and embeds the
 * detached CMS that @signpdf/signer-p12 (node-forge) makes with the signer's certificate and the
 * signing time. `ETSI.CAdES.detached` is the PAdES baseline subfilter.
 */
export interface PlaceholderSpec {
  reason: string;
  name: string;
  location: string;
  contactInfo: string;
  signingTime: Date;
  /** The visible signature box on `page`, [x1, y1, x2, y2] in points. */
  widgetRect: [number, number, number, number];
}

export const addSignaturePlaceholder = (pdfDoc: PDFDocument, page: PDFPage, spec: PlaceholderSpec) =>
  pdflibAddPlaceholder({
    pdfDoc,
    pdfPage: page,
    ...spec,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    signatureLength: 16_384,
    appName: 'Loket',
  });

/** Signs a PDF that holds a placeholder with a PKCS#12 (its password is the hand-over's, not a person's). */
export const signWithP12 = async (pdf: Uint8Array, p12: Uint8Array, password: string, signingTime: Date) =>
  new Uint8Array(
    await new SignPdf().sign(Buffer.from(pdf), new P12Signer(Buffer.from(p12), { passphrase: password }), signingTime),
  );
