import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tsxLoader } from '#infra/local/processes';

const entry = join(import.meta.dirname, '..', '..', 'infra', 'local', 'start.ts');

const descendantsOf = (pid: number): number[] => {
  const output = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' });
  const pairs = output
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const result: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of pairs) {
      if (ppid === parent) {
        result.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return result;
};
const commandOf = (pid: number): string => {
  try {
    return `${pid} ${execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).trim()}`;
  } catch {
    return `${pid} (gone)`;
  }
};
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start', () => {
  it(
    'starts on disk with a fixed clock, answers /v1/health within 60 s, and Ctrl-C leaves no process behind',
    { timeout: 90_000 },
    async () => {
      const cwd = await mkdtemp(join(tmpdir(), 'gongkai-start-'));
      const started = Date.now();
      const child = spawn(process.execPath, ['--import', tsxLoader(), entry], {
        cwd,
        env: { ...process.env, PORT: '0', GONGKAI_NOW: '2026-03-31T16:30:00Z' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`not ready in 60 s:\n${output}`)), 60_000);
          child.once('exit', (code) => reject(new Error(`exited early (${String(code)}):\n${output}`)));
          const check = setInterval(() => {
            if (output.includes('GONGKAI_LOCAL_READY')) {
              clearTimeout(timer);
              clearInterval(check);
              resolve();
            }
          }, 50);
        });
        const state = JSON.parse(await readFile(join(cwd, '.data', 'local.json'), 'utf8'));
        expect(Object.keys(state.tokens).sort()).toEqual([
          'agency_admin',
          'approver',
          'clerk',
          'platform_admin',
          'reviewer',
          'second_reviewer',
          'secrecy_reviewer',
          'supervisor',
        ]);
        expect(output).toContain(state.baseUrl);
        const health = await fetch(`${state.baseUrl}/v1/health`);
        expect(health.status).toBe(200);
        // GONGKAI_NOW fixes the business clock the gateway stamps on every event.
        expect(((await health.json()) as { checkedAt: string }).checkedAt).toBe(
          '2026-04-01T00:30:00.000+08:00',
        );
        expect(Date.now() - started).toBeLessThan(60_000);
        expect(existsSync(join(cwd, '.data', 'dynamodb'))).toBe(true);

        const descendants = descendantsOf(child.pid ?? -1);
        expect(descendants.length).toBeGreaterThanOrEqual(2); // java (DynamoDB Local) and s3rver
        const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
        child.kill('SIGINT');
        expect(await exited).toBe(0);
        // Helpers such as tsx's esbuild service leave when their parent's pipe closes: allow them a moment.
        for (let waited = 0; waited < 5000 && descendants.some(alive); waited += 100)
          await new Promise((resolve) => setTimeout(resolve, 100));
        expect(descendants.filter(alive).map(commandOf)).toEqual([]);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
        await rm(cwd, { recursive: true, force: true });
      }
    },
  );
});
