/**
 * An issuer as a verification page names it: its common name and, when the certificate carries one,
 * its organization ("Loket Desk CA (Dinas …)"), since a CA's CN alone rarely says whose it is.
 */
export const issuerName = (commonName: string, organization: string | undefined) =>
  organization && organization !== commonName ? `${commonName} (${organization})` : commonName;
