/**
 * `npm run sweep -- --date YYYY-MM-DD [--redo]`: runs the compliance sweep for one day, by hand, in the
 * running local cloud (the same handler the daily schedule invokes). Start the local cloud first:
 * `npm start`. It finds it through `.data/local.json` in the project (wherever it is run from), or
 * `--state-file <path>` for a cloud started with one. Days after the last one swept are caught up;
 * `--redo` sweeps the given past day again (nothing is recorded twice). A day after today in China time
 * is refused.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const usage = 'usage: npm run sweep -- --date YYYY-MM-DD [--redo] [--state-file <path>]';
let values: { date?: string; redo?: boolean; 'state-file'?: string };
try {
  ({ values } = parseArgs({
    options: {
      date: { type: 'string' },
      redo: { type: 'boolean', default: false },
      'state-file': { type: 'string' },
    },
  }));
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}
const date = values.date;
if (
  date === undefined ||
  !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
  Number.isNaN(Date.parse(`${date}T00:00:00Z`))
) {
  console.error(usage);
  process.exit(2);
}
/** The project's root: `npm start` writes its state under `.data/` there. */
const projectRoot = resolve(import.meta.dirname, '../..');
const stateFile =
  values['state-file'] === undefined
    ? resolve(projectRoot, '.data/local.json')
    : resolve(values['state-file']);
let baseUrl: string;
try {
  const state = JSON.parse(await readFile(stateFile, 'utf8')) as { baseUrl: string };
  baseUrl = state.baseUrl;
} catch {
  console.error(
    `No running local cloud found (${stateFile}). Start it with \`npm start\` in another terminal.`,
  );
  process.exit(1);
}
try {
  const response = await fetch(`${baseUrl}/_local/sweep`, {
    method: 'POST',
    body: JSON.stringify({ date, ...(values.redo === true ? { redo: true } : {}) }),
  });
  const text = await response.text();
  if (!response.ok) {
    console.error(`The sweep failed (${response.status}): ${text}`);
    process.exit(1);
  }
  console.log(JSON.stringify(JSON.parse(text), null, 2));
} catch {
  console.error(`The local cloud at ${baseUrl} does not answer. Is \`npm start\` still running?`);
  process.exit(1);
}
