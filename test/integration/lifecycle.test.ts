import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tsxLoader } from '#infra/local/processes';
import { anApplicant, anInformationRequest } from '#test/support/api';

const entry = join(import.meta.dirname, '..', '..', 'infra', 'local', 'start.ts');
/**
 * `npm start` runs in the project's folder; these runs start elsewhere (a fresh `.data/`), so they name
 * the project's tsconfig for tsx, which otherwise reads the one in the working folder (the pages' TSX
 * needs its `jsxImportSource`). Bundles for Lambda find it by the source's own folder.
 */
const tsconfig = { TSX_TSCONFIG_PATH: join(import.meta.dirname, '..', '..', 'tsconfig.json') };

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
    'starts on disk with a fixed clock, answers /v1/health, and Ctrl-C leaves no process behind',
    // Generous for a busy 2-core machine: how fast it starts is `npm run bench`'s to say, not a test's.
    { timeout: 240_000 },
    async () => {
      const cwd = await mkdtemp(join(tmpdir(), 'gongkai-start-'));
      const child = spawn(process.execPath, ['--import', tsxLoader(), entry], {
        cwd,
        env: { ...process.env, ...tsconfig, PORT: '0', GONGKAI_NOW: '2026-03-31T16:30:00Z' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`not ready in 180 s:\n${output}`)), 180_000);
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
        // The first address it prints is the citizen portal's, the page a person opens.
        const firstAddress = output.split('\n').find((line) => line.includes('http://'));
        expect(firstAddress).toBe(`The citizen portal (公众门户): ${state.baseUrl}/`);
        const portal = await fetch(`${state.baseUrl}/`);
        expect(portal.headers.get('content-type')).toBe('text/html; charset=utf-8');
        // Then the staff console's, and how to sign in to it locally (the demo accounts, no password).
        expect(output).toContain(`The staff console (工作台): ${state.baseUrl}/console`);
        expect(output).toMatch(/sign in locally: the local identity page lists the demo accounts/);
        expect(output).toContain('clerk@demo-city.example.cn');
        const signInFirst = await fetch(`${state.baseUrl}/console`, { redirect: 'manual' });
        expect(signInFirst.status).toBe(303);
        expect(signInFirst.headers.get('location')).toBe('/console/sign-in?return=%2Fconsole');
        const health = await fetch(`${state.baseUrl}/v1/health`);
        expect(health.status).toBe(200);
        // GONGKAI_NOW fixes the business clock the gateway stamps on every event.
        expect(((await health.json()) as { checkedAt: string }).checkedAt).toBe(
          '2026-04-01T00:30:00.000+08:00',
        );
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

/** `npm start` in `cwd` (its `.data/`); resolves with the child and its state once it says it is ready. */
async function startIn(cwd: string, args: string[] = []) {
  const child = spawn(process.execPath, ['--import', tsxLoader(), entry, ...args], {
    cwd,
    env: { ...process.env, ...tsconfig, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 180 s:\n${output}`)), 180_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited early (${String(code)}):\n${output}`));
    });
    const check = setInterval(() => {
      if (output.includes('GONGKAI_LOCAL_READY')) {
        clearTimeout(timer);
        clearInterval(check);
        resolve();
      }
    }, 50);
  });
  const state = JSON.parse(await readFile(join(cwd, '.data', 'local.json'), 'utf8')) as {
    dynamodbEndpoint: string;
    baseUrl: string;
    agencyId: string;
    tokens: Record<string, string>;
  };
  return { child, state, exited, output: () => output };
}

