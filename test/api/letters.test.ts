import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import jsQR from 'jsqr';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CaseRecord, letterServices } from '@loket/core';
import { prepareLetter } from '../../functions/letters/prepare';
import { seedDemoLetterSettings } from '../../functions/local/seed';
import { issueSigned, parafAndSign } from '../helpers/letters';
import { revokeLetter } from '../../functions/letters/revoke';
import { runMinutely } from '../../functions/jobs/run';
import { ARTIFACTS } from '../helpers/browser';
import { consoleCookie, forceCase, manualClock, useTestWorld } from '../helpers/deps';

const clock = manualClock('2026-11-25T10:00:00+07:00');
const world = useTestWorld({ time: clock, mail: true, env: { LOKET_PUBLIC_URL: 'https://loket.example.go.id' } });
beforeAll(() => seedDemoLetterSettings(world.deps));

const ANSWERS = {
  'kantor-cabang-ksp': {
    nama_pemohon: ['Budi Santoso'],
    nama_koperasi: ['KSP Sejahtera Bersama'],
    alamat_cabang: ['Jl. Raya Gempol 45, Kecamatan Gempol'],
  },
  'surat-keterangan-pengurus': { nama_pemohon: ['Sri Wahyuni'], nama_koperasi: ['Koperasi Wanita Melati'] },
  'rekomendasi-bbm': { nama_pemohon: ['Siti Aminah'], nama_usaha: ['Warung Siti'], nik: ['3514014107900001'] },
  'data-informasi': {
    nama_pemohon: ['Ahmad Fauzi'],
    instansi: ['Ahmad Fauzi'],
    alamat: ['Jl. Pahlawan 12, Bangil'],
    data_diminta: ['Laporan keuangan rinci anggota KSP Makmur tahun 2025'],
    maksud_tujuan: ['Penelitian'],
  },
} satisfies Record<string, Record<string, string[]>>;
type LetterType = keyof typeof ANSWERS;

/** A case of `type` whose issuing step has just been taken (the letter is owed). */
const owing = async (type: LetterType, i = 0): Promise<CaseRecord> => {
  const { record } = await world.deps.cases.open({
    serviceId: type,
    channel: 'walk_in',
    applicant: { name: ANSWERS[type].nama_pemohon![0]!, email: `pemohon${i}@example.com` },
    answers: ANSWERS[type],
    receivedAt: clock.now(),
    actorId: 'frontdesk',
  });
  const refusal =
    type === 'data-informasi'
      ? {
          refusal: {
            ground: 'h' as const,
            consequenceTest:
              'Membuka keuangan pribadi anggota merugikan hak privasi mereka lebih besar daripada manfaatnya.',
            exemptionPeriod: 'selama pemilik data tidak memberi izin',
          },
        }
      : {};
  return forceCase(
    world.deps,
    record.id,
    { ...refusal, state: type === 'data-informasi' ? 'ditolak' : 'selesai', letterOwed: true, closedAt: clock.now() },
    clock.now(),
  );
};

const stored = async (key: string) => {
  const s3 = await world.deps.files.client();
  const r = await s3.send(new GetObjectCommand({ Bucket: world.deps.config.LOKET_BUCKET, Key: key }));
  return new Uint8Array(await r.Body!.transformToByteArray());
};

const pdfText = async (bytes: Uint8Array) => {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, verbosity: 0 }).promise;
  const parts: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    parts.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  return parts.join('\n').replace(/\s+/g, ' ');
};

/**
 * pdftoppm renders every page to PNG (kept under test/artifacts/ for a person to look at); jsQR reads
 * the code from the page that holds the signature.
 */
const renderAndReadQr = (bytes: Uint8Array, name: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'loket-letter-'));
  writeFileSync(join(dir, 'l.pdf'), bytes);
  execFileSync('pdftoppm', ['-png', '-r', '110', join(dir, 'l.pdf'), join(dir, 'page')]);
  mkdirSync(ARTIFACTS, { recursive: true });
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .sort();
  const found = pages
    .map((file, i) => {
      const png = readFileSync(join(dir, file));
      writeFileSync(join(ARTIFACTS, `letter-${name}-${i + 1}.png`), png);
      const image = PNG.sync.read(png);
      return jsQR(
        new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength),
        image.width,
        image.height,
      )?.data;
    })
    .filter(Boolean);
  return found.length === 1 ? found[0] : undefined;
};

