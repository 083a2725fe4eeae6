import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

/**
 * The desk certificate: a local certificate authority of the office and one signer certificate per
 * signatory, for the local desk and for offices without BSrE yet. A PDF signed with it is a real CMS
 * signature any reader can check for integrity, but its issuer is nobody's trusted authority: the letter
 * and the verification page say it is not a certified electronic signature (docs/RULES.md §5).
 * node-forge builds the certificates and the PKCS#12 the signer reads; node's crypto makes the RSA keys
 * (forge's own key generation is pure JavaScript and takes seconds).
 */
export interface PemPair {
  certPem: string;
  keyPem: string;
}
export interface DeskPki {
  ca: PemPair;
  /** One per signatory, keyed by `signerKey` (the NIP, else the name). */
  signers: Record<string, PemPair>;
}
export interface SignerIdentity {
  name: string;
  nip: string;
  title: string;
}

const YEAR_MS = 365 * 86_400_000;
export const signerKey = (s: Pick<SignerIdentity, 'name' | 'nip'>) => s.nip || s.name.trim().toLowerCase();

const rsaKeys = () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  };
};

const serial = () => `01${randomBytes(15).toString('hex')}`;

export const createDeskCa = (office: string, now: number): PemPair => {
  const { keyPem, publicKey } = rsaKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(now - 86_400_000);
  cert.validity.notAfter = new Date(now + 20 * YEAR_MS);
  const subject = [
    // The office goes in O, not CN: X.520 caps both at 64 characters and most office names fill it alone.
    { shortName: 'CN', value: 'Loket Desk CA' },
    { shortName: 'O', value: office.slice(0, 64) },
    { shortName: 'OU', value: 'Sertifikat desk (bukan sertifikat elektronik tersertifikasi)' },
    { shortName: 'C', value: 'ID' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(keyPem), forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem };
};

export const issueSignerCertificate = (ca: PemPair, who: SignerIdentity, office: string, now: number): PemPair => {
  const caCert = forge.pki.certificateFromPem(ca.certPem);
  const { keyPem, publicKey } = rsaKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(now - 86_400_000);
  cert.validity.notAfter = new Date(now + 5 * YEAR_MS);
  cert.setSubject([
    { shortName: 'CN', value: who.name.slice(0, 64) },
    ...(who.nip ? [{ type: '2.5.4.5', value: who.nip }] : []),
    { type: '2.5.4.12', value: who.title.slice(0, 64) },
    { shortName: 'O', value: office.slice(0, 64) },
    { shortName: 'C', value: 'ID' },
  ]);
  cert.setIssuer(caCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'extKeyUsage', emailProtection: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(ca.keyPem), forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem };
};

/** The signer's key and chain as PKCS#12, as @signpdf/signer-p12 reads it (a password only for this hand-over). */
export const toP12 = (signer: PemPair, ca: PemPair, password: string): Uint8Array => {
  const asn1 = forge.pkcs12.toPkcs12Asn1(
    forge.pki.privateKeyFromPem(signer.keyPem),
    [forge.pki.certificateFromPem(signer.certPem), forge.pki.certificateFromPem(ca.certPem)],
    password,
    { algorithm: '3des' },
  );
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
};
