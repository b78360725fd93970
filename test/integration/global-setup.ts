import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { LocalCloudState } from '#infra/local/local-cloud';
import { tsxLoader } from '#infra/local/processes';
import { ensureChromium } from '#test/support/chromium';

/**
 * Starts the local cloud once for the whole integration run, exactly as `npm start` does but in memory,
 * with the per-request clock header on and throttling off, and stops it (and every process it started)
 * at the end. The child also stops by itself if this process dies and its stdin closes.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    localCloud: LocalCloudState;
    /** Everything the local cloud (and so every handler) logged in this run. */
    localCloudLog: string;
  }
}

let child: ChildProcess | undefined;
let workDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  // What the browser checks need is installed before any server starts, so an install never competes
  // with a test for the machine (and never runs inside a test's timeout).
  ensureChromium();
  workDir = await mkdtemp(join(tmpdir(), 'gongkai-it-'));
  const stateFile = join(workDir, 'local.json');
  const logFile = join(workDir, 'local-cloud.log');
  const log = createWriteStream(logFile);
  const entry = join(import.meta.dirname, '..', '..', 'infra', 'local', 'start.ts');
  child = spawn(
    process.execPath,
    [
      '--import',
      tsxLoader(),
      entry,
      '--in-memory',
      '--state-file',
      stateFile,
      '--allow-clock-header',
      '--no-throttle',
      '--no-schedule',
      '--quiet',
      '--exit-with-stdin',
    ],
    {
      // Full logs, to a file: tests read it to prove personal data never reaches a log line.
      env: { ...process.env, PORT: '0', POWERTOOLS_LOG_LEVEL: 'INFO' },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const started = child;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the local cloud did not start within 90 s')), 90_000);
    let buffer = '';
    started.stderr?.on('data', (chunk: Buffer) => log.write(chunk));
    started.stdout?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      buffer += chunk.toString();
      if (buffer.includes('GONGKAI_LOCAL_READY')) {
        clearTimeout(timer);
        resolve();
      }
    });
    started.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the local cloud exited early (${String(code)})`));
    });
  });
  const state = JSON.parse(await readFile(stateFile, 'utf8')) as LocalCloudState;
  project.provide('localCloud', state);
  project.provide('localCloudLog', logFile);
}

export async function teardown(): Promise<void> {
  const running = child;
  if (running && running.exitCode === null) {
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.stdin?.end();
    running.kill('SIGTERM');
    await exited;
  }
  if (workDir) await rm(workDir, { recursive: true, force: true });
}
