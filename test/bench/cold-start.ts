import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';
import { esbuildOptionsOf } from '#infra/bundling';
import { functionDefinitions, type FunctionDefinition } from '#lib/platform/functions';
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

/** Milliseconds to import the bundle, measured inside a fresh process: elapsed, and CPU (user + system). */
function importTime(file: string, env: NodeJS.ProcessEnv): { wall: number; cpu: number } {
  const script = `const c=process.cpuUsage(),t=performance.now();await import(${JSON.stringify(file)});const u=process.cpuUsage(c);process.stdout.write(JSON.stringify({wall:performance.now()-t,cpu:(u.user+u.system)/1000}));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env,
    encoding: 'utf8',
  });
  const { wall, cpu } = JSON.parse(output) as { wall: number; cpu: number };
  return { wall, cpu };
}

type Subject = { name: string; file: string; bytes: number; gzipBytes: number };

const asSubject = (definition: FunctionDefinition) => ({
  name: definition.name,
  options: esbuildOptionsOf(definition) as BuildOptions,
});

/**
 * The baseline, and floors no function can go under: an empty handler; a handler with one zod schema;
 * one that builds the DynamoDB document client, or the S3 client, as our functions do (each bundled with
 * the options of a function that needs it, imported the same way).
 */
function references(): { name: string; options: BuildOptions }[] {
  const like = (name: FunctionDefinition['name'], code: string) => {
    const definition = functionDefinitions.find((candidate) => candidate.name === name);
    if (definition === undefined) throw new Error(`no function ${name}`);
    const { entryPoints: _entry, ...options } = esbuildOptionsOf(definition);
    return { ...options, stdin: { contents: code, resolveDir: process.cwd(), loader: 'ts' } } as BuildOptions;
  };
  const region = '{ region: process.env.AWS_REGION, s3ForcePathStyle: false }';
  return [
    {
      name: EMPTY,
      options: like('fallback', 'export const handler = async () => ({ statusCode: 200, body: "{}" });'),
    },
    {
      name: '(floor: one zod schema)',
      options: like(
        'fallback',
        "import * as z from 'zod'; const Id = z.object({ id: z.string().min(1) }); export const handler = async (event: unknown) => Id.parse(event);",
      ),
    },
    {
      name: '(floor: DynamoDB client)',
      options: like(
        'agencies',
        `import { createDocumentClient } from '#lib/adapters/aws-clients'; const client = createDocumentClient(${region}); export const handler = async () => client.config.region;`,
      ),
    },
    {
      name: '(floor: S3 client)',
      options: like(
        'uploads',
        `import { createS3Client } from '#lib/adapters/s3-client'; const client = createS3Client(${region}); export const handler = async () => client.config.region;`,
      ),
    },
  ];
}
const EMPTY = '(empty handler)';

export async function coldStartBench(): Promise<Table> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-bench-'));
  try {
    const subjects: Subject[] = [];
    for (const { name, options } of [...references(), ...functionDefinitions.map(asSubject)]) {
      const file = join(dir, `${name.replace(/\W/g, '_')}.mjs`);
      await build({ ...options, outfile: file, logLevel: 'silent' });
      const code = await readFile(file);
      subjects.push({ name, file, bytes: code.length, gzipBytes: gzipSync(code).length });
    }

    const times = new Map(
      subjects.map((subject) => [
        subject.name,
        { maps: [] as number[], cpu: [] as number[], bare: [] as number[] },
      ]),
    );
    for (let run = 0; run < RUNS; run++) {
      for (const subject of subjects) {
        const measured = times.get(subject.name);
        const deployed = importTime(subject.file, withMaps);
        measured?.maps.push(deployed.wall);
        measured?.cpu.push(deployed.cpu);
        measured?.bare.push(importTime(subject.file, withoutMaps).wall);
      }
    }

    const empty = median(times.get(EMPTY)?.maps ?? []);
    const emptyCpu = median(times.get(EMPTY)?.cpu ?? []);
    const rows = subjects.map((subject) => {
      const { maps = [], cpu = [], bare = [] } = times.get(subject.name) ?? {};
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
        round(median(cpu)),
        `${round(median(cpu) / emptyCpu, 2)}×`,
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
        'CPU p50 ms',
        'CPU × empty',
        'p50 without maps ms',
      ],
      rows,
      notes: [
        'Bundled with the CDK stack’s esbuild options (ESM, minified, AWS SDK v3 inlined); the environment of a deployed function, except that the applicant key is inline (deployed, it is one Secrets Manager read per cold start, not measured here). KB = 1,000 bytes of the .mjs (its source map not counted).',
        'Imported with NODE_OPTIONS=--enable-source-maps, as deployed; the last column imports the same bundle without it. CPU is the importing process’s user + system time: on a busy machine it moves less than the elapsed time.',
        'The floors are what any function using zod, or building the DynamoDB or the S3 client, cannot go under.',
      ],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
