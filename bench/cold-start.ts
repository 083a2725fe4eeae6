import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { defaultStandardFile, loadStandard } from '@loket/adapters';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { LAMBDA_BUNDLE } from '../infra/bundle';

/**
 * Cold start as Lambda pays it: each entry bundled the way SST bundles it — our settings
 * (infra/bundle.ts: ESM, minified, `mainFields: module,main`, code splitting so lazily loaded parts
 * are separate files) plus the ones SST always adds (its pkg/runtime/node/build.go: keepNames, target
 * esnext, `.mjs`, and a banner on every output file that creates `require`, `__filename` and
 * `__dirname`) — then imported in fresh Node processes. The banner runs once per file a cold start
 * loads, which is why the number of eager chunks matters. Bytes are the entry plus every chunk it
 * imports statically (what a cold start loads); lazily imported chunks are reported apart.
 */
export const ENTRIES = {
  api: 'functions/api/index.ts',
  jobs: 'functions/jobs/index.ts',
} as const;
const REFERENCES = { minimal: 'bench/fixtures/minimal-handler.ts', floor: 'bench/fixtures/floor-handler.ts' } as const;

const SST_BANNER = [
  `import { createRequire as topLevelCreateRequire } from 'module';`,
  `const require = topLevelCreateRequire(import.meta.url);`,
  `import { fileURLToPath as topLevelFileUrlToPath, URL as topLevelURL } from "url"`,
  `const __filename = topLevelFileUrlToPath(import.meta.url)`,
  `const __dirname = topLevelFileUrlToPath(new topLevelURL(".", import.meta.url))`,
].join('\n');

/** The deployed bundling: infra/bundle.ts plus what SST adds to every Node function. */
const BUNDLE = {
  ...LAMBDA_BUNDLE,
  bundle: true,
  platform: 'node' as const,
  target: 'esnext',
  keepNames: true,
  outExtension: { '.js': '.mjs' },
  banner: { js: SST_BANNER },
};

const closure = (meta: Metafile, entry: string) => {
  const outs = meta.outputs;
  const start = Object.keys(outs).find((k) => outs[k]!.entryPoint === entry)!;
  const seen = new Set<string>();
  const walk = (k: string) => {
    if (seen.has(k) || !outs[k]) return;
    seen.add(k);
    for (const i of outs[k]!.imports) if (i.kind === 'import-statement' && !i.external) walk(i.path);
  };
  walk(start);
  const all = Object.values(outs).reduce((a, o) => a + o.bytes, 0);
  const eager = [...seen].reduce((a, k) => a + outs[k]!.bytes, 0);
  // The code a cold start loads for the office's standard: its reader, checker, schema and the YAML parser.
  const standardBytes = [...seen].reduce(
    (a, k) =>
      a +
      Object.entries(outs[k]!.inputs)
        .filter(([path]) => /node_modules\/yaml\/|src\/standard(-file)?[/.]/.test(path))
        .reduce((b, [, i]) => b + i.bytesInOutput, 0),
    0,
  );
  return { file: start, eagerBytes: eager, eagerFiles: seen.size, lazyBytes: all - eager, standardBytes };
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Import time of a module in one fresh process (a true cold import). */
/**
 * Import time of a module in one fresh process (a true cold import), and the part of it spent reading
 * the office's standard (config.ts measures it), given as the deploy gives it: checked JSON.
 */
const coldImportOnce = (file: string, standard: string) => {
  const [total, reading] = execFileSync(
    process.execPath,
    [
      '-e',
      `const t=performance.now();import(${JSON.stringify(resolve(file))}).then(()=>process.stdout.write((performance.now()-t)+' '+(performance.getEntriesByName('loket.standard')[0]?.duration??0)))`,
    ],
    {
      env: {
        ...process.env,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        AWS_REGION: 'ap-southeast-3',
        LOKET_STAGE: 'local',
        LOKET_STANDARD: standard,
      },
    },
  )
    .toString()
    .split(' ')
    .map(Number);
  return { total: total!, reading: reading! };
};

/** The standard as infra/standard.ts ships it: the checked document as JSON (no schema check at start). */
const checkedStandard = (dir: string) => {
  const file = join(dir, 'standard.checked.json');
  writeFileSync(file, JSON.stringify(loadStandard(defaultStandardFile())));
  return file;
};

export const benchColdStart = async (runs = Number(process.env.BENCH_COLD_RUNS ?? 21)) => {
  const dir = mkdtempSync(join(tmpdir(), 'loket-cold-'));
  try {
    const bundles = Object.fromEntries(
      await Promise.all(
        Object.entries({ ...REFERENCES, ...ENTRIES }).map(async ([name, entry]) => {
          const result = await build({
            ...BUNDLE,
            entryPoints: [entry],
            outdir: join(dir, name),
            metafile: true,
            logLevel: 'error',
          });
          return [name, { entry, ...closure(result.metafile!, entry) }] as const;
        }),
      ),
    );
    // Round robin, one import of each bundle per round: a machine that slows down mid-run slows all
    // of them alike, so the ratios hold even when the absolute times drift.
    const standard = checkedStandard(dir);
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(bundles).map((n) => [n, []]));
    const reading: Record<string, number[]> = Object.fromEntries(Object.keys(bundles).map((n) => [n, []]));
    for (let i = 0; i < runs; i++)
      for (const [name, b] of Object.entries(bundles)) {
        const t = coldImportOnce(join(process.cwd(), b.file), standard);
        times[name]!.push(t.total);
        reading[name]!.push(t.reading);
      }
    const figures = (name: string) => {
      const b = bundles[name]!;
      return {
        entry: b.entry,
        bytes: b.eagerBytes,
        files: b.eagerFiles,
        lazyBytes: b.lazyBytes,
        coldImportMs: Math.round(median(times[name]!) * 10) / 10,
        standardReadMs: Math.round(median(reading[name]!) * 100) / 100,
        standardBytes: b.standardBytes,
      };
    };
    const minimal = figures('minimal');
    const floor = figures('floor');
    const entries = Object.fromEntries(
      Object.keys(ENTRIES).map((name) => {
        const m = figures(name);
        return [
          name,
          {
            ...m,
            underOneMiB: m.bytes < 1024 * 1024,
            // Reading the office's standard at start, as a share of the whole cold import (goal: under 10 %).
            standardShare: Math.round((m.standardReadMs / m.coldImportMs) * 1000) / 10 + ' %',
            vsFloor: Math.round((m.coldImportMs / floor.coldImportMs) * 100) / 100,
            vsMinimal: Math.round((m.coldImportMs / minimal.coldImportMs) * 10) / 10,
          },
        ];
      }),
    );
    return { runs, minimal, floor, entries };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
