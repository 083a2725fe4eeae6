import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseRecord, office } from '@loket/core';
import { runMinutely } from '../../functions/jobs/run';
import { prepareLetter } from '../../functions/letters/prepare';
import { parafLetter, signLetter } from '../../functions/letters/sign';
import { seedDemoLetterSettings } from '../../functions/local/seed';
import { BSRE_PASSWORD, BSRE_USER, type BsreServer, startBsreServer } from '../helpers/bsre-server';
import { captureLog, consoleCookie, forceCase, manualClock, type TestWorld, useTestWorld } from '../helpers/deps';
import { holderOf, parafAndSign } from '../helpers/letters';

const clock = manualClock('2026-11-26T09:00:00+07:00');
const PUBLIC = 'https://loket.example.go.id';
const desk = useTestWorld({ time: clock, mail: true, env: { LOKET_PUBLIC_URL: PUBLIC } });

const ANSWERS: Record<string, Record<string, string[]>> = {
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
  },
};

/** A case whose letter step was just taken, and its letter numbered (waiting for paraf and signature). */
const numbered = async (world: TestWorld, type: string, i = 0) => {
  const { record } = await world.deps.cases.open({
    serviceId: type,
    channel: 'walk_in',
    applicant: { name: ANSWERS[type]!.nama_pemohon![0]!, email: `pemohon${i}@example.com` },
    answers: ANSWERS[type]!,
    receivedAt: clock.now(),
    actorId: 'frontdesk',
  });
  const refusal: Partial<CaseRecord> =
    type === 'data-informasi'
      ? {
          refusal: {
            ground: 'h',
            consequenceTest:
              'Membuka keuangan pribadi anggota merugikan hak privasi mereka lebih besar daripada manfaatnya.',
            exemptionPeriod: 'selama pemilik data tidak memberi izin',
            explanation: 'Data yang diminta memuat rincian simpanan dan pinjaman tiap anggota.',
          },
        }
      : {};
  await forceCase(
    world.deps,
    record.id,
    { ...refusal, state: type === 'data-informasi' ? 'ditolak' : 'selesai', letterOwed: true, closedAt: clock.now() },
    clock.now(),
  );
  return prepareLetter(world.deps, record.id, 'system');
};

const stored = async (world: TestWorld, key: string) => {
  const s3 = await world.deps.files.client();
  const r = await s3.send(new GetObjectCommand({ Bucket: world.deps.config.LOKET_BUCKET, Key: key }));
  return new Uint8Array(await r.Body!.transformToByteArray());
};

/** poppler's pdfsig: a checker nobody here wrote. */
const pdfsig = (bytes: Uint8Array) => {
  const dir = mkdtempSync(join(tmpdir(), 'loket-sig-'));
  writeFileSync(join(dir, 'l.pdf'), bytes);
  const r = spawnSync('pdfsig', [join(dir, 'l.pdf')], { encoding: 'utf8' });
  return r.stdout + r.stderr;
};

/** One byte of the letter's own content changed (inside the signed range, past the header). */
const tampered = (bytes: Uint8Array) => {
  const copy = bytes.slice();
  const at = Buffer.from(copy).indexOf('/Producer');
  copy[at + 12] = copy[at + 12]! ^ 0x01;
  return copy;
};

const qrOf = (bytes: Uint8Array) => {
  const dir = mkdtempSync(join(tmpdir(), 'loket-qr-'));
  writeFileSync(join(dir, 'l.pdf'), bytes);
  spawnSync('pdftoppm', ['-png', '-r', '110', join(dir, 'l.pdf'), join(dir, 'page')]);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .map((f) => {
      const image = PNG.sync.read(readFileSync(join(dir, f)));
      return jsQR(
        new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength),
        image.width,
        image.height,
      )?.data;
    })
    .find(Boolean);
};

beforeAll(() => seedDemoLetterSettings(desk.deps));