describe('letter numbers', () => {
  it('gives 50 letters issued concurrently 50 distinct consecutive numbers, and a repeated issue the same letter', async () => {
    const cases = await Promise.all(Array.from({ length: 50 }, (_, i) => owing('rekomendasi-bbm', i)));
    const letters = await Promise.all(cases.map((c) => prepareLetter(world.deps, c.id, 'penelaah')));
    const seqs = letters.map((l) => l.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(letters.map((l) => l.number)).size).toBe(50);
    expect(letters[0]!.number).toMatch(/^500\.3\.7\/\d+\/424\.085\/2026$/);
    const again = await Promise.all([
      prepareLetter(world.deps, cases[0]!.id, 'penelaah'),
      prepareLetter(world.deps, cases[0]!.id, 'penelaah'),
    ]);
    expect(again.map((l) => l.id)).toEqual([letters[0]!.id, letters[0]!.id]);
    const c = await world.deps.cases.get(cases[0]!.id);
    expect(c).toMatchObject({ letterNumber: letters[0]!.number, letterId: letters[0]!.id, letterOwed: false });
    expect((await world.deps.cases.events(c.id)).filter((e) => e.type === 'letter_prepared')).toHaveLength(1);
    // Numbered is not issued: the applicant hears of the letter once it is signed, and once.
    expect(world.catcher.mail.filter((m) => m.loketId === `letter-${c.id}`)).toHaveLength(0);
    const signed = await parafAndSign(world.deps, letters[0]!.id);
    // Signing again (a double submit) is the same letter, the same single event and mail.
    expect((await parafAndSign(world.deps, letters[0]!.id)).sha256).toBe(signed.sha256);
    expect(signed.number).toBe(letters[0]!.number);
    expect((await world.deps.cases.events(c.id)).filter((e) => e.type === 'letter_issued')).toHaveLength(1);
    expect(world.catcher.mail.filter((m) => m.loketId === `letter-${c.id}`)).toHaveLength(1);
  });

  it('restarts the running number on 1 January', async () => {
    clock.set('2027-01-04T09:00:00+07:00');
    try {
      const letter = await prepareLetter(world.deps, (await owing('surat-keterangan-pengurus')).id, 'kabid-kp');
      expect(letter.number).toBe('500.3.2/1/424.085/2027');
    } finally {
      clock.set('2026-11-25T10:00:00+07:00');
    }
  });
});

describe('each letter as a PDF with its QR code', () => {
  it('covers every service whose product the catalog makes a letter', () => {
    expect([...letterServices()].sort()).toEqual(Object.keys(ANSWERS).sort());
  });

  for (const type of ['kantor-cabang-ksp', 'surat-keterangan-pengurus', 'rekomendasi-bbm', 'data-informasi'] as const) {
    it(`${type}: the reader finds the number and the text, the QR code leads to a verification showing the same number and hash`, async () => {
      const c = await owing(type);
      const letter = await issueSigned(world.deps, c.id);
      const pdf = await stored(letter.s3Key!);
      expect(createHash('sha256').update(pdf).digest('hex')).toBe(letter.sha256);
      const text = await pdfText(pdf);
      expect(text).toContain(letter.number);
      expect(text).toContain('DINAS KOPERASI, USAHA KECIL DAN MENENGAH');
      // The branch approval is addressed to the koperasi at the branch's address; the others to the applicant.
      const holder = type === 'kantor-cabang-ksp' ? ANSWERS[type].nama_koperasi[0] : ANSWERS[type].nama_pemohon[0];
      expect(text).toContain(holder);
      if (type === 'kantor-cabang-ksp')
        expect(text).toContain('Kepada Yth. Pengurus KSP Sejahtera Bersama Jl. Raya Gempol 45');
      expect(text).toContain(c.trackingNumber);
      if (type === 'data-informasi') {
        expect(text).toContain('Pasal 17 huruf h');
        expect(text).toContain('30 (tiga puluh) hari kerja');
        expect(text).toContain('Atasan PPID');
        const after = await world.deps.cases.get(c.id);
        expect(after.kip?.objectionBy).toBeGreaterThan(letter.issuedAt + 30 * 86_400_000);
      }
      const url = renderAndReadQr(pdf, type);
      expect(url).toBe(`https://loket.example.go.id/verifikasi/${letter.id}`);
      const page = await (await world.app.request(new URL(url!).pathname)).text();
      expect(page).toContain(letter.number);
      expect(page).toContain(letter.sha256);
      expect(page).toContain('berlaku');
      expect(page).not.toContain(holder);
    });
  }
});

