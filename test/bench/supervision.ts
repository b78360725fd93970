import { createHash } from 'node:crypto';
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { DynamoAgencyStore } from '#lib/adapters/agency-store';
import { createDocumentClient } from '#lib/adapters/aws-clients';
import { keys } from '#lib/adapters/keys';
import { RecordsTable } from '#lib/adapters/records-table';
import { DynamoReportStore } from '#lib/adapters/report-store';
import { DynamoSweepStore } from '#lib/adapters/sweep-store';
import { loadConfig } from '#lib/config';
import { FUJIAN_TABLE } from '#lib/domain/assessment-tables';
import { addDays, type IsoDate } from '#lib/domain/calendar/civil-date';
import { WorkingCalendar } from '#lib/domain/calendar/working-calendar';
import { decisionMoves, receiptMoves, type DayMove } from '#lib/domain/compliance';
import { defaultAnnualReportCutoff } from '#lib/domain/agency';
import type { Principal } from '#lib/domain/staff';
import { annualReportCutoff, ESCALATION_WORKING_DAYS, type Breach } from '#lib/domain/sweep';
import { functionDefinitions } from '#lib/platform/functions';
import { assessTree, complianceOverTree } from '#lib/use-cases/supervision';
import { batchPut, benchCloud, counts, directClient, readApplications, resetCounts } from './local-cloud';
import { quantile, round, type Table } from './table';

/**
 * Supervision over a province — 1 province, 20 cities, 1,979 departments: 2,000 agencies with 25
 * applications each — next to one city's (100 agencies): the roll-up (汇总) of their 2041 annual reports,
 * the compliance table (依法履职情况) of 2041 and the 2041 assessment (考核) on Fujian's points table; and,
 * as the baseline of what summing cases instead of counters would cost, one pass over every application
 * of the province.
 *
 * One city and one department go through the API (agencies, staff, an application); the rest are copies
 * of their stored items written straight into the table, each with its tree link, its counter item for
 * the year (counted as the store counts: one cell per receipt and decision), its applications, its day
 * counters (one item per day with a receipt or decision, the cells those moves make) and its breaches
 * (shaped as the sweep records them: the late replies, an overdue publication, some a missing report).
 */
const CITIES = 20;
const AGENCIES = 2_000;
const CASES_PER_AGENCY = 25;
/** Of each agency's applications, the first are decided in the year; the last of those too late. */
const DECIDED_PER_AGENCY = 20;
const LATE_PER_AGENCY = 2;
/** Reg. 33: the reply is due 20 working days after receipt. */
const REPLY_WORKING_DAYS = 20;
const RUNS = 5;
const YEAR = 2041;
/** The day the bench reads on: the year's reports are due, its breaches recorded. */
const TODAY = `${YEAR + 1}-02-01`;
/** BatchWriteItems in flight at once while seeding. */
const WRITERS = 8;
/** Lambda's limit on a synchronous function's response. */
const LAMBDA_RESPONSE_BYTES = 6 * 1024 * 1024;

type Call = (method: string, path: string, body: unknown, token: string) => Promise<Record<string, unknown>>;

const office = {
  officeName: '政务公开办',
  head: '负责人',
  address: '示例路1号',
  openingHours: '9-17',
  phone: '010-1234567',
  fax: null,
  email: 'gk@bench.cn',
  website: null,
};

