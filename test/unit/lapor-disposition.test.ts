import { describe, expect, it } from 'vitest';
import { DEFAULT_LAPOR_STATUS_MAP, dispositionTime } from '@loket/core';

const at = (iso: string) => Date.parse(iso);
const createdAt = at('2026-11-02T08:00:00+07:00');

describe('when a LAPOR! complaint reached the Dinas (docs/RULES.md §8)', () => {
  it('decides by the status code when the map knows it, whatever the status is called', () => {
    const logs = [
      // Code 2 is "proses" in the map: not the disposition, although its name says so.
      { at: at('2026-11-02T09:00:00+07:00'), to: { code: '2', name: 'Menunggu disposisi' } },
      { at: at('2026-11-02T10:00:00+07:00'), to: { code: '1', name: 'Diteruskan' } },
    ];
    expect(dispositionTime({ logs, createdAt }, DEFAULT_LAPOR_STATUS_MAP)).toBe(at('2026-11-02T10:00:00+07:00'));
  });

  it('reads the name only when the change has no code or one the map does not know', () => {
    const logs = [
      { at: at('2026-11-02T11:00:00+07:00'), to: { code: '1', name: 'Belum ditindaklanjuti' } },
      { at: at('2026-11-02T09:30:00+07:00'), to: { code: '99', name: 'Disposisi ke instansi' } },
    ];
    expect(dispositionTime({ logs, createdAt }, DEFAULT_LAPOR_STATUS_MAP)).toBe(at('2026-11-02T09:30:00+07:00'));
    expect(
      dispositionTime(
        { logs: [{ at: at('2026-11-02T09:45:00+07:00'), to: { name: 'Belum Ditindaklanjuti' } }], createdAt },
        DEFAULT_LAPOR_STATUS_MAP,
      ),
    ).toBe(at('2026-11-02T09:45:00+07:00'));
    expect(dispositionTime({ logs: [], createdAt }, DEFAULT_LAPOR_STATUS_MAP)).toBe(createdAt);
  });
});
