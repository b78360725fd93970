import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on the loopback interface (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/** A child process we own: stopped with SIGTERM, then SIGKILL if it lingers; never left behind. */
export class OwnedProcess {
  private exited: Promise<void>;
  private readonly killOnExit = () => {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  };

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    // If our own process exits without stopping us first, take the child down with it.
    process.once('exit', this.killOnExit);
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async stop(graceMs = 3000): Promise<void> {
    process.removeListener('exit', this.killOnExit);
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  static spawn(
    name: string,
    command: string,
    args: string[],
    env: NodeJS.ProcessEnv = process.env,
  ): OwnedProcess {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    return new OwnedProcess(name, child);
  }
}

/** Fails with a message that says how to install Java when it is missing. */
export function assertJavaAvailable(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) {
    throw new Error(
      'Java (17 or later) is needed to run DynamoDB Local, and `java` was not found on PATH.\n' +
        'Install it, then run the command again:\n' +
        '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless\n' +
        '  macOS (Homebrew): brew install openjdk@17\n' +
        '  Other systems: https://adoptium.net/ (Temurin 17)',
    );
  }
}

/** Resolves when `check` succeeds, retrying until `timeoutMs`. */
export async function waitUntil(
  what: string,
  check: () => Promise<unknown>,
  timeoutMs = 30_000,
  intervalMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      await check();
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
  throw new Error(`${what} did not become ready within ${timeoutMs} ms`, { cause: lastError });
}

/** tsx's loader as an absolute URL, so `node --import <it>` works from any working directory. */
export function tsxLoader(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}

/** A child kept running by `supervise`; `stop` stops it for good. */
export type Supervised = {
  readonly current: OwnedProcess;
  /** Stop watching (the cloud is shutting down: a child that exits now is not restarted). */
  halt: () => void;
  stop: () => Promise<void>;
};

/**
 * Keeps a child running: when it exits without being asked, `restart` starts it again (on the same port,
 * with the same data), at most `maxRestarts` times a minute. When it cannot be restarted, `giveUp` is told
 * why, in words for the operator: a dead child must never leave a server that answers 500 forever.
 */
export function supervise(options: {
  first: OwnedProcess;
  /** Undefined: this child cannot come back as it was (its data lived in its memory). */
  restart: (() => Promise<OwnedProcess>) | undefined;
  restarted: (message: string) => void;
  giveUp: (message: string) => void;
  maxRestarts?: number;
}): Supervised {
  const maxRestarts = options.maxRestarts ?? 3;
  const restarts: number[] = [];
  let current = options.first;
  let stopped = false;
  const halted = () => stopped;
  const watch = (owned: OwnedProcess) => {
    owned.child.once('exit', (code, signal) => {
      if (stopped || owned !== current) return;
      void recover(owned.name, signal ?? `exit code ${String(code)}`);
    });
  };
  const recover = async (name: string, how: string) => {
    if (stopped) return;
    const now = Date.now();
    restarts.push(now);
    while ((restarts[0] ?? now) < now - 60_000) restarts.shift();
    const died = `${name} stopped unexpectedly (${how})`;
    if (options.restart === undefined) {
      options.giveUp(`${died}; it kept its data in memory, so it cannot be restarted as it was.`);
      return;
    }
    if (restarts.length > maxRestarts) {
      options.giveUp(`${died} again: ${maxRestarts} restarts within a minute, giving up.`);
      return;
    }
    try {
      const next = await options.restart();
      // The cloud may have begun to stop while the child was starting (the flag changes across awaits).
      if (halted()) {
        await next.stop();
        return;
      }
      current = next;
      watch(next);
      options.restarted(`${died}; restarted it with its data.`);
    } catch (error) {
      options.giveUp(
        `${died} and could not be restarted: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  watch(current);
  return {
    get current() {
      return current;
    },
    halt: () => {
      stopped = true;
    },
    stop: async () => {
      stopped = true;
      await current.stop();
    },
  };
}
