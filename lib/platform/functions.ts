/**
 * The Lambda functions, one per file in `functions/`, with what each may touch. The CDK stack turns each
 * grant into least-privilege IAM and environment variables; the local cloud calls the same handlers.
 */
export type Access = 'none' | 'read' | 'readWrite';

export type FunctionDefinition = {
  readonly name: string;
  readonly description: string;
  readonly trigger: 'http' | 'stream' | 'schedule';
  readonly memoryMb: number;
  readonly timeoutSeconds: number;
  readonly records: Access;
  readonly archive: Access;
  readonly uploads: Access;
  /** May administer staff accounts in the user pool. */
  readonly userPool: boolean;
  /** Reads the applicant-key secret (the keyed hash of identity numbers). */
  readonly applicantKey?: boolean;
  /** Signs staff in: the console's OpenID Connect client (issuer, client id, endpoints). */
  readonly staffSignIn?: boolean;
};

type HttpGrants = Partial<
  Pick<
    FunctionDefinition,
    | 'records'
    | 'archive'
    | 'uploads'
    | 'userPool'
    | 'memoryMb'
    | 'timeoutSeconds'
    | 'applicantKey'
    | 'staffSignIn'
  >
>;
const httpDefaults = {
  trigger: 'http',
  memoryMb: 512,
  timeoutSeconds: 10,
  records: 'none',
  archive: 'none',
  uploads: 'none',
  userPool: false,
} as const;

/** An HTTP function: the defaults, overridden by its grants (kept literal, so its config type follows). */
const http = <N extends string, const G extends HttpGrants>(
  name: N,
  description: string,
  grants: G,
): Omit<typeof httpDefaults, keyof G> & G & { readonly name: N; readonly description: string } => ({
  ...httpDefaults,
  ...grants,
  name,
  description,
});

export const functionDefinitions = [
  http('health', 'Reports whether the table and the archive answer', { records: 'read', archive: 'read' }),
  http('agencies', 'Agency directory, agency creation and office profiles', { records: 'readWrite' }),
  http('staff', 'Staff accounts and their roles', { records: 'readWrite', userPool: true }),
  http('openapi', 'The OpenAPI document', {}),
  http('uploads', 'Presigned upload URLs for attachments', { uploads: 'readWrite' }),
  http('intake', 'Citizens’ applications: submit, status page, clarification, withdrawal', {
    records: 'readWrite',
    archive: 'read',
    uploads: 'readWrite',
    applicantKey: true,
  }),
  http('submission', 'Proactive disclosure: catalogue, review chain, obligations and submissions', {
    records: 'readWrite',
    uploads: 'readWrite', // copies the files a submission takes to their kept keys
  }),
  http('review', 'The signed review chain; the final approval publishes', {
    records: 'readWrite',
    uploads: 'readWrite',
  }),
  http('reading-room', 'The public reading room, internal publications and withdrawals', {
    records: 'readWrite',
  }),
  http('oversight', 'Breaches, reminders, notifications and roll-ups, along the agency tree', {
    records: 'read',
    // A roll-up reads a province's agencies one by one (O(agencies), in batches): room for 2,000.
    timeoutSeconds: 25,
  }),
  http('complaints', 'Complaints about an agency’s disclosure work (Reg. 51)', { records: 'readWrite' }),
  http('reports', 'The annual report: figures, legal challenges, drafting, checks, sealed publication', {
    records: 'readWrite',
  }),
  http('casework', 'Agency casework on applications: registration, actions, decisions, work queue', {
    records: 'readWrite',
    // Adds the letters it issues to the archive before it shows their links (write-once, never delete).
    archive: 'readWrite',
    uploads: 'readWrite',
    applicantKey: true,
  }),
  http('calendar', 'Working-day calendars and the public deadline calculator', {
    records: 'readWrite',
    // Under the integration's 29 s (lib/platform/timeouts.ts), with room for a cold start.
    timeoutSeconds: 25,
  }),
  http('portal', 'The citizen portal (公众门户): server-rendered pages over the same use cases', {
    records: 'readWrite',
    archive: 'read',
    uploads: 'readWrite',
    applicantKey: true,
  }),
  http('console', 'The staff console (工作台): signed-in pages over the same use cases', {
    records: 'readWrite',
    // Issues decisions (their letters go to the archive before anyone sees the link), reads letters.
    archive: 'readWrite',
    uploads: 'readWrite',
    applicantKey: true,
    // Invites, disables and re-roles staff accounts.
    userPool: true,
    staffSignIn: true,
  }),
  http('fallback', 'Problem+json answers for routes that do not exist', {}),
  {
    name: 'archiver',
    description: 'Writes every timeline event from the table stream to the archive',
    trigger: 'stream',
    memoryMb: 512,
    timeoutSeconds: 60,
    records: 'none',
    archive: 'readWrite',
    uploads: 'read',
    userPool: false,
  },
  {
    name: 'sweep',
    description: 'Daily compliance sweep (00:30 Asia/Shanghai)',
    trigger: 'schedule',
    memoryMb: 1024,
    timeoutSeconds: 900,
    records: 'readWrite',
    archive: 'readWrite',
    uploads: 'none',
    userPool: false,
  },
] as const satisfies readonly FunctionDefinition[];

export type FunctionName = (typeof functionDefinitions)[number]['name'];
export type HttpFunctionName = Extract<(typeof functionDefinitions)[number], { trigger: 'http' }>['name'];
