import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { bundlingOptions, functionEntry } from '#infra/bundling';
import { functionDefinitions } from '#lib/platform/functions';
import { median, quantile, round, type Table } from './table';

/**
 * Cold start, as a citizen waits for it: each function bundled exactly as the CDK stack bundles it
 * (same esbuild options), then imported in a fresh Node process with the environment a deployed function
 * has. An empty handler, bundled and imported the same way in the same run, is the baseline.
 */
const RUNS = 15;

const lambdaEnv = {
  ...process.env,
  AWS_REGION: 'cn-north-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  TABLE_NAME: 'bench-records',
  ARCHIVE_BUCKET: 'bench-archive',
  UPLOADS_BUCKET: 'bench-uploads',
  USER_POOL_ID: 'cn-north-1_bench',
  // Inline, as in the local cloud: deployed, the key is read from Secrets Manager once per cold start.
  APPLICANT_KEY: 'a'.repeat(64),
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  // As deployed: the functions run with source maps enabled.
  NODE_OPTIONS: '--enable-source-maps',
};

async function bundle(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    minify: bundlingOptions.minify,
    sourcemap: bundlingOptions.sourceMap,
    sourcesContent: bundlingOptions.sourcesContent,
    target: bundlingOptions.target,
    mainFields: [...bundlingOptions.mainFields],
    banner: { js: bundlingOptions.banner },
    external: [...bundlingOptions.externalModules],
    logLevel: 'silent',
  });
}

/** Milliseconds to import the bundle, measured inside a fresh process. */
function importTimes(file: string): number[] {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});process.stdout.write(String(performance.now()-t));`;
  return Array.from({ length: RUNS }, () =>
    Number(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        env: lambdaEnv,
        encoding: 'utf8',
      }),
    ),
  );
}

export async function coldStartBench(): Promise<Table> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-bench-'));
  try {
    const emptyEntry = join(dir, 'empty.ts');
    await writeFile(emptyEntry, 'export const handler = async () => ({ statusCode: 200, body: "{}" });\n');
    const subjects = [
      { name: '(empty handler)', entry: emptyEntry },
      ...functionDefinitions.map((definition) => ({
        name: definition.name,
        entry: functionEntry(definition.name),
      })),
    ];
    const rows: (string | number)[][] = [];
    let baseline = 0;
    for (const subject of subjects) {
      const outfile = join(dir, `${subject.name.replace(/\W/g, '_')}.mjs`);
      await bundle(subject.entry, outfile);
      const size = (await stat(outfile)).size;
      const gzip = gzipSync(readFileSync(outfile)).length;
      const times = importTimes(outfile);
      const p50 = median(times);
      if (subject.name === '(empty handler)') baseline = p50;
      rows.push([
        subject.name,
        round(size / 1024),
        round(gzip / 1024),
        round(p50),
        round(quantile(times, 0.9)),
        `+${round(p50 - baseline)}`,
      ]);
    }
    return {
      title: `Cold start: bundle size and import time in a fresh Node ${process.version} process (${RUNS} runs each)`,
      columns: ['function', 'bundle KiB', 'gzip KiB', 'import p50 ms', 'import p90 ms', 'vs empty ms'],
      rows,
      notes: [
        'Bundled with the CDK stack’s esbuild options (ESM, minified, AWS SDK v3 inlined); the environment of a deployed function, except that the applicant key is inline (deployed, it is one Secrets Manager read per cold start, not measured here).',
      ],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
