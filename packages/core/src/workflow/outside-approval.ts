import { LoketError } from '../errors';
import { wibDate } from '../sla/wib';

/**
 * An approval given outside the Dinas, as an officer records it (`StepRecord` 'outside_approval'): the
 * day it was given (not in the future, not before the request) and the nota dinas number.
 */
export const readOutsideApproval = (data: Record<string, string> | undefined, now: number, receivedAt: number) => {
  const approvedOn = (data?.approvedOn ?? '').trim();
  const notaNumber = (data?.notaNumber ?? '').trim();
  const fields = [
    ...(/^\d{4}-\d{2}-\d{2}$/.test(approvedOn) && approvedOn <= wibDate(now) && approvedOn >= wibDate(receivedAt)
      ? []
      : [{ field: 'approvedOn', message: 'Isi tanggal persetujuan (antara tanggal permohonan dan hari ini).' }]),
    ...(notaNumber && notaNumber.length <= 80 ? [] : [{ field: 'notaNumber', message: 'Isi nomor nota dinas.' }]),
  ];
  if (fields.length) throw new LoketError('validation', fields[0]!.message, fields);
  return { approvedOn, notaNumber };
};
