/**
 * `npm start`: the local cloud with a demo agency. Prints the base URL and one demo token per role, and
 * writes them to `.data/local.json` for scripts and tests. Ctrl-C (SIGINT) or SIGTERM stops everything.
 *
 * Flags: --in-memory (no data kept; tests), --state-file <path>, --allow-clock-header (tests),
 * --no-throttle, --no-schedule, --quiet, --exit-with-stdin (stop when the parent closes our stdin).
 * Environment: PORT (gateway port), GONGKAI_NOW (a fixed business clock, ISO 8601).
 */
// Known and planned for: the SDK asks for Node 22 from January 2027 (see README, "Toolchain").
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalCloud, type LocalCloud } from './local-cloud';

const { values: flags } = parseArgs({
  options: {
    'in-memory': { type: 'boolean', default: false },
    'state-file': { type: 'string' },
    'allow-clock-header': { type: 'boolean', default: false },
    'no-throttle': { type: 'boolean', default: false },
    'no-schedule': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    'exit-with-stdin': { type: 'boolean', default: false },
  },
});

const dataDir = resolve('.data');
const stateFile = resolve(flags['state-file'] ?? `${dataDir}/local.json`);
const port = process.env.PORT === undefined || process.env.PORT === '' ? 0 : Number(process.env.PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not ${process.env.PORT ?? ''}`);
  process.exit(2);
}
let fixedNow: Date | undefined;
if (process.env.GONGKAI_NOW !== undefined && process.env.GONGKAI_NOW !== '') {
  fixedNow = new Date(process.env.GONGKAI_NOW);
  if (Number.isNaN(fixedNow.getTime())) {
    console.error(`GONGKAI_NOW must be an ISO 8601 time, not ${process.env.GONGKAI_NOW}`);
    process.exit(2);
  }
}
const say = (message: string) => {
  if (!flags.quiet) console.log(message);
};

let cloud: LocalCloud | undefined;
let stopping = false;
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  say('\nStopping the local cloud…');
  await cloud?.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
if (flags['exit-with-stdin']) {
  process.stdin.on('end', () => void shutdown(0));
  process.stdin.on('close', () => void shutdown(0));
  process.stdin.resume();
}

try {
  say('Starting the Gongkai local cloud…');
  cloud = await startLocalCloud({
    dataDir: flags['in-memory'] ? undefined : dataDir,
    port,
    fixedNow,
    allowClockHeader: flags['allow-clock-header'],
    throttle: !flags['no-throttle'],
    schedule: !flags['no-schedule'],
    log: say,
    onFatal: (message) => {
      console.error(`${message}\nStopping the local cloud; start it again with npm start.`);
      void shutdown(1);
    },
    ...(flags.quiet
      ? {}
      : { onRequest: (r) => console.log(`${r.method} ${r.path} → ${r.status} (${r.ms} ms)`) }),
  });
  const { stop: _stop, drainStream: _drain, ...state } = cloud;
  await mkdir(dirname(stateFile), { recursive: true });
  await writeFile(stateFile, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  say(`\nThe citizen portal (公众门户): ${cloud.baseUrl}/`);
  say(`  demo agency's page: ${cloud.baseUrl}/agencies/${cloud.agencyId}`);
  say(`\nThe staff console (工作台): ${cloud.baseUrl}/console`);
  say(
    '  sign in locally: the local identity page lists the demo accounts (clerk, reviewer, secrecy_reviewer,',
  );
  say('  approver, supervisor, agency_admin, platform_admin, second_reviewer); choose one, no password.');
  say(
    `  e-mails: ${Object.values(cloud.staff)
      .map((account) => account.email)
      .join(', ')}`,
  );
  say(`\nThe API: ${cloud.baseUrl}/v1/  (try: curl ${cloud.baseUrl}/v1/health)`);
  say(`  demo agency: ${cloud.agencyId}${fixedNow ? `; fixed clock: ${fixedNow.toISOString()}` : ''}`);
  say(`  data: ${flags['in-memory'] ? 'in memory (discarded on exit)' : dataDir}`);
  say(`  behind it: DynamoDB Local at ${cloud.dynamodbEndpoint}; s3rver at ${cloud.s3Endpoint}`);
  // Tokens are never written to the console or a log, only to the state file (mode 600).
  say(`  demo staff tokens (Authorization: Bearer <token>) for ${Object.keys(cloud.tokens).join(', ')}:`);
  say(`    in ${stateFile} (.tokens.<role>), or POST /_local/sign-in {"email": …}`);
  say('\nPress Ctrl-C to stop.');
  // One machine-readable line for whoever started us (tests).
  console.log(`GONGKAI_LOCAL_READY ${JSON.stringify({ stateFile, baseUrl: cloud.baseUrl })}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
