import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { esbuildOptionsOf } from '#infra/bundling';
import { functionDefinitions } from '#lib/platform/functions';
import { deployedEnvironment } from '#test/support/deployed-env';
import { median, quantile, round, type Table } from './table';

/**
 * Cold start, as a citizen waits for it: each function bundled exactly as the CDK stack bundles it
 * (same esbuild options), then imported in a fresh Node process with the environment a deployed function
 * has. An empty handler, bundled and imported the same way in the same run, is the baseline; the runs go
 * round-robin over all bundles, so a busy machine slows every bundle alike rather than whichever came last.
 *
 * The goals (issue 15): a bundle of at most 400 KB (the .mjs, not its source map) and an import at most
 * three times as long as the empty handler's.
 */
const RUNS = 15;
const GOAL_BYTES = 400 * 1000;
const GOAL_TIMES_EMPTY = 3;

/** As deployed (the functions run with source maps enabled), and without, to show what the maps cost. */
const withMaps = { ...process.env, ...deployedEnvironment };
const withoutMaps = { ...withMaps, NODE_OPTIONS: '' };

/** Milliseconds to import the bundle, measured inside a fresh process. */
function importTime(file: string, env: NodeJS.ProcessEnv): number {
  const script = `const t=performance.now();await import(${JSON.stringify(file)});process.stdout.write(String(performance.now()-t));`;
  return Number(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' }),
  );
}

type Subject = { name: string; file: string; bytes: number; gzipBytes: number };

export async function coldStartBench(): Promise<Table> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-bench-'));
  try {
    const emptyEntry = join(dir, 'empty.ts');
    await writeFile(emptyEntry, 'export const handler = async () => ({ statusCode: 200, body: "{}" });\n');
    const subjects: Subject[] = [];
    const [anyDefinition] = functionDefinitions;
    for (const { name, options } of [
      // The empty handler, bundled with the same options (it imports nothing they could leave out).
      { name: '(empty handler)', options: { ...esbuildOptionsOf(anyDefinition), entryPoints: [emptyEntry] } },
      ...functionDefinitions.map((definition) => ({
        name: definition.name,
        options: esbuildOptionsOf(definition),
      })),
    ]) {
      const file = join(dir, `${name.replace(/\W/g, '_')}.mjs`);
      await build({ ...options, outfile: file, logLevel: 'silent' });
      const code = await readFile(file);
      subjects.push({ name, file, bytes: code.length, gzipBytes: gzipSync(code).length });
    }

    const times = new Map(
      subjects.map((subject) => [subject.name, { maps: [] as number[], bare: [] as number[] }]),
    );
    for (let run = 0; run < RUNS; run++) {
      for (const subject of subjects) {
        const measured = times.get(subject.name);
        measured?.maps.push(importTime(subject.file, withMaps));
        measured?.bare.push(importTime(subject.file, withoutMaps));
      }
    }

    const empty = median(times.get('(empty handler)')?.maps ?? []);
    const rows = subjects.map((subject) => {
      const { maps = [], bare = [] } = times.get(subject.name) ?? {};
      const p50 = median(maps);
      const timesEmpty = p50 / empty;
      return [
        subject.name,
        round(subject.bytes / 1000),
        round(subject.gzipBytes / 1000),
        subject.bytes <= GOAL_BYTES ? 'yes' : `no (+${round((subject.bytes - GOAL_BYTES) / 1000)})`,
        round(p50),
        round(quantile(maps, 0.9)),
        `+${round(p50 - empty)}`,
        `${round(timesEmpty, 2)}×`,
        timesEmpty <= GOAL_TIMES_EMPTY ? 'yes' : 'no',
        round(median(bare)),
      ];
    });
    return {
      title: `Cold start: bundle size and import time in a fresh Node ${process.version} process (${RUNS} runs each)`,
      columns: [
        'function',
        'bundle KB',
        'gzip KB',
        '≤ 400 KB',
        'import p50 ms',
        'import p90 ms',
        'vs empty ms',
        '× empty',
        '≤ 3× empty',
        'p50 without maps ms',
      ],
      rows,
      notes: [
        'Bundled with the CDK stack’s esbuild options (ESM, minified, AWS SDK v3 inlined); the environment of a deployed function, except that the applicant key is inline (deployed, it is one Secrets Manager read per cold start, not measured here). KB = 1,000 bytes of the .mjs (its source map not counted).',
        'Imported with NODE_OPTIONS=--enable-source-maps, as deployed; the last column imports the same bundle without it.',
      ],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
