import { extractSignature } from '@signpdf/utils';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { issuerName } from './certificate-name';

/**
 * What a PDF's signature says, checked with kept libraries: @signpdf/utils finds the ByteRange and the
 * CMS, pkijs verifies the CMS over those bytes (message digest and the signer's signature over the
 * signed attributes). Whether the signed ranges cover the whole file is checked here: bytes appended
 * after signing are a modification even when the signature itself still verifies.
 */
export interface PdfSignature {
  signed: true;
  /** The CMS verifies over the signed ranges and they cover the whole file. */
  valid: boolean;
  wholeDocument: boolean;
  signer: string;
  issuer: string;
  serial: string;
  signingTime?: number;
}

const attributes = (name: pkijs.RelativeDistinguishedNames) =>
  name.typesAndValues.map((tv) => ({ type: tv.type, value: String(tv.value.valueBlock.value) }));
const COMMON_NAME = '2.5.4.3';
const ORGANIZATION = '2.5.4.10';

const commonName = (name: pkijs.RelativeDistinguishedNames) => {
  const values = attributes(name);
  return values.find((v) => v.type === COMMON_NAME)?.value ?? values.map((v) => v.value).join(', ');
};

const issuerOf = (name: pkijs.RelativeDistinguishedNames) =>
  issuerName(commonName(name), attributes(name).find((v) => v.type === ORGANIZATION)?.value);

export const readPdfSignature = async (pdf: Uint8Array): Promise<PdfSignature | { signed: false }> => {
  let extracted: { ByteRange: number[]; signature: string; signedData: Buffer };
  try {
    extracted = extractSignature(Buffer.from(pdf));
  } catch {
    return { signed: false };
  }
  const [a, b, c, d] = extracted.ByteRange as [number, number, number, number];
  const wholeDocument = a === 0 && c + d === pdf.byteLength && b < c;
  try {
    const der = Buffer.from(extracted.signature, 'binary');
    const info = new pkijs.ContentInfo({ schema: asn1js.fromBER(new Uint8Array(der)).result });
    const signedData = new pkijs.SignedData({ schema: info.content });
    const signerInfo = signedData.signerInfos[0]!;
    const sid = signerInfo.sid as pkijs.IssuerAndSerialNumber;
    const cert = (signedData.certificates ?? []).find(
      (x): x is pkijs.Certificate =>
        x instanceof pkijs.Certificate && x.serialNumber.isEqual(sid.serialNumber) && x.issuer.isEqual(sid.issuer),
    );
    const time = signerInfo.signedAttrs?.attributes.find((x) => x.type === '1.2.840.113549.1.9.5')?.values[0] as
      asn1js.UTCTime | undefined;
    const ok = await signedData
      .verify({ signer: 0, data: new Uint8Array(extracted.signedData).buffer, checkChain: false })
      .catch(() => false);
    return {
      signed: true,
      valid: ok === true && wholeDocument,
      wholeDocument,
      signer: cert ? commonName(cert.subject) : '',
      issuer: issuerOf(cert ? cert.issuer : sid.issuer),
      serial: Buffer.from(sid.serialNumber.valueBlock.valueHexView).toString('hex'),
      ...(time ? { signingTime: time.toDate().getTime() } : {}),
    };
  } catch {
    return { signed: true, valid: false, wholeDocument, signer: '', issuer: '', serial: '' };
  }
};
