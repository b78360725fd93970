/**
 * `npm run bench`: every benchmark, each printing its figures next to a baseline measured in the same
 * run. Figures, not assertions: speed and cost are reported here, never asserted in tests.
 */
import { annualReportBench } from './annual-report';
import { applicationsBench } from './applications';
import { readingRoomBench } from './reading-room';
import { sweepBench } from './sweep';
import { calendarBench } from './calendar';
import { stopBenchCloud } from './local-cloud';
import { coldStartBench } from './cold-start';
import { staffCheckBench } from './staff-check';
import { portalBench } from './portal';
import { consoleBench } from './console';
import { costBench } from './cost';
import { supervisionBench } from './supervision';
import { printTable, type Table } from './table';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const benches: { name: string; run: () => Promise<Table | Table[]> }[] = [
  { name: 'cold start', run: coldStartBench },
  // First of the benches on the local cloud: its storage figures diff full Scans of a table still small.
  { name: 'cost', run: costBench },
  { name: 'calendar', run: calendarBench },
  { name: 'applications', run: applicationsBench },
  { name: 'reading room', run: readingRoomBench },
  { name: 'sweep', run: sweepBench },
  { name: 'annual report', run: annualReportBench },
  { name: 'staff check', run: staffCheckBench },
  { name: 'portal', run: portalBench },
  { name: 'console', run: consoleBench },
  // Last: it adds 2,000 agencies to the directory the portal and console benches list.
  { name: 'supervision', run: supervisionBench },
];

const only = process.argv.slice(2);
for (const bench of benches) {
  if (only.length > 0 && !only.some((name) => bench.name.includes(name))) continue;
  const tables = await bench.run();
  for (const table of Array.isArray(tables) ? tables : [tables]) printTable(table);
}
await stopBenchCloud();
