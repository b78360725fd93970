/**
 * Child-process entry of the S3 emulator (s3rver), so it runs with `--openssl-legacy-provider` (its
 * ListObjectsV2 paging needs it), on the port given (0: a free one; a restart takes its old one). Prints one JSON line with its port when it listens; SIGTERM stops it.
 */
import S3rver from 's3rver';

const directory = process.argv[2];
if (directory === undefined) throw new Error('usage: s3-server.ts <directory> [port]');
const port = Number(process.argv[3] ?? '0');

const server = new S3rver({ address: '127.0.0.1', port, silent: true, directory });
const address = await server.run();
// The server never closes an idle kept-alive connection (clients close their own): otherwise a client
// reusing one as the server's 5 s timer fires gets "other side closed" mid-request under load.
server.httpServer.keepAliveTimeout = 0;
process.stdout.write(`${JSON.stringify({ ready: true, port: address.port })}\n`);

const stop = () => {
  // close() waits for idle keep-alive sockets; do not let them hold the process.
  setTimeout(() => process.exit(0), 500).unref();
  void server.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
