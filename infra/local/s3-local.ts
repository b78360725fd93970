import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OwnedProcess, tsxLoader } from './processes';

/** Credentials s3rver accepts (it checks signatures with these). */
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export type S3Local = {
  endpoint: string;
  process: OwnedProcess;
  /** Starts s3rver again on its port and directory (after it died): the objects are still there. */
  restart: () => Promise<OwnedProcess>;
  stop: () => Promise<void>;
};

/**
 * Starts s3rver in a child process on a free loopback port, storing objects in `directory` (or in a
 * temporary directory removed when it stops).
 */
export async function startS3Local(options: { directory?: string | undefined }): Promise<S3Local> {
  const temporary = options.directory === undefined;
  const directory = options.directory ?? (await mkdtemp(join(tmpdir(), 'gongkai-s3-')));
  const first = await spawnS3rver(directory, 0);
  let current = first.child;
  return {
    endpoint: `http://127.0.0.1:${first.port}`,
    process: first.child,
    restart: async () => {
      current = (await spawnS3rver(directory, first.port)).child;
      return current;
    },
    stop: async () => {
      await current.stop();
      if (temporary) await rm(directory, { recursive: true, force: true });
    },
  };
}

async function spawnS3rver(
  directory: string,
  wanted: number,
): Promise<{ child: OwnedProcess; port: number }> {
  const entry = fileURLToPath(new URL('./s3-server.ts', import.meta.url));
  // tsx by absolute URL, so the child starts whatever the working directory.
  const child = OwnedProcess.spawn('s3rver', process.execPath, [
    '--openssl-legacy-provider',
    '--import',
    tsxLoader(),
    entry,
    directory,
    String(wanted),
  ]);
  const port = await new Promise<number>((resolve, reject) => {
    let buffer = '';
    let errors = '';
    const timer = setTimeout(() => reject(new Error(`s3rver did not start within 30 s: ${errors}`)), 30_000);
    child.child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((candidate) => candidate.includes('"ready"'));
      if (line !== undefined) {
        clearTimeout(timer);
        const parsed: unknown = JSON.parse(line);
        const value =
          parsed !== null && typeof parsed === 'object' && 'port' in parsed ? parsed.port : undefined;
        if (typeof value === 'number') resolve(value);
        else reject(new Error(`s3rver printed no port: ${line}`));
      }
    });
    child.child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`s3rver exited (${code}): ${errors}`));
    });
  });
  return { child, port };
}