describe('npm start on the same .data/', () => {
  it('starts, stops and starts again, and finds the earlier application', { timeout: 420_000 }, async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'gongkai-restart-'));
    const running: ChildProcess[] = [];
    try {
      const first = await startIn(cwd);
      running.push(first.child);
      const registered = await fetch(
        `${first.state.baseUrl}/v1/agencies/${first.state.agencyId}/applications/registrations`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${first.state.tokens.clerk ?? ''}`,
            'content-type': 'application/json',
            'idempotency-key': randomUUID(),
          },
          body: JSON.stringify({
            channel: 'letter_registered',
            receivedOn: '2026-09-28',
            applicant: anApplicant(),
            request: anInformationRequest(),
          }),
        },
      );
      expect(registered.status).toBe(201);
      const { trackingNumber } = (await registered.json()) as { trackingNumber: string };
      first.child.kill('SIGINT');
      expect(await first.exited).toBe(0);

      const second = await startIn(cwd);
      running.push(second.child);
      expect(second.output()).not.toContain('already exists');
      const found = await fetch(
        `${second.state.baseUrl}/v1/agencies/${second.state.agencyId}/applications/${trackingNumber}`,
        { headers: { authorization: `Bearer ${second.state.tokens.clerk ?? ''}` } },
      );
      expect(found.status).toBe(200);
      expect(((await found.json()) as { trackingNumber: string }).trackingNumber).toBe(trackingNumber);
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
    } finally {
      for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
      await rm(cwd, { recursive: true, force: true });
    }
  });
});

/** The local cloud's child whose command line contains `marker` (java for DynamoDB Local, s3-server.ts). */
const childRunning = (parent: number, marker: string): number => {
  const found = descendantsOf(parent).find((pid) => commandOf(pid).includes(marker));
  if (found === undefined) throw new Error(`no child ${marker} under ${parent}`);
  return found;
};

async function eventually<T>(what: string, probe: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      return await probe();
    } catch (error) {
      last = error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${what} within ${timeoutMs} ms`, { cause: last });
}

describe('the local cloud supervises DynamoDB Local and s3rver', () => {
  it(
    'on disk, a killed child is restarted with its data: health answers 200 again and the application is still there',
    { timeout: 420_000 },
    async () => {
      const cwd = await mkdtemp(join(tmpdir(), 'gongkai-supervise-'));
      const cloud = await startIn(cwd);
      try {
        const { baseUrl, agencyId, tokens } = cloud.state;
        const registered = await fetch(`${baseUrl}/v1/agencies/${agencyId}/applications/registrations`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${tokens.clerk ?? ''}`,
            'content-type': 'application/json',
            'idempotency-key': randomUUID(),
          },
          body: JSON.stringify({
            channel: 'letter_registered',
            receivedOn: '2026-09-28',
            applicant: anApplicant(),
            request: anInformationRequest(),
          }),
        });
        expect(registered.status).toBe(201);
        const { trackingNumber } = (await registered.json()) as { trackingNumber: string };
        const pid = cloud.child.pid ?? -1;
        for (const marker of ['DynamoDBLocal.jar', 's3-server.ts']) {
          const victim = childRunning(pid, marker);
          process.kill(victim, 'SIGKILL');
          await eventually(`${marker} was not restarted`, async () => {
            if (childRunning(pid, marker) === victim) throw new Error('still the killed one');
            const health = await fetch(`${baseUrl}/v1/health`);
            if (health.status !== 200) throw new Error(`health ${health.status}`);
          });
          expect(cloud.output()).toContain('stopped unexpectedly (SIGKILL); restarted it with its data.');
          const found = await fetch(`${baseUrl}/v1/agencies/${agencyId}/applications/${trackingNumber}`, {
            headers: { authorization: `Bearer ${tokens.clerk ?? ''}` },
          });
          expect(found.status).toBe(200);
        }
        expect(cloud.child.exitCode).toBe(null);
        cloud.child.kill('SIGINT');
        expect(await cloud.exited).toBe(0);
      } finally {
        if (cloud.child.exitCode === null) cloud.child.kill('SIGKILL');
        await rm(cwd, { recursive: true, force: true });
      }
    },
  );

  it(
    'in memory, a killed DynamoDB Local stops the whole cloud with a message saying why',
    { timeout: 240_000 },
    async () => {
      const cwd = await mkdtemp(join(tmpdir(), 'gongkai-supervise-mem-'));
      const cloud = await startIn(cwd, ['--in-memory']);
      try {
        process.kill(childRunning(cloud.child.pid ?? -1, 'DynamoDBLocal.jar'), 'SIGKILL');
        expect(await cloud.exited).toBe(1);
        expect(cloud.output()).toContain(
          'dynamodb-local stopped unexpectedly (SIGKILL); it kept its data in memory, so it cannot be restarted as it was.\nStopping the local cloud; start it again with npm start.',
        );
        await expect(fetch(`${cloud.state.baseUrl}/v1/health`)).rejects.toThrow();
      } finally {
        if (cloud.child.exitCode === null) cloud.child.kill('SIGKILL');
        await rm(cwd, { recursive: true, force: true });
      }
    },
  );
});
