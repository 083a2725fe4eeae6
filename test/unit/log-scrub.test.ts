import { describe, expect, it } from 'vitest';
import { createLogger } from '@loket/adapters';
import { maskDigitRuns } from '@loket/core';

const logged = (fields: Record<string, unknown>) => {
  const lines: string[] = [];
  createLogger({}, { level: 'info', write: (l) => lines.push(l) }).info('m', fields);
  return JSON.parse(lines[0]!);
};

describe('personal data in free text', () => {
  it('masks NIK/KK-shaped numbers in names people typed, grouped or not', () => {
    expect(maskDigitRuns('KTP Siti 3514014107900002.jpg')).toBe('KTP Siti 3514••••••••0002.jpg');
    expect(maskDigitRuns('kk_3514.0141.0790.0002.pdf')).toBe('kk_3514••••••••0002.pdf');
    expect(maskDigitRuns('scan 3514 0141 0790 0002')).toBe('scan 3514••••••••0002');
    expect(maskDigitRuns('foto usaha 2026.jpg')).toBe('foto usaha 2026.jpg');
  });

  it('scrubs NIK and phone numbers from logs, but leaves digits inside S3 keys, hashes and ids alone', () => {
    const sha = '0123456789012345678901234567890123456789012345678901234567890abc';
    const key = `cases/01KB3R8Z1234567890123456AB/ktp/${sha}`;
    const line = logged({ s3Key: key, id: '1234567890123456X', note: 'NIK 3514014107900002, HP 081234567890' });
    expect(line.s3Key).toBe(key);
    expect(line.id).toBe('1234567890123456X');
    expect(line.note).toBe('NIK [16-digit], HP [phone]');
  });
});
