import { secureHeaders } from 'hono/secure-headers';

/**
 * Headers on every response of the desk. The pages are server-rendered with no script of their own
 * and one stylesheet from the same origin, so the policy allows nothing inline and nothing foreign; no
 * page may be framed (clickjacking on an officer's buttons), and links never leak a case URL to others.
 */
export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
    referrerPolicy: 'same-origin',
    xFrameOptions: 'DENY',
  });