describe('verification', () => {
  it('answers JSON and the page, compares a file or a pasted hash, says "dicabut" once revoked, and 404 for an unknown id', async () => {
    const letter = await issueSigned(world.deps, (await owing('rekomendasi-bbm', 99)).id);
    const json = await (await world.app.request(`/api/verify/${letter.id}`)).json();
    expect(json).toMatchObject({
      number: letter.number,
      status: 'berlaku',
      holder: 'S*** A*****',
      sha256: letter.sha256,
      title: 'Surat Rekomendasi Penggunaan BBM Bersubsidi',
    });
    const pdf = await stored(letter.s3Key!);
    const form = new FormData();
    form.append('berkas', new Blob([pdf.slice()], { type: 'application/pdf' }), 'surat.pdf');
    expect(
      await (await world.app.request(`/verifikasi/${letter.id}`, { method: 'POST', body: form })).text(),
    ).toContain('sama persis');
    const pasted = new FormData();
    pasted.append('sha256', 'ab'.repeat(32));
    expect(
      await (await world.app.request(`/verifikasi/${letter.id}`, { method: 'POST', body: pasted })).text(),
    ).toContain('berbeda');

    expect(
      await revokeLetter(world.deps, letter.id, { by: 'kadis', reason: 'Usaha tidak lagi beroperasi.' }),
    ).toBeDefined();
    expect(await revokeLetter(world.deps, letter.id, { by: 'kadis', reason: 'Dua kali.' })).toBeUndefined();
    // The holder is told, once, why, and where anyone checking the letter will now see it revoked.
    const notice = await world.deps.outbox.get(`letter-revoked-${letter.id}`);
    expect(notice).toMatchObject({ to: ['pemohon99@example.com'], subject: expect.stringContaining('dicabut') });
    expect(notice!.text).toContain(`nomor ${letter.number}`);
    expect(notice!.text).toContain('Alasan: Usaha tidak lagi beroperasi.');
    expect(notice!.text).toContain(`/verifikasi/${letter.id}`);
    expect(await (await world.app.request(`/api/verify/${letter.id}`)).json()).toMatchObject({
      status: 'dicabut',
      number: letter.number,
    });
    expect(await (await world.app.request(`/verifikasi/${letter.id}`)).text()).toContain('telah dicabut');
    const register = await world.deps.letters.listYear(2026);
    expect(register.find((l) => l.id === letter.id)).toMatchObject({
      status: 'dicabut',
      revokeReason: 'Usaha tidak lagi beroperasi.',
      number: letter.number,
    });

    for (const path of ['/api/verify/abcdefghijkmnpqrstuvwxyz', '/api/verify/x']) {
      expect((await world.app.request(path)).status, path).toBe(404);
    }
    // A forged letter's QR code leads a citizen to a page that says so, not to JSON.
    for (const path of ['/verifikasi/abcdefghijkmnpqrstuvwxyz', '/verifikasi/x']) {
      for (const method of ['GET', 'POST']) {
        const res = await world.app.request(path, { method, headers: { accept: 'application/json' } });
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(res.headers.get('content-type'), path).toContain('text/html');
        const html = await res.text();
        expect(html).toContain('Surat tidak terdaftar');
        expect(html).toContain('tidak asli');
      }
    }
  });
});