describe('letters signed with the desk certificate', () => {
  for (const type of ['kantor-cabang-ksp', 'surat-keterangan-pengurus', 'rekomendasi-bbm', 'data-informasi']) {
    it(`${type}: pdfsig finds a valid signature, an altered byte breaks it, the QR code shows the same signer and hash`, async () => {
      const waiting = await numbered(desk, type);
      expect(waiting.status).toBe('menunggu_tanda_tangan');
      // Numbered, not issued: the verification page says so, and there is no file to hand out.
      expect(await (await desk.app.request(`/verifikasi/${waiting.id}`)).text()).toContain('belum terbit');
      const letter = await parafAndSign(desk.deps, waiting.id);
      expect(letter).toMatchObject({ status: 'berlaku', number: waiting.number, initials: expect.any(Array) });
      expect(letter.initials.map((p) => p.role)).toEqual(waiting.signing.initials);
      const pdf = await stored(desk, letter.s3Key!);
      expect(createHash('sha256').update(pdf).digest('hex')).toBe(letter.sha256);

      const report = pdfsig(pdf);
      expect(report).toContain('Signature is Valid');
      expect(report).toContain('Total document signed');
      expect(report).toContain(`Signer Certificate Common Name: ${letter.signature!.signer}`);
      expect(report).toContain('ETSI.CAdES.detached');
      const broken = pdfsig(tampered(pdf));
      expect(broken).not.toContain('Signature is Valid');
      expect(broken).toMatch(/Digest Mismatch|Signature is Invalid/);

      const url = qrOf(pdf);
      expect(url).toBe(`${PUBLIC}/verifikasi/${letter.id}`);
      const page = await (await desk.app.request(new URL(url!).pathname)).text();
      expect(page).toContain(letter.signature!.signer);
      expect(page).toContain(letter.sha256);
      expect(page).toContain('BUKAN tanda tangan elektronik tersertifikasi');
      const json = await (await desk.app.request(`/api/verify/${letter.id}`)).json();
      expect(json).toMatchObject({
        status: 'berlaku',
        sha256: letter.sha256,
        signature: {
          signer: letter.signature!.signer,
          certified: false,
          valid: true,
          // The desk CA names the office whole (in O: a CN of 64 characters could not hold it).
          issuer: `Loket Desk CA (${office().name})`,
        },
        downloadable: true,
      });
      // The visitor's download is the signed file itself.
      const download = await desk.app.request(`/verifikasi/${letter.id}/unduh`);
      expect(download.status).toBe(302);
      const file = new Uint8Array(await (await fetch(download.headers.get('location')!)).arrayBuffer());
      expect(createHash('sha256').update(file).digest('hex')).toBe(letter.sha256);
    });
  }

  it('checks an uploaded file: the issued one is the same and validly signed, an altered one is neither', async () => {
    const letter = await parafAndSign(desk.deps, (await numbered(desk, 'rekomendasi-bbm', 3)).id);
    const pdf = await stored(desk, letter.s3Key!);
    const check = async (bytes: Uint8Array) =>
      (
        await desk.app.request(`/api/verify/${letter.id}/check`, {
          method: 'POST',
          body: new Blob([bytes.slice()]),
          headers: { 'content-type': 'application/pdf' },
        })
      ).json();
    expect(await check(pdf)).toMatchObject({
      identical: true,
      ok: true,
      signature: { valid: true, sameCertificate: true },
    });
    expect(await check(tampered(pdf))).toMatchObject({ identical: false, ok: false, signature: { valid: false } });
    const form = new FormData();
    form.append('berkas', new Blob([tampered(pdf)], { type: 'application/pdf' }), 'surat.pdf');
    const page = await (await desk.app.request(`/verifikasi/${letter.id}`, { method: 'POST', body: form })).text();
    expect(page).toContain('TIDAK SAMA');
    expect(page).toContain('TIDAK SAH');
  });

  it('waits for each paraf in the standard\u2019s order and for its signatory, and nobody else signs', async () => {
    const letter = await numbered(desk, 'kantor-cabang-ksp', 4);
    expect(letter.signing).toEqual({
      role: 'kepala_dinas',
      initials: ['kasi_hukum_advokasi', 'kabid_kelembagaan_pengawasan'],
    });
    const kadis = await holderOf(desk.deps, 'kepala_dinas');
    const kasi = await holderOf(desk.deps, 'kasi_hukum_advokasi');
    const kabid = await holderOf(desk.deps, 'kabid_kelembagaan_pengawasan');
    await expect(signLetter(desk.deps, letter.id, kadis, '')).rejects.toMatchObject({
      code: 'invalid_transition',
      message: expect.stringContaining('paraf Kasi Hukum dan Advokasi'),
    });
    await expect(parafLetter(desk.deps, letter.id, kabid)).rejects.toMatchObject({ code: 'forbidden' });
    await parafLetter(desk.deps, letter.id, kasi);
    await expect(parafLetter(desk.deps, letter.id, kasi)).rejects.toMatchObject({ code: 'forbidden' });
    await parafLetter(desk.deps, letter.id, kabid);
    await expect(signLetter(desk.deps, letter.id, kabid, '')).rejects.toMatchObject({ code: 'forbidden' });
    const signed = await signLetter(desk.deps, letter.id, kadis, '');
    expect(signed.initials.map((p) => p.by)).toEqual([kasi.id, kabid.id]);
    // The same rule through the JSON API: nothing is left to sign.
    const events = await desk.deps.cases.events(signed.caseId);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['letter_prepared', 'letter_issued']));
  });

  it('mails the officers the letter waits for, at each stage and once, with its link and no personal data', async () => {
    const letter = await numbered(desk, 'kantor-cabang-ksp', 6);
    const staff = await desk.deps.staff.list();
    const holders = (role: string) => staff.filter((s) => s.active && s.roles.includes(role)).map((s) => [s.email]);
    const awaiting = () => desk.catcher.mail.filter((m) => m.loketId?.startsWith(`letter-awaits-${letter.id}-`));
    const [kasiRole, kabidRole] = letter.signing.initials as [string, string];

    expect(awaiting().map((m) => m.to)).toEqual(holders(kasiRole));
    const first = awaiting()[0]!;
    expect(first.subject).toBe(
      `[Surat menunggu paraf Anda] ${letter.number} – Surat Persetujuan Pembukaan Kantor Cabang Koperasi`,
    );
    expect(first.text).toContain(`${PUBLIC}/konsol/surat/${letter.id}`);
    for (const personal of Object.values(ANSWERS['kantor-cabang-ksp']!).flat())
      expect(first.text).not.toContain(personal);
    // A repeat of the numbering (the minutely job's retry) queues nothing new.
    await prepareLetter(desk.deps, letter.caseId, 'system');
    expect(awaiting()).toHaveLength(holders(kasiRole).length);

    await parafLetter(desk.deps, letter.id, await holderOf(desk.deps, kasiRole));
    expect(
      awaiting()
        .slice(-holders(kabidRole).length)
        .map((m) => m.to),
    ).toEqual(holders(kabidRole));
    await parafLetter(desk.deps, letter.id, await holderOf(desk.deps, kabidRole));
    const toSign = awaiting().slice(-holders(letter.signing.role).length);
    expect(toSign.map((m) => m.to)).toEqual(holders(letter.signing.role));
    expect(toSign[0]!.subject).toMatch(/^\[Surat menunggu tanda tangan Anda\]/);
    const before = awaiting().length;
    await signLetter(desk.deps, letter.id, await holderOf(desk.deps, letter.signing.role), '');
    expect(awaiting()).toHaveLength(before);
  });

  it('finishes on the case, from the minutely job and once, a signing cut short after the register line', async () => {
    const letter = await numbered(desk, 'rekomendasi-bbm', 12);
    const apply = desk.deps.cases.applySystemChange;
    desk.deps.cases.applySystemChange = async () => {
      throw new Error('the function died here');
    };
    try {
      await expect(parafAndSign(desk.deps, letter.id)).rejects.toThrow('the function died here');
    } finally {
      desk.deps.cases.applySystemChange = apply;
    }
    expect((await desk.deps.letters.get(letter.id))!.status).toBe('berlaku');
    expect((await desk.deps.cases.get(letter.caseId)).letterIssuedAt).toBeUndefined();
    // Within the live request's lease the job leaves it alone; past it, the job finishes the case side.
    expect((await runMinutely(desk.deps)).signings).toEqual({ finished: 0, cleared: 0 });
    clock.advance(3 * 60_000);
    expect((await runMinutely(desk.deps)).signings).toEqual({ finished: 1, cleared: 0 });
    const c = await desk.deps.cases.get(letter.caseId);
    expect(c.letterIssuedAt).toBe((await desk.deps.letters.get(letter.id))!.issuedAt);
    expect(desk.catcher.mail.filter((m) => m.loketId === `letter-${c.id}`)).toHaveLength(1);
    expect((await runMinutely(desk.deps)).signings).toEqual({ finished: 0, cleared: 0 });
  });

  it('prints a delegate a.n. the Kepala Dinas, and the refusing officer\u2019s explanation in a refusal', async () => {
    const sk = await parafAndSign(desk.deps, (await numbered(desk, 'surat-keterangan-pengurus', 5)).id);
    expect(sk.signing).toMatchObject({ role: 'kabid_kelembagaan_pengawasan', onBehalf: 'a.n.' });
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const text = async (bytes: Uint8Array) => {
      const doc = await getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
      const parts: string[] = [];
      for (let p = 1; p <= doc.numPages; p++)
        parts.push(
          (await (await doc.getPage(p)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' '),
        );
      return parts.join(' ').replace(/\s+/g, ' ');
    };
    const skText = await text(await stored(desk, sk.s3Key!));
    expect(skText).toContain('a.n. KEPALA DINAS KOPERASI');
    expect(skText).toContain(sk.signature!.signer);
    const kip = await parafAndSign(desk.deps, (await numbered(desk, 'data-informasi', 6)).id);
    expect(await text(await stored(desk, kip.s3Key!))).toContain(
      'Penjelasan: Data yang diminta memuat rincian simpanan dan pinjaman tiap anggota.',
    );
  });

  it('refuses to sign while the signatory has no name or NIP in the letter settings', async () => {
    const { data, version } = await desk.deps.letters.settings();
    await desk.deps.letters.saveSettings({ ...data, signatory: { ...data.signatory, nip: '' } }, version);
    try {
      const letter = await numbered(desk, 'rekomendasi-bbm', 7);
      const kadis = await holderOf(desk.deps, 'kepala_dinas');
      await expect(signLetter(desk.deps, letter.id, kadis, '')).rejects.toMatchObject({
        code: 'invalid_transition',
        message: expect.stringContaining('NIP (18 angka)'),
      });
      const cookie = await consoleCookie(desk.app, kadis.id);
      const page = await (await desk.app.request(`/konsol/surat/${letter.id}`, { headers: { cookie } })).text();
      expect(page).toContain('Belum dapat ditandatangani');
      expect(page).not.toContain('Tanda tangani dan terbitkan');
      expect((await desk.deps.letters.get(letter.id))!.status).toBe('menunggu_tanda_tangan');
    } finally {
      const now = await desk.deps.letters.settings();
      await desk.deps.letters.saveSettings({ ...now.data, signatory: data.signatory }, now.version);
    }
  });
});

