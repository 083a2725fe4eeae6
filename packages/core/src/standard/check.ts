// Only the Indonesian messages: `z.locales` would bring every language into each function's bundle.
import indonesian from 'zod/v4/locales/id.js';
import { ADMIN_ROLE, APPLICANT_ROLE } from '../catalog/roles';
import { DONE, REFUSED } from '../workflow/build';
import { type Service, type Standard, standardSchemas } from './schema';

const serviceFieldList = (s: Service) => [...s.requirements.flatMap((r) => r.fields), ...s.applicantFields];

/** One problem in a document: where (the path of keys and indexes) and what is expected, in Indonesian. */
export interface StandardProblem {
  path: (string | number)[];
  message: string;
}

/** "services[3].flow.steps[0].to" */
export const formatPath = (path: readonly (string | number)[]) =>
  path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k), '') ||
  '(dokumen)';

/**
 * Checks an office's standard: its shape (the schema), then what a schema cannot say — that every role,
 * step and field a part names exists, that each procedure can end and stop its clock, and that features
 * (the registry, SP4N-LAPOR!, letters) have what they need. Every problem is reported, not just the first.
 */
export const checkStandard = (input: unknown): { standard?: Standard; problems: StandardProblem[] } => {
  const parsed = standardSchemas().Standard.safeParse(input, { error: indonesian().localeError });
  if (!parsed.success)
    return {
      problems: parsed.error.issues.map((i) => ({
        path: i.path.map((k) => (typeof k === 'symbol' ? String(k) : k)),
        message: i.message,
      })),
    };
  const problems = crossReferences(parsed.data);
  return problems.length ? { problems } : { standard: parsed.data, problems };
};