describe("officers' downloads of a revoked letter", () => {
  it('stop from the case page but stay in the register, as its archive copy, for those who keep it', async () => {
    const letter = await issueSigned(world.deps, (await owing('surat-keterangan-pengurus', 98)).id);
    const kadis = await consoleCookie(world.app, 'kadis');
    const frontdesk = await consoleCookie(world.app, 'frontdesk');
    const get = (path: string, cookie: string) => world.app.request(path, { headers: { cookie, accept: 'text/html' } });
    const fromCase = `/konsol/berkas/${letter.caseId}/surat`;
    const fromRegister = `/konsol/surat/${letter.id}/unduh`;
    // In force: from the case and from the register alike, and each look is logged.
    for (const path of [fromCase, fromRegister]) {
      clock.advance(60_000);
      expect((await get(path, frontdesk)).status, path).toBe(302);
    }

    await revokeLetter(world.deps, letter.id, { by: 'kadis', reason: 'Pengurus diganti oleh rapat anggota.' });
    const refused = await get(fromCase, frontdesk);
    expect(refused.status).toBe(410);
    expect(refused.headers.get('content-type')).toContain('text/html');
    expect(await refused.text()).toContain('telah dicabut');
    const page = await (await get(`/konsol/berkas/${letter.caseId}`, kadis)).text();
    expect(page).not.toContain(`href="${fromCase}"`);
    expect(page).toContain('salinan arsipnya ada di');
    // The register keeps the archive copy for the Kepala Dinas, not for every officer.
    expect((await get(fromRegister, frontdesk)).status).toBe(403);
    const archive = await get(fromRegister, kadis);
    expect(archive.status).toBe(302);
    expect((await (await fetch(archive.headers.get('location')!)).arrayBuffer()).byteLength).toBe(letter.size);
    const register = await (await get('/konsol/surat?status=dicabut', kadis)).text();
    expect(register).toContain(`href="${fromRegister}"`);
    expect(await (await get('/konsol/surat?status=dicabut', frontdesk)).text()).not.toContain(`href="${fromRegister}"`);
    const looks = await world.deps.repo.documentAccessLog(letter.caseId);
    expect(looks.filter((l) => l.fieldId === 'surat').map((l) => l.staffId)).toEqual([
      'frontdesk',
      'frontdesk',
      'kadis',
    ]);
  });
});

