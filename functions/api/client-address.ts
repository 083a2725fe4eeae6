import { isIP } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo as lambdaConnInfo } from 'hono/aws-lambda';
import { getConnInfo as nodeConnInfo } from '@hono/node-server/conninfo';

/**
 * The address the platform saw the request come from — Lambda's `requestContext` (Function URL / API
 * Gateway) or the Node server's socket — never a header the client wrote (`X-Forwarded-For` can be
 * anything). Undefined when the platform reports none.
 */
const platformAddress = (c: Context): string | undefined => {
  const env = c.env as
    | {
        requestContext?: { http?: { sourceIp?: string }; identity?: { sourceIp?: string } };
        incoming?: unknown;
        server?: unknown;
      }
    | undefined;
  // Only a request context that carries the source IP: hono's helper would fall back to X-Forwarded-For.
  if (env?.requestContext?.http?.sourceIp || env?.requestContext?.identity?.sourceIp)
    return lambdaConnInfo(c).remote.address;
  if (env?.incoming || env?.server) return nodeConnInfo(c).remote.address;
  return undefined;
};

/**
 * A bounded key for per-client limits: an IPv4 address as is, an IPv6 address by its /64 network (one
 * subscriber holds a whole /64, so rotating inside it must not buy fresh attempts).
 */
export const clientKey = (c: Context): string => {
  const address = platformAddress(c)?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  if (!address) return 'unknown';
  const family = isIP(address);
  if (family === 4) return address;
  if (family !== 6) return 'unknown';
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
};
