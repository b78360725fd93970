import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type BuildOptions } from 'esbuild';
import { esbuildOptionsOf, type BundleTarget } from '#infra/bundling';
import type { ProfileName } from '#infra/profile';
import { functionDefinitions, type FunctionDefinition } from '#lib/platform/functions';
import { bundleTargetFor, deployedEnvironmentFor } from '#test/support/deployed-env';
import { median, quantile, round, type Table } from './table';

/**
 * Cold start, as a citizen waits for it: each function bundled exactly as the CDK stack bundles it
 * (same esbuild options), then imported in a fresh Node process with the environment a deployed function
 * has. An empty handler, bundled and imported the same way in the same run, is the baseline; the runs go
 * round-robin over all bundles, so a busy machine slows every bundle alike rather than whichever came last.
 *
 * Each function is bundled for both profiles: the china profile's bundles leave out the tracer (no X-Ray
 * with Lambda there) and SES; the global profile's leave out nodemailer.
 *
 * The goals (issue 15): a bundle of at most 400 KB (the .mjs, not its source map) and an import at most
 * three times as long as the empty handler's. Beside the import, the whole start as Lambda's init pays
 * it: a fresh Node process from spawn until the handler is ready (and the process has exited).
 */
const RUNS = 15;
const GOAL_BYTES = 400 * 1000;
const GOAL_TIMES_EMPTY = 3;

/** As deployed: the functions run with source maps enabled, the tracer on where the profile traces. */
const asDeployed = (target: BundleTarget) => ({ ...process.env, ...deployedEnvironmentFor(target) });

/**
 * Milliseconds to import the bundle, measured inside a fresh process: elapsed, and CPU (user + system);
 * and the whole process, from spawn to exit, measured outside it.
 */
function importTime(file: string, env: NodeJS.ProcessEnv): { wall: number; cpu: number; process: number } {
  const script = `const c=process.cpuUsage(),t=performance.now();await import(${JSON.stringify(file)});const u=process.cpuUsage(c);process.stdout.write(JSON.stringify({wall:performance.now()-t,cpu:(u.user+u.system)/1000}));`;
  const spawned = performance.now();
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env,
    encoding: 'utf8',
  });
  const processMs = performance.now() - spawned;
  const { wall, cpu } = JSON.parse(output) as { wall: number; cpu: number };
  return { wall, cpu, process: processMs };
}

type Subject = { name: string; target: BundleTarget; file: string; bytes: number; gzipBytes: number };

const PROFILES: readonly ProfileName[] = ['global', 'china'];
const asSubjects = (definition: FunctionDefinition) =>
  PROFILES.map((profile) => {
    const target = bundleTargetFor(profile);
    return {
      name: `${definition.name} (${profile})`,
      target,
      options: esbuildOptionsOf(definition, target),
    };
  });

/**
 * The baseline, and floors no function can go under: an empty handler; a handler with one zod schema;
 * one that builds the DynamoDB document client, or the S3 client, as our functions do (each bundled with
 * the options of a function that needs it, imported the same way).
 */
function references(): { name: string; target: BundleTarget; options: BuildOptions }[] {
  const target = bundleTargetFor('china');
  const like = (name: FunctionDefinition['name'], code: string) => {
    const definition = functionDefinitions.find((candidate) => candidate.name === name);
    if (definition === undefined) throw new Error(`no function ${name}`);
    const { entryPoints: _entry, ...options } = esbuildOptionsOf(definition, target);
    return { ...options, stdin: { contents: code, resolveDir: process.cwd(), loader: 'ts' } } as BuildOptions;
  };
  const region = '{ region: process.env.AWS_REGION, s3ForcePathStyle: false }';
  const global = bundleTargetFor('global');
  const tracer = functionDefinitions.find((candidate) => candidate.name === 'agencies');
  if (tracer === undefined) throw new Error('no function agencies');
  const { entryPoints: _entry, ...tracerOptions } = esbuildOptionsOf(tracer, global);
  const withTracer = {
    name: '(floor: the tracer, global)',
    target: global,
    options: {
      ...tracerOptions,
      stdin: {
        contents:
          "import { traced } from '#lib/adapters/traced'; export const handler = async () => typeof traced;",
        resolveDir: process.cwd(),
        loader: 'ts',
      },
    } as BuildOptions,
  };
  const floors = [
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
  return [...floors.map((floor) => ({ ...floor, target })), withTracer];
}
const EMPTY = '(empty handler)';

export async function coldStartBench(): Promise<Table> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-bench-'));
  try {
    const subjects: Subject[] = [];
    for (const { name, target, options } of [...references(), ...functionDefinitions.flatMap(asSubjects)]) {
      const file = join(dir, `${name.replace(/\W/g, '_')}.mjs`);
      await build({ ...options, outfile: file, logLevel: 'silent' });
      const code = await readFile(file);
      subjects.push({ name, target, file, bytes: code.length, gzipBytes: gzipSync(code).length });
    }

    const times = new Map(
      subjects.map((subject) => [
        subject.name,
        { maps: [] as number[], cpu: [] as number[], process: [] as number[] },
      ]),
    );
    for (let run = 0; run < RUNS; run++) {
      for (const subject of subjects) {
        const measured = times.get(subject.name);
        const deployed = importTime(subject.file, asDeployed(subject.target));
        measured?.maps.push(deployed.wall);
        measured?.cpu.push(deployed.cpu);
        measured?.process.push(deployed.process);
      }
    }

    const empty = median(times.get(EMPTY)?.maps ?? []);
    const emptyCpu = median(times.get(EMPTY)?.cpu ?? []);
    const emptyProcess = median(times.get(EMPTY)?.process ?? []);
    const rows = subjects.map((subject) => {
      const { maps = [], cpu = [], process: whole = [] } = times.get(subject.name) ?? {};
      const wholeP50 = median(whole);
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
        round(wholeP50),
        `${round(wholeP50 / emptyProcess, 2)}×`,
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
        'start to ready p50 ms',
        'start × empty',
      ],
      rows,
      notes: [
        'Bundled with the CDK stack’s esbuild options (ESM, minified, AWS SDK v3 inlined); the environment of a deployed function, except that the applicant key is inline (deployed, it is one Secrets Manager read per cold start, not measured here). KB = 1,000 bytes of the .mjs (its source map not counted).',
        'Each function twice: its global bundle (Powertools Tracer and the X-Ray SDK in, loaded at start; SES) and its china bundle (no tracer: no X-Ray with Lambda there; nodemailer for SMTP). Imported with NODE_OPTIONS=--enable-source-maps, as deployed. CPU is the importing process’s user + system time: on a busy machine it moves less than the elapsed time.',
        '“Start to ready” is the whole fresh process, spawn to exit, measured from outside: Node’s own start plus the import, as Lambda’s init duration counts both (Lambda’s runtime adds its own on top, alike for every function).',
        'The floors (china bundles, no tracer) are what any function using zod, or building the DynamoDB or the S3 client, cannot go under; the tracer floor is what tracing alone adds in the global profile.',
      ],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