describe('letters signed through BSrE', () => {
  const logs = captureLog();
  let bsre: BsreServer;
  const PASSPHRASE = 'Rahasia-Kadis#2026';
  const NIK = '3514010101700001';
  // Read by the world's own beforeAll, which runs after this one has started the gateway.
  const env: Record<string, string> = {
    LOKET_PUBLIC_URL: PUBLIC,
    LOKET_SIGNING: 'bsre',
    LOKET_BSRE_USER: BSRE_USER,
    LOKET_BSRE_PASSWORD: BSRE_PASSWORD,
    LOKET_BSRE_TIMEOUT_MS: '2000',
  };
  beforeAll(async () => {
    bsre = await startBsreServer();
    env.LOKET_BSRE_URL = bsre.url;
  });
  const world = useTestWorld({ time: clock, mail: true, log: logs.log, env });
  beforeAll(async () => {
    await seedDemoLetterSettings(world.deps);
    const { data, version } = await world.deps.letters.settings();
    await world.deps.letters.saveSettings({ ...data, signatory: { ...data.signatory, nik: NIK } }, version);
    bsre.enrol(NIK, { passphrase: PASSPHRASE, name: data.signatory.name });
  });
  afterAll(() => bsre?.close());

  it('signs with the passphrase typed now, refuses clearly on each failure, keeps the number, and the passphrase goes nowhere else', async () => {
    const letter = await numbered(world, 'rekomendasi-bbm', 11);
    const kadis = await holderOf(world.deps, 'kepala_dinas');
    const cookie = await consoleCookie(world.app, kadis.id);
    const sign = (passphrase: string) =>
      world.app.request(`/konsol/surat/${letter.id}/tandatangan`, {
        method: 'POST',
        headers: { origin: 'http://localhost', cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ passphrase }).toString(),
      });
    const failures: [string, () => void, number, string][] = [
      ['salah', () => undefined, 400, 'Passphrase salah'],
      [PASSPHRASE, () => bsre.fail('timeout'), 503, 'tidak menjawab dalam 2 detik'],
      [PASSPHRASE, () => bsre.fail('500'), 503, 'sedang gangguan'],
    ];
    for (const [passphrase, arrange, status, message] of failures) {
      arrange();
      const res = await sign(passphrase);
      expect(res.status, message).toBe(status);
      const page = await res.text();
      expect(page).toContain(message);
      expect(page).toContain('Penandatanganan terakhir gagal');
      expect(page).toContain(letter.number);
      const now = (await world.deps.letters.get(letter.id))!;
      expect(now).toMatchObject({ status: 'menunggu_tanda_tangan', number: letter.number });
      expect(now.signingFailure!.reason).toContain(message);
    }
    expect((await sign(PASSPHRASE)).status).toBe(303);
    const signed = (await world.deps.letters.get(letter.id))!;
    expect(signed).toMatchObject({
      status: 'berlaku',
      number: letter.number,
      signature: { channel: 'bsre', certified: true },
    });
    expect(signed.signingFailure).toBeUndefined();
    const pdf = await stored(world, signed.s3Key!);
    expect(pdfsig(pdf)).toContain('Signature is Valid');
    expect(pdfsig(tampered(pdf))).not.toContain('Signature is Valid');
    const last = bsre.requests.at(-1)!;
    expect(last).toMatchObject({ nik: NIK, passphrase: PASSPHRASE, tampilan: 'visible', page: '1' });
    expect(last.box!.every((n) => Number.isFinite(n) && n > 0)).toBe(true);
    const page = await (await world.app.request(`/verifikasi/${letter.id}`)).text();
    expect(page).toContain('Sertifikat elektronik tersertifikasi (BSrE');
    expect(page).toContain('Balai Besar Sertifikasi Elektronik (uji)');

    // Nowhere on our side: no log line, no stored item, no mail, no page.
    const scan = await world.deps.db.send(new ScanCommand({ TableName: world.deps.config.LOKET_TABLE }));
    expect(JSON.stringify(scan.Items)).not.toContain(PASSPHRASE);
    expect(logs.lines.join('\n')).not.toContain(PASSPHRASE);
    expect(logs.lines.join('\n')).toContain('letter.sign_failed');
    expect(JSON.stringify(world.catcher.mail)).not.toContain(PASSPHRASE);
    const s3 = await world.deps.files.client();
    const objects = await s3.send(
      new ListObjectsV2Command({ Bucket: world.deps.config.LOKET_BUCKET, Prefix: 'letters/' }),
    );
    for (const o of objects.Contents ?? [])
      expect(Buffer.from(await stored(world, o.Key!)).includes(PASSPHRASE)).toBe(false);
    expect(await (await world.app.request(`/konsol/surat/${letter.id}`, { headers: { cookie } })).text()).not.toContain(
      PASSPHRASE,
    );
  });

  it('says an expired certificate is the reason, and fetches the file by id where the gateway answers so', async () => {
    const kadis = await holderOf(world.deps, 'kepala_dinas');
    const expired = '3514010101700002';
    const { data, version } = await world.deps.letters.settings();
    await world.deps.letters.saveSettings({ ...data, signatory: { ...data.signatory, nik: expired } }, version);
    bsre.enrol(expired, { passphrase: PASSPHRASE, name: 'Kadis', expired: true });
    const a = await numbered(world, 'rekomendasi-bbm', 12);
    await expect(signLetter(world.deps, a.id, kadis, PASSPHRASE)).rejects.toMatchObject({
      code: 'invalid_transition',
      message: expect.stringContaining('Sertifikat sudah kadaluarsa'),
    });
    const now = await world.deps.letters.settings();
    await world.deps.letters.saveSettings({ ...now.data, signatory: { ...now.data.signatory, nik: NIK } }, now.version);
    bsre.byId = true;
    try {
      const signed = await signLetter(world.deps, a.id, kadis, PASSPHRASE);
      expect(signed).toMatchObject({ status: 'berlaku', number: a.number });
      expect(pdfsig(await stored(world, signed.s3Key!))).toContain('Signature is Valid');
    } finally {
      bsre.byId = false;
    }
  });
});
