import { NIK_LIKE } from '@loket/core';

/**
 * Structured JSON-line logs. Personal data never reaches a log: keys that can hold it are dropped and
 * any 16-digit run (NIK, KK) or e-mail/phone pattern in a value is masked, whatever the caller passed.
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const SENSITIVE_KEY =
  /^(nik|kk|nomor_kk|no_kk|phone|nomor_hp|kontak_hp|hp|email|kontak_email|respondentemail|name|nama|nama_pemohon|alamat|address|applicant|answers|password|secret|token|authorization|signature)$/i;

/** Numbers standing on their own only: digits inside S3 keys, hashes and ids are not personal data. */
const PHONE_LIKE = /(?<![0-9A-Za-z])(\+?62|0)8\d{7,12}(?![0-9A-Za-z])/g;

const scrubString = (s: string) =>
  s
    .replace(NIK_LIKE, '[16-digit]')
    .replace(/[^\s@"']+@[^\s@"']+\.[a-z]{2,}/gi, '[email]')
    .replace(PHONE_LIKE, '[phone]');

const scrub = (value: unknown, depth = 0): unknown => {
  if (typeof value === 'string') return scrubString(value);
  if (value instanceof Error)
    return { name: value.name, message: scrubString(value.message), stack: value.stack && scrubString(value.stack) };
  if (Array.isArray(value)) return depth > 5 ? '[array]' : value.map((v) => scrub(v, depth + 1));
  if (value && typeof value === 'object') {
    if (depth > 5) return '[object]';
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SENSITIVE_KEY.test(k) ? '[redacted]' : scrub(v, depth + 1);
    return out;
  }
  return value;
};

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

export const createLogger = (
  base: Record<string, unknown> = {},
  opts: { level?: Level; write?: (line: string) => void } = {},
): Logger => {
  const min = LEVELS[opts.level ?? ((process.env.LOKET_LOG_LEVEL as Level) || 'info')] ?? 20;
  const write = opts.write ?? ((line: string) => process.stdout.write(line + '\n'));
  const emit = (level: Level, msg: string, fields?: Record<string, unknown>) => {
    if (LEVELS[level] < min) return;
    write(
      JSON.stringify({
        time: new Date().toISOString(),
        level,
        msg: scrubString(msg),
        ...(scrub({ ...base, ...fields }) as object),
      }),
    );
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (fields) => createLogger({ ...base, ...fields }, opts),
  };
};
