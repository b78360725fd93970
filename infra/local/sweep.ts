/**
 * `npm run sweep -- --date YYYY-MM-DD`: runs the compliance sweep for one day, by hand, in the running
 * local cloud (the same handler the daily schedule invokes). Start the local cloud first: `npm start`.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { date: { type: 'string' }, 'state-file': { type: 'string' } } });
const date = values.date;
if (
  date === undefined ||
  !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
  Number.isNaN(Date.parse(`${date}T00:00:00Z`))
) {
  console.error('usage: npm run sweep -- --date YYYY-MM-DD');
  process.exit(2);
}
const stateFile = resolve(values['state-file'] ?? '.data/local.json');
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
  const response = await fetch(`${baseUrl}/_local/sweep`, { method: 'POST', body: JSON.stringify({ date }) });
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
