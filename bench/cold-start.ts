import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
  return { file: start, eagerBytes: eager, eagerFiles: seen.size, lazyBytes: all - eager };
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Import time of a module in one fresh process (a true cold import). */
const coldImportOnce = (file: string) =>
  Number(
    execFileSync(
      process.execPath,
      [
        '-e',
        `const t=performance.now();import(${JSON.stringify(resolve(file))}).then(()=>process.stdout.write(String(performance.now()-t)))`,
      ],
      {
        env: {
          ...process.env,
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          AWS_REGION: 'ap-southeast-3',
          LOKET_STAGE: 'local',
        },
      },
    ).toString(),
  );

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
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(bundles).map((n) => [n, []]));
    for (let i = 0; i < runs; i++)
      for (const [name, b] of Object.entries(bundles)) times[name]!.push(coldImportOnce(join(process.cwd(), b.file)));
    const figures = (name: string) => {
      const b = bundles[name]!;
      return {
        entry: b.entry,
        bytes: b.eagerBytes,
        files: b.eagerFiles,
        lazyBytes: b.lazyBytes,
        coldImportMs: Math.round(median(times[name]!) * 10) / 10,
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