describe('through the workflow', () => {
  it('refuses an information request with its Pasal 17 ground, numbers a letter that waits for paraf and signature, mails a link once signed, then expires', async () => {
    const { record } = await world.deps.cases.open({
      serviceId: 'data-informasi',
      channel: 'walk_in',
      applicant: { name: 'Ahmad Fauzi', email: 'ahmad@example.com' },
      answers: {
        ...ANSWERS['data-informasi'],
        nomor_hp: ['081234567890'],
        email: ['ahmad@example.com'],
        pernyataan_sumber: ['Ya'],
      },
      receivedAt: clock.now(),
      actorId: 'frontdesk',
    });
    expect(record.kip?.answerBy).toBeGreaterThan(record.clock.dueAt!);
    const front = { id: 'frontdesk', roles: ['petugas_layanan' as const] };
    const analyst = { id: 'subkoor', roles: ['sub_koordinator' as const] };
    await world.deps.cases.checkRequirement(record.id, {
      requirementId: 'surat_permohonan',
      status: 'ok',
      actor: front,
    });
    await world.deps.cases.act(record.id, { event: 'terima', actor: front });
    await expect(
      world.deps.cases.extendKipDeadline(record.id, { reason: 'singkat', actor: analyst }),
    ).rejects.toMatchObject({ code: 'validation' });
    const extended = await world.deps.cases.extendKipDeadline(record.id, {
      reason: 'Data harus dihimpun dari tiga bidang.',
      actor: analyst,
    });
    expect(extended.record.kip!.extended!.to).toBeGreaterThan(record.kip!.answerBy);
    await expect(
      world.deps.cases.extendKipDeadline(record.id, { reason: 'Sekali lagi karena banyak data.', actor: analyst }),
    ).rejects.toMatchObject({ code: 'invalid_transition' });

    await expect(
      world.deps.cases.act(record.id, { event: 'dikecualikan', actor: analyst, note: 'Data pribadi anggota.' }),
    ).rejects.toMatchObject({
      code: 'validation',
      fields: expect.arrayContaining([expect.objectContaining({ field: 'ground' })]),
    });
    await world.deps.cases.act(record.id, {
      event: 'dikecualikan',
      actor: analyst,
      note: 'Data pribadi anggota.',
      data: {
        ground: 'h',
        consequenceTest: 'Membuka keuangan pribadi anggota merugikan privasi mereka lebih dari manfaatnya.',
        exemptionPeriod: 'selama pemilik data tidak memberi izin',
      },
    });
    // Refused by the Sub Koordinator, the letter is numbered but not issued: it waits for the Kabid's
    // paraf and the Kepala Dinas's signature, and the applicant hears nothing yet.
    const refused = await world.deps.cases.get(record.id);
    expect(refused.letterNumber).toMatch(/^500\.3\.1\/\d+\/424\.085\/2026$/);
    const waiting = (await world.deps.letters.get(refused.letterId!))!;
    expect(waiting).toMatchObject({ status: 'menunggu_tanda_tangan', signing: { role: 'kepala_dinas' } });
    expect(waiting.s3Key).toBeUndefined();
    expect(world.catcher.mail.find((m) => m.loketId === `letter-${record.id}`)).toBeUndefined();
    await parafAndSign(world.deps, refused.letterId!);
    const done = await world.deps.cases.get(record.id);
    expect(done.kip?.objectionBy).toBeDefined();
    const mail = world.catcher.mail.find((m) => m.loketId === `letter-${record.id}`)!;
    expect(mail.subject).toContain('Surat Pemberitahuan Penolakan Permohonan Informasi telah terbit');
    const link = mail.text.match(/https:\/\/loket\.example\.go\.id(\/surat\/\S+)/)![1]!;
    const res = await world.app.request(link);
    expect(res.status).toBe(302);
    const file = await fetch(res.headers.get('location')!);
    expect(
      createHash('sha256')
        .update(new Uint8Array(await file.arrayBuffer()))
        .digest('hex'),
    ).toBe((await world.deps.letters.get(done.letterId!))!.sha256);
    expect((await world.app.request(link.replace(/.$/, (ch) => (ch === 'a' ? 'b' : 'a')))).status).toBe(404);
    clock.advance(31 * 86_400_000);
    try {
      expect((await world.app.request(link)).status).toBe(404);
    } finally {
      clock.advance(-31 * 86_400_000);
    }
    // Revoked, the letter is no longer handed out through the applicant's still-fresh link.
    await revokeLetter(world.deps, done.letterId!, { by: 'kadis', reason: 'Diterbitkan atas data yang keliru.' });
    const revoked = await world.app.request(link);
    expect(revoked.status).toBe(410);
    expect(revoked.headers.get('content-type')).toContain('text/html');
    const page = await revoked.text();
    expect(page).toContain('Surat telah dicabut');
    expect(page).toContain(`/verifikasi/${done.letterId}`);
  });

  it('numbers a letter the step owed when the first attempt failed, from the minutely job', async () => {
    const c = await owing('surat-keterangan-pengurus', 7);
    const put = world.deps.letters.put;
    world.deps.letters.put = async () => {
      throw new Error('table unreachable');
    };
    await expect(prepareLetter(world.deps, c.id, 'kabid-kp')).rejects.toThrow('table unreachable');
    world.deps.letters.put = put;
    clock.advance(3 * 60_000); // past the first attempt's claim lease
    const report = await runMinutely(world.deps);
    expect(report.letters).toMatchObject({ issued: 1, failed: 0 });
    expect((await world.deps.cases.get(c.id)).letterNumber).toBeDefined();
    expect((await runMinutely(world.deps)).letters).toMatchObject({ issued: 0 });
  });
});