const crossReferences = (doc: Standard): StandardProblem[] => {
  const problems: StandardProblem[] = [];
  const add = (path: (string | number)[], message: string) => problems.push({ path, message });
  const roles = new Set(Object.keys(doc.roles));
  const role = (path: (string | number)[], r: string) => {
    if (!roles.has(r)) add(path, `peran "${r}" tidak ada di roles (ada: ${[...roles].join(', ')})`);
  };
  for (const reserved of [ADMIN_ROLE, APPLICANT_ROLE])
    if (roles.has(reserved))
      add(['roles', reserved], `"${reserved}" adalah peran milik aplikasi; beri peran kantor nama lain`);

  const units = new Set(doc.units.map((u) => u.id));
  for (const [id, r] of Object.entries(doc.roles)) {
    if (r.unit && !units.has(r.unit)) add(['roles', id, 'unit'], `unit "${r.unit}" tidak ada di units`);
    if (r.supervisor) role(['roles', id, 'supervisor'], r.supervisor);
  }
  doc.units.forEach((u, i) => role(['units', i, 'head'], u.head));
  for (const [duty, list] of Object.entries(doc.duties)) list.forEach((r, i) => role(['duties', duty, i], r));
  role(['office', 'signatory', 'role'], doc.office.signatory.role);
  const demoIds = new Set(doc.demo?.staff.map((m) => m.id));
  doc.demo?.staff.forEach((m, i) => {
    m.roles.forEach((r, ri) => r !== ADMIN_ROLE && role(['demo', 'staff', i, 'roles', ri], r));
    if (m.superiorId && !demoIds.has(m.superiorId))
      add(['demo', 'staff', i, 'superiorId'], `petugas "${m.superiorId}" tidak ada di demo.staff`);
  });

  const unique = (key: 'id' | 'code' | 'number') => {
    const seen = new Map<unknown, number>();
    doc.services.forEach((s, i) => {
      if (seen.has(s[key])) add(['services', i, key], `sama dengan services[${seen.get(s[key])}].${key} (${s[key]})`);
      else seen.set(s[key], i);
    });
  };
  unique('id');
  unique('code');
  unique('number');
  const lapor = doc.services.flatMap((s, i) => (s.channels.includes('sp4n_lapor') ? [i] : []));
  if (lapor.length > 1)
    add(['services', lapor[1]!, 'channels'], 'hanya satu layanan yang dapat menerima pengaduan SP4N-LAPOR!');

  doc.services.forEach((s, i) => {
    const at = (...p: (string | number)[]) => ['services', i, ...p];
    const fields = new Set<string>();
    [
      ...s.requirements.flatMap((r, ri) =>
        r.fields.map((f, fi) => ({ f, p: at('requirements', ri, 'fields', fi, 'id') })),
      ),
      ...s.applicantFields.map((f, fi) => ({ f, p: at('applicantFields', fi, 'id') })),
    ].forEach(({ f, p }) => {
      if (fields.has(f.id)) add(p, `kolom "${f.id}" sudah ada di layanan ini`);
      fields.add(f.id);
      if (f.kind === 'choice' && !f.options) add(p.slice(0, -1).concat('options'), 'kolom pilihan perlu options');
    });
    const field = (p: (string | number)[], id: string | undefined) => {
      if (id && !fields.has(id)) add(p, `kolom "${id}" tidak ada di persyaratan atau data pemohon layanan ini`);
    };
    const names = serviceFieldList(s).filter((f) => f.applicantName).length;
    if (names !== 1)
      add(at('applicantFields'), `tandai tepat satu kolom nama pemohon dengan applicantName: true (ada ${names})`);
    if (s.channels.includes('sp4n_lapor')) {
      if (!s.laporIntake) add(at('laporIntake'), 'layanan dengan kanal sp4n_lapor perlu laporIntake');
      else {
        if (!s.requirements.some((r) => r.id === s.laporIntake!.requirement))
          add(at('laporIntake', 'requirement'), `persyaratan "${s.laporIntake.requirement}" tidak ada di requirements`);
        for (const [k, v] of Object.entries(s.laporIntake.fields)) field(at('laporIntake', 'fields', k), v);
      }
    }
    s.steps.forEach((st, si) => role(at('steps', si, 'role'), st.role));
    s.executors.roles.forEach((r, ri) => role(at('executors', 'roles', ri), r));
    const steps = new Set(s.steps.map((st) => st.id));
    const step = (p: (string | number)[], id: string | undefined, alsoEnd = false) => {
      if (!id || steps.has(id) || (alsoEnd && (id === DONE || id === REFUSED))) return;
      add(p, `langkah "${id}" tidak ada di steps${alsoEnd ? ` (atau "${DONE}" / "${REFUSED}")` : ''}`);
    };
    step(at('flow', 'revisionAt'), s.flow.revisionAt);
    s.flow.refusableAt.forEach((r, ri) => step(at('flow', 'refusableAt', ri), r));
    s.flow.requesterSide?.forEach((r, ri) => role(at('flow', 'requesterSide', ri), r));
    const reached = new Set([s.steps[0]!.id]);
    const leaves = new Set<string>();
    s.flow.steps.forEach((t, ti) => {
      step(at('flow', 'steps', ti, 'from'), t.from);
      step(at('flow', 'steps', ti, 'to'), t.to, true);
      t.roles?.forEach((r, ri) => role(at('flow', 'steps', ti, 'roles', ri), r));
      reached.add(t.to);
      leaves.add(t.from);
      const effects = t.effects ?? [];
      if (effects.includes('request_letter_number') && !s.letter)
        add(at('flow', 'steps', ti, 'effects'), 'langkah ini menerbitkan surat, tetapi layanan tidak punya letter');
      if (effects.includes('record_in_registry') && !doc.registry)
        add(
          at('flow', 'steps', ti, 'effects'),
          'langkah ini mencatat ke registri, tetapi dokumen tidak punya registry',
        );
      if (t.guard === 'letter_issued' && !s.flow.steps.some((x) => x.effects?.includes('request_letter_number')))
        add(
          at('flow', 'steps', ti, 'guard'),
          'letter_issued menunggu surat terbit, tetapi tidak ada langkah yang menerbitkan surat (request_letter_number)',
        );
      if (t.laporReply && !s.channels.includes('sp4n_lapor'))
        add(at('flow', 'steps', ti, 'laporReply'), 'hanya untuk layanan dengan kanal sp4n_lapor');
      if (t.requires === 'klinik_seat' && !doc.duties.klinikSchedule.length)
        add(at('flow', 'steps', ti, 'requires'), 'penjadwalan sesi perlu duties.klinikSchedule');
      if (t.requires === 'klinik_seat' && !s.schedule)
        add(at('schedule'), 'layanan yang menjadwalkan sesi perlu schedule.name (nama jadwalnya)');
    });
    s.steps.forEach((st, si) => {
      if (!reached.has(st.id)) add(at('steps', si, 'id'), `tidak ada langkah di flow.steps yang menuju "${st.id}"`);
      if (!leaves.has(st.id)) add(at('steps', si, 'id'), `tidak ada langkah di flow.steps yang keluar dari "${st.id}"`);
    });
    if (!s.flow.steps.some((t) => t.to === DONE)) add(at('flow', 'steps'), `tidak ada langkah yang menuju "${DONE}"`);
    if (!s.flow.steps.some((t) => t.effects?.includes('stop_clock') || t.effects?.includes('request_letter_number')))
      add(at('flow', 'steps'), 'tidak ada langkah yang menghentikan jam layanan (efek stop_clock)');
    if (s.letter) {
      field(at('letter', 'addressee', 'name'), s.letter.addressee.name);
      field(at('letter', 'addressee', 'address'), s.letter.addressee.address);
      if (!s.publicInformation && !s.letter.opening)
        add(at('letter', 'opening'), 'surat perlu kalimat pembuka (opening)');
      if (s.letter.signing.signatory) role(at('letter', 'signing', 'signatory'), s.letter.signing.signatory);
      if (s.letter.signing.onBehalf && !s.letter.signing.signatory)
        add(at('letter', 'signing', 'onBehalf'), 'a.n./Plt. hanya untuk penanda tangan selain office.signatory');
      s.letter.signing.initials.forEach((r, i) => role(at('letter', 'signing', 'initials', i), r));
    }
    if (s.publicInformation)
      for (const [k, v] of Object.entries(s.publicInformation.fields)) field(at('publicInformation', 'fields', k), v);
    if (doc.registry && s.flow.steps.some((t) => t.effects?.includes('record_in_registry')))
      for (const [k, v] of Object.entries(doc.registry.fields)) field(['registry', 'fields', k], v);
  });
  return problems;
};