export async function supervisionBench(): Promise<Table> {
  const cloud = await benchCloud();
  const client = directClient(cloud);
  /** The answer as the gateway sent it (its size is what Lambda would have had to return). */
  const send = async (method: string, path: string, body: unknown, token: string): Promise<string> => {
    const response = await fetch(`${cloud.baseUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-gongkai-now': `${TODAY}T02:00:00Z`,
      },
      ...(method === 'GET' ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text;
  };
  const call: Call = async (method, path, body, token) =>
    JSON.parse(await send(method, path, body, token)) as Record<string, unknown>;
  const platform = cloud.tokens.platform_admin;
  const province = 'bench-province';
  const agency = async (agencyId: string, parentAgencyId: string | null, level: string) =>
    call(
      'POST',
      '/v1/agencies',
      { agencyId, name: `基准 ${agencyId}`, level, profile: office, parentAgencyId },
      platform,
    );
  await agency(province, null, 'government');
  await agency('bench-city-00', province, 'government');
  await agency('bench-dept-0000', 'bench-city-00', 'department');
  const staffToken = async (agencyId: string, email: string, role: string) =>
    String(
      (await call('POST', `/v1/agencies/${agencyId}/staff`, { email, name: '基准', roles: [role] }, platform))
        .token,
    );
  const supervisor = await staffToken(province, 'supervisor@bench.cn', 'supervisor');
  const citySupervisor = await staffToken('bench-city-00', 'city@bench.cn', 'supervisor');
  const clerk = await staffToken('bench-dept-0000', 'clerk@bench.cn', 'clerk');
  const registered = await call(
    'POST',
    '/v1/agencies/bench-dept-0000/applications/registrations',
    {
      channel: 'letter_registered',
      receivedOn: `${YEAR}-03-01`,
      applicant: {
        type: 'natural_person',
        name: '测试',
        idDocument: { type: 'resident_id_card', number: '110101199001011234' },
        address: '北京市东城区1号',
        phone: '13800000000',
      },
      request: { description: '道路维修资金使用情况', form: 'electronic', delivery: 'email' },
    },
    clerk,
  );

  // The stored shapes to copy: an agency, its tree link, an application.
  const get = async (key: Record<string, unknown>) =>
    (await client.send(new GetCommand({ TableName: cloud.tableName, Key: key }))).Item ?? {};
  const agencyTemplate = await get(keys.agency('bench-dept-0000'));
  const caseTemplate = await get(keys.application(String(registered.trackingNumber)));

  const seeded = performance.now();
  const tree: { agencyId: string; parentAgencyId: string }[] = [];
  for (let city = 1; city < CITIES; city += 1)
    tree.push({ agencyId: `bench-city-${String(city).padStart(2, '0')}`, parentAgencyId: province });
  for (let dept = 1; tree.length + 3 < AGENCIES; dept += 1)
    tree.push({
      agencyId: `bench-dept-${String(dept).padStart(4, '0')}`,
      parentAgencyId: `bench-city-${String(dept % CITIES).padStart(2, '0')}`,
    });
  const levelOf = (agencyId: string) => (agencyId.startsWith('bench-dept') ? 'department' : 'government');
  const items: Record<string, unknown>[] = [];
  for (const { agencyId, parentAgencyId } of tree) {
    items.push({
      ...agencyTemplate,
      ...keys.agency(agencyId),
      ...keys.agencyDirectory(agencyId),
      agencyId,
      name: `基准 ${agencyId}`,
      parentAgencyId,
      level: levelOf(agencyId),
    });
    items.push({ ...keys.agencyChild(parentAgencyId, agencyId), entity: 'agency_child', agencyId });
  }
  const parentOf = new Map<string, string | null>([
    [province, null],
    ['bench-city-00', province],
    ['bench-dept-0000', 'bench-city-00'],
    ...tree.map((node): [string, string] => [node.agencyId, node.parentAgencyId]),
  ]);
  const everyAgency = [...parentOf.keys()];
  const caseIdOf = (agencyId: string, i: number) =>
    `${YEAR}-${agencyId
      .slice(-4)
      .toUpperCase()
      .replace(/[^0-9A-Z]/g, 'X')}-${String(i).padStart(4, '0')}`;
  for (const agencyId of everyAgency) {
    for (let i = 0; i < CASES_PER_AGENCY; i += 1) {
      const id = caseIdOf(agencyId, i);
      items.push({
        ...caseTemplate,
        ...keys.application(`bench#${agencyId}#${i}`),
        id,
        agencyId,
        gsi1pk: keys.applicationsByAgency(agencyId, true),
        gsi1sk: keys.applicationQueueSort(`${YEAR}-03-01`, id),
      });
    }
  }

  // Each agency's day counters and breaches, as its receipts, decisions and the sweep would have left them.
  const calendar = new WorkingCalendar();
  const after = (day: IsoDate, workingDays: number) => calendar.addWorkingDays(day, workingDays).dueDate;
  const workingDays: IsoDate[] = [];
  for (let day = `${YEAR}-01-01`; day <= `${YEAR}-12-31`; day = addDays(day, 1))
    if (calendar.isWorkingDay(day)) workingDays.push(day);
  // Early enough for the latest decision (25 working days on) and its breach to fall in the year.
  const receiptDays = workingDays.slice(0, -30);
  const receiptDay = (n: number): IsoDate => {
    const day = receiptDays[n % receiptDays.length];
    if (day === undefined) throw new Error(`no working day ${n} in ${YEAR}`);
    return day;
  };
  /** An open breach the sweep left alone: it climbed a level every 5 working days, then stayed at the top. */
  const escalated = (agencyId: string, recordedOn: IsoDate) => {
    const escalations: { on: IsoDate; to: string }[] = [];
    let level = agencyId;
    let on = recordedOn;
    for (let parent = parentOf.get(level) ?? null; parent !== null; parent = parentOf.get(level) ?? null) {
      on = after(on, ESCALATION_WORKING_DAYS);
      escalations.push({ on, to: parent });
      level = parent;
    }
    // Recorded (version 1), each climb, and the check that found it at the top.
    return { level, escalations, escalateOn: null, status: 'open' as const, version: escalations.length + 2 };
  };
  const breaches: Breach[] = [];
  let dayItems = 0;
  for (const [index, agencyId] of everyAgency.entries()) {
    const handler = { staffId: 'stf_bench', name: '基准' };
    const moves: DayMove[] = [];
    for (let i = 0; i < CASES_PER_AGENCY; i += 1) {
      // Application 0 was received on the day the one registered through the API was: bench-dept-0000's
      // item of that day, seeded with that one receipt among its moves, replaces the one the API wrote.
      const receivedOn = i === 0 ? `${YEAR}-03-01` : receiptDay(index * 7 + i * 9);
      moves.push(...receiptMoves(receivedOn));
      if (i >= DECIDED_PER_AGENCY) continue;
      const late = i >= DECIDED_PER_AGENCY - LATE_PER_AGENCY;
      const dueDate = after(receivedOn, REPLY_WORKING_DAYS);
      const replyDays = late ? REPLY_WORKING_DAYS + 1 + ((index + i) % 5) : 2 + ((index * 5 + i * 3) % 18);
      moves.push(
        ...decisionMoves(calendar, { receivedOn, decidedOn: after(receivedOn, replyDays), dueDate }),
      );
      if (!late) continue;
      const id = caseIdOf(agencyId, i);
      breaches.push({
        breachKey: `${dueDate.slice(0, 4)}#reply_overdue#application#${id}#reply`,
        agencyId,
        kind: 'reply_overdue',
        case: { agencyId, kind: 'application', id },
        clock: 'reply',
        subject: `政府信息公开申请 ${id}`,
        dueDate,
        recordedOn: after(dueDate, 1),
        accountable: { primary: handler, secondary: { role: 'office_head', agencyId, name: office.head } },
        level: agencyId,
        escalations: [],
        // Decided before its first escalation was due: the sweep found it resolved.
        escalateOn: null,
        status: 'resolved',
        version: 2,
      });
    }
    const byDay = new Map<IsoDate, Record<string, number>>();
    for (const move of moves) {
      const cells = byDay.get(move.day) ?? {};
      cells[move.cell] = (cells[move.cell] ?? 0) + (move.by ?? 1);
      byDay.set(move.day, cells);
    }
    for (const [day, cells] of byDay)
      items.push({ ...keys.dayCounters(agencyId, day), entity: 'day_counters', ...cells });
    dayItems += byDay.size;

    const submission = `sub_bench${String(index).padStart(5, '0')}`;
    const publicationDue = receiptDay(index * 11);
    const publicationRecorded = after(publicationDue, 1);
    breaches.push({
      breachKey: `${YEAR}#publication_overdue#submission#${submission}#publication`,
      agencyId,
      kind: 'publication_overdue',
      case: { agencyId, kind: 'submission', id: submission },
      clock: 'publication',
      subject: `基准事项 ${index}`,
      dueDate: publicationDue,
      recordedOn: publicationRecorded,
      accountable: { primary: handler, secondary: null },
      ...escalated(agencyId, publicationRecorded),
    });
    if (index % 10 === 0) {
      const cutoff = annualReportCutoff(defaultAnnualReportCutoff(levelOf(agencyId)), YEAR - 1);
      const reportRecorded = addDays(cutoff, 1);
      breaches.push({
        breachKey: `${YEAR - 1}#annual_report_missing#annual_report#${YEAR - 1}#report`,
        agencyId,
        kind: 'annual_report_missing',
        case: null,
        clock: null,
        subject: `${YEAR - 1}年度政府信息公开工作年度报告`,
        dueDate: cutoff,
        recordedOn: reportRecorded,
        accountable: { primary: null, secondary: null },
        ...escalated(agencyId, reportRecorded),
      });
    }
  }
  // As `DynamoSweepStore.recordBreach` keeps them: the case item, listed per agency, with its chain head.
  for (const breach of breaches)
    items.push({
      ...keys.breach(breach.agencyId, breach.breachKey),
      ...keys.breachesOfAgency(breach.agencyId, breach.breachKey),
      ...(breach.status === 'open' && breach.escalateOn !== null
        ? keys.breachEscalation(breach.escalateOn, breach.agencyId, breach.breachKey)
        : {}),
      entity: 'breach',
      ...breach,
      chainSeq: breach.version,
      chainHash: createHash('sha256').update(`${breach.breachKey}#${breach.version}`).digest('hex'),
    });
  await putAll(client, cloud.tableName, items);
  // Each agency's counters for the year, as its store would have counted its 25 receipts and 20 decisions.
  await Promise.all(
    Array.from({ length: 16 }, async (_, worker) => {
      for (let i = worker; i < everyAgency.length; i += 16) {
        const agencyId = everyAgency[i] ?? province;
        await client.send(
          new UpdateCommand({
            TableName: cloud.tableName,
            Key: keys.statistics(agencyId, YEAR),
            UpdateExpression: 'ADD #r :r, #d :d',
            ExpressionAttributeNames: {
              '#r': 'received.natural_person',
              '#d': 'decided.disclosed.natural_person',
            },
            ExpressionAttributeValues: {
              ':r': agencyId === 'bench-dept-0000' ? CASES_PER_AGENCY - 1 : CASES_PER_AGENCY,
              ':d': DECIDED_PER_AGENCY,
            },
          }),
        );
      }
    }),
  );
  const seedSeconds = round((performance.now() - seeded) / 1000);

  /** A read `RUNS` times: its round trips, items and units (averaged), times, and the size of its answer. */
  const measure = async (
    what: string,
    answer: () => Promise<string>,
    problemOf: (json: unknown) => string | null,
  ) => {
    const times: number[] = [];
    let trips = 0;
    let itemsRead = 0;
    let readUnits = 0;
    let bytes = 0;
    for (let run = 0; run < RUNS; run += 1) {
      resetCounts();
      const started = performance.now();
      const text = await answer();
      times.push(performance.now() - started);
      trips += counts.requests;
      itemsRead += counts.itemsRead;
      readUnits += counts.billedReadUnits;
      bytes = Buffer.byteLength(text);
      const problem = problemOf(JSON.parse(text));
      if (problem !== null) throw new Error(`${what}: ${problem}`);
    }
    return {
      bytes,
      figures: [
        round(trips / RUNS),
        round(itemsRead / RUNS),
        round(readUnits / RUNS, 1),
        round(quantile(times, 0.5)),
        round(Math.max(...times)),
      ],
      p50: quantile(times, 0.5),
    };
  };
  const membersOf = (rootId: string) =>
    everyAgency.filter((agencyId) => {
      for (let at: string | null = agencyId; at !== null; at = parentOf.get(at) ?? null)
        if (at === rootId) return true;
      return false;
    });
  const rollUp = (agencyId: string, token: string, expectedAgencies: number) => {
    const path = `/v1/agencies/${agencyId}/roll-ups/${YEAR}`;
    return measure(
      `GET ${path}`,
      () => send('GET', path, undefined, token),
      (answer) => {
        const rolled = RollUpAnswer.parse(answer);
        const received = rolled.tables.applications.total.received;
        const agencies = rolled.agencies.length;
        return agencies === expectedAgencies && received === expectedAgencies * CASES_PER_AGENCY
          ? null
          : `the roll-up holds ${agencies} agencies and ${received} receipts; expected ${expectedAgencies} and ${expectedAgencies * CASES_PER_AGENCY}`;
      },
    );
  };
  // The compliance table and the assessment, called in process with the oversight function's wiring
  // (functions/oversight.ts), its DynamoDB client through the same counting proxy; the answer is what
  // the handler would serialize. In process, so no function timeout cuts a slow read short.
  const config = loadConfig(process.env, 'oversight');
  const documents = createDocumentClient(config);
  const records = new RecordsTable(documents, config.tableName);
  const agencies = new DynamoAgencyStore(records);
  const reports = new DynamoReportStore(records);
  const complianceDeps = { agencies, days: reports, breaches: new DynamoSweepStore(records, agencies) };
  const assessmentDeps = { ...complianceDeps, reports };
  const supervisorOf = (agencyId: string): Principal => ({
    staffId: 'stf_benchsupervisor0000',
    agencyId,
    roles: new Set(['supervisor']),
  });
  const from = `${YEAR}-01-01`;
  const to = `${YEAR}-12-31`;
  const compliance = (agencyId: string) => {
    const members = new Set(membersOf(agencyId));
    const theirs = breaches.filter((breach) => members.has(breach.agencyId));
    const expected = {
      rows: members.size,
      received: members.size * CASES_PER_AGENCY,
      decided: members.size * DECIDED_PER_AGENCY,
      overdue: members.size * LATE_PER_AGENCY,
      breachesOpen: theirs.filter((breach) => breach.status === 'open').length,
      breachesResolved: theirs.filter((breach) => breach.status === 'resolved').length,
    };
    const read = async () =>
      JSON.stringify(
        await complianceOverTree(complianceDeps, supervisorOf(agencyId), agencyId, { from, to }, TODAY),
      );
    return measure(`complianceOverTree(${agencyId})`, read, (answer) => {
      const { rows, totals } = ComplianceAnswer.parse(answer);
      // The schema strips what it does not name: the same fields, in `expected`'s order.
      const found = { rows: rows.length, ...totals };
      return JSON.stringify(found) === JSON.stringify(expected)
        ? null
        : `the compliance table holds ${JSON.stringify(found)}; expected ${JSON.stringify(expected)}`;
    });
  };
  const assessment = (agencyId: string, expectedAgencies: number) => {
    const read = async () =>
      JSON.stringify(await assessTree(assessmentDeps, supervisorOf(agencyId), agencyId, YEAR, FUJIAN_TABLE));
    return measure(`assessTree(${agencyId})`, read, (answer) => {
      const agencies = AssessmentAnswer.parse(answer).agencies.length;
      return agencies === expectedAgencies
        ? null
        : `the assessment scores ${agencies} agencies; expected ${expectedAgencies}`;
    });
  };
  const city = 'bench-city-00';
  const cityAgencies = membersOf(city).length;
  const provinceRollUp = await rollUp(province, supervisor, AGENCIES);
  // The city, the department made through the API, and the copies under it.
  const cityRollUp = await rollUp(city, citySupervisor, cityAgencies);
  const provinceCompliance = await compliance(province);
  const cityCompliance = await compliance(city);
  const provinceAssessment = await assessment(province, AGENCIES);
  const cityAssessment = await assessment(city, cityAgencies);

  // Baseline: one pass over every application of the province's agencies (one Query each, by key).
  const started = performance.now();
  let queries = 0;
  let seen = 0;
  let readUnits = 0;
  for (const agencyId of everyAgency) {
    const read = await readApplications(client, cloud.tableName, agencyId, true);
    queries += read.pages;
    seen += read.items;
    readUnits += read.readUnits;
  }
  const passMs = round(performance.now() - started);
  client.destroy();
  documents.destroy();

  const theProvince = `the province: ${AGENCIES.toLocaleString('en')} agencies, ${(AGENCIES * CASES_PER_AGENCY).toLocaleString('en')} applications`;
  const aCity = `a city: ${cityAgencies} agencies, ${(cityAgencies * CASES_PER_AGENCY).toLocaleString('en')} applications`;
  const kib = (bytes: number) => `${round(bytes / 1024).toLocaleString('en')} KiB`;
  const reads = [
    ['roll-up of', theProvince, provinceRollUp],
    ['roll-up of', aCity, cityRollUp],
    [`compliance ${from}…${to} (in process) of`, theProvince, provinceCompliance],
    [`compliance ${from}…${to} (in process) of`, aCity, cityCompliance],
    [`assessment ${YEAR}, ${FUJIAN_TABLE.id} (in process) of`, theProvince, provinceAssessment],
    [`assessment ${YEAR}, ${FUJIAN_TABLE.id} (in process) of`, aCity, cityAssessment],
  ] as const;
  const nameOf = ([what, over]: (typeof reads)[number]) => `${what.split(' ')[0]} of ${over.split(':')[0]}`;
  const timeout = functionDefinitions.find((definition) => definition.name === 'oversight')?.timeoutSeconds;
  if (timeout === undefined) throw new Error('There is no oversight function.');
  const tooSlow = reads.filter(([, , read]) => read.p50 > timeout * 1000).map(nameOf);
  const tooBig = reads.filter(([, , read]) => read.bytes > LAMBDA_RESPONSE_BYTES).map(nameOf);
  return {
    title: `Supervision over a tree in ${YEAR}: roll-up, compliance, assessment (${RUNS} runs each; roll-ups through the local gateway, the rest in process; DynamoDB Local)`,
    columns: ['read', 'DynamoDB round trips', 'items read', 'read units', 'p50 ms', 'max ms'],
    rows: [
      ...reads.map(([what, over, read]) => [`${what} ${over}`, ...read.figures]),
      [
        `baseline: one pass over the province's ${seen.toLocaleString('en')} applications (${queries.toLocaleString('en')} Queries, by key)`,
        queries,
        seen,
        round(readUnits, 1),
        passMs,
        '—',
      ],
    ],
    notes: [
      `Seeding took ${seedSeconds} s: besides the agencies, counters and applications, ${dayItems.toLocaleString('en')} day-counter items (${round(dayItems / everyAgency.length)} an agency: one per day with a receipt or decision) and ${breaches.length.toLocaleString('en')} breaches (per agency ${LATE_PER_AGENCY} late replies, resolved; an overdue publication, open at the top of the tree; every tenth agency its missing ${YEAR - 1} report).`,
      `Per agency the roll-up makes two Queries — its children, its counter items — and reads its own item, its figures, last year's report and its publication mark in BatchGetItems of 100 keys. The compliance table makes three Queries an agency — its children, its day counters of the range, its breaches from the year before — and reads the agencies' items in batches of 100; the assessment four — its children, day counters, breaches, counter items — and reads last year's publication marks as well. All O(agencies), whatever the number of applications. The baseline reads every application (25 an agency here; a city department has hundreds a year) and would still have to count them. Read units: on-demand, as billed.`,
      `Answers: ${reads.map((read) => `${nameOf(read)} ${kib(read[2].bytes)}`).join(', ')}.`,
      `The oversight function times out after ${timeout} s (its handler answers 503 just before) and Lambda returns at most 6 MiB; neither is enforced in process. Slower at p50 than that timeout: ${tooSlow.length === 0 ? 'none' : tooSlow.join(', ')}. Answers over 6 MiB: ${tooBig.length === 0 ? 'none' : tooBig.join(', ')}.`,
    ],
  };
}

const RollUpAnswer = z.object({
  agencies: z.array(z.unknown()),
  tables: z.object({ applications: z.object({ total: z.object({ received: z.number() }) }) }),
});
const ComplianceAnswer = z.object({
  rows: z.array(z.unknown()),
  totals: z.object({
    received: z.number(),
    decided: z.number(),
    overdue: z.number(),
    breachesOpen: z.number(),
    breachesResolved: z.number(),
  }),
});
const AssessmentAnswer = z.object({ agencies: z.array(z.unknown()) });

/** Seeds `items` as `batchPut` does, `WRITERS` BatchWriteItems at a time (each writer a share in order). */
async function putAll(
  client: DynamoDBDocumentClient,
  table: string,
  items: readonly Record<string, unknown>[],
): Promise<void> {
  const share = Math.ceil(items.length / WRITERS / 25) * 25;
  await Promise.all(
    Array.from({ length: WRITERS }, (_, writer) =>
      batchPut(client, table, items.slice(writer * share, (writer + 1) * share)),
    ),
  );
}
