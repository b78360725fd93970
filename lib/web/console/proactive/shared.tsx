import type { ComponentChildren } from 'preact';
import { anyRouteByKey } from '#lib/api/routes';
import type { Agency } from '#lib/domain/agency';
import type { CatalogueEntry } from '#lib/domain/submission/catalogue';
import { SECRECY_RISKS } from '#lib/domain/submission/review-chain';
import type { Signature, Submission } from '#lib/domain/submission/submission';
import type { Principal } from '#lib/domain/staff';
import type { ProactiveDeps } from '#lib/use-cases/proactive';
import { DateText, Notice, SummaryList, TimeText } from '../../components';
import { usePage } from '../../context';
import type { MessageKey, Translate } from '../../messages/catalogue';
import { PageError, type PageAnswer } from '../../page-function';
import type { Crumb } from '../../layout';

/**
 * What the pages of proactive disclosure share: their addresses, who may take which action (read from the
 * API's route table, so a role is written in one place), the area's navigation, and the document, its
 * files and its signatures as every page shows them.
 */
export const paths = {
  submissions: (query: Readonly<Record<string, string | undefined>> = {}) =>
    withQuery('/console/submissions', query),
  newSubmission: '/console/submissions/new',
  submission: (id: string, query: Readonly<Record<string, string | undefined>> = {}) =>
    withQuery(`/console/submissions/${id}`, query),
  reviewRequest: (id: string) => `/console/submissions/${id}/review-request`,
  submissionFile: (id: string, file: string) => `/console/submissions/${id}/files/${file}`,
  reviews: (query: Readonly<Record<string, string | undefined>> = {}) => withQuery('/console/reviews', query),
  review: (id: string, query: Readonly<Record<string, string | undefined>> = {}) =>
    withQuery(`/console/reviews/${id}`, query),
  publications: (query: Readonly<Record<string, string | undefined>> = {}) =>
    withQuery('/console/publications', query),
  publication: (id: string, query: Readonly<Record<string, string | undefined>> = {}) =>
    withQuery(`/console/publications/${id}`, query),
  withdrawal: (id: string) => `/console/publications/${id}/withdrawal`,
  publicationFile: (id: string, file: string) => `/console/publications/${id}/files/${file}`,
  obligations: '/console/obligations',
  /** The public reading room's page of a publication (the portal's). */
  publicPage: (id: string) => `/publications/${id}`,
} as const;

export function withQuery(path: string, query: Readonly<Record<string, string | undefined>>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    if (value !== undefined && value !== '') search.set(name, value);
  const text = search.toString();
  return text === '' ? path : `${path}?${text}`;
}

/** The API's routes whose roles say who may take each action of these pages. */
const ACTIONS = {
  register: 'POST /v1/agencies/{agencyId}/submissions',
  edit: 'PUT /v1/agencies/{agencyId}/submissions/{submissionId}',
  send: 'POST /v1/agencies/{agencyId}/submissions/{submissionId}/submission',
  withdraw: 'POST /v1/agencies/{agencyId}/publications/{publicationId}/withdrawal',
} as const;
export type ProactiveAction = keyof typeof ACTIONS;

/** Whether the person's roles let them take `action` at all (the domain then says whether they may now). */
export function mayTake(principal: Principal, action: ProactiveAction): boolean {
  const route = anyRouteByKey(ACTIONS[action]);
  if (route === undefined || route.kind === 'page') throw new Error(`no API route ${ACTIONS[action]}`);
  return route.roles === undefined || route.roles.some((role) => principal.roles.has(role));
}

/** The 404 page. */
export const notFound = (): PageError => new PageError(404, 'common.notFound.title', 'common.notFound.body');

/** The signed-in person's agency (every page of the area works on it, and only on it). */
export async function agencyOf(deps: Pick<ProactiveDeps, 'agencies'>, principal: Principal): Promise<Agency> {
  const agency = await deps.agencies.get(principal.agencyId);
  if (agency === undefined) throw notFound();
  return agency;
}

/** Why a person may not take an action: their roles, or the separation of duties (签名把关). */
export type Refusal = 'role' | 'withdraw' | 'own_submission' | 'handled' | 'signed_another_step';

/** A page refusing an action (403): why, in the catalogue's words, and the way back. */
export function refusalPage(t: Translate, refusal: Refusal, back: Crumb & { href: string }): PageAnswer {
  const title = t('cPro.refused.title');
  return consolePageAnswer({
    title,
    status: 403,
    crumbs: areaCrumbs(t('console.nav.proactive'), { label: title }),
    body: (
      <>
        <h1>{title}</h1>
        <p>{t(`cPro.refused.${refusal}`)}</p>
        <p>
          <a href={back.href}>{back.label}</a>
        </p>
      </>
    ),
  });
}

/** A console page's answer: never stored, never indexed; the title says first when the page has errors. */
export function consolePageAnswer(props: {
  title: string;
  body: ComponentChildren;
  crumbs?: readonly Crumb[];
  status?: number;
  errors?: boolean;
  errorPrefix?: string;
}): PageAnswer {
  return {
    kind: 'page',
    status: props.status ?? 200,
    title: props.errors === true && props.errorPrefix ? `${props.errorPrefix} ${props.title}` : props.title,
    ...(props.crumbs ? { crumbs: props.crumbs } : {}),
    body: props.body,
    cache: { kind: 'no-store' },
    robots: 'noindex',
  };
}

/** The crumbs of a page of the area: the area, then the page's own. */
export const areaCrumbs = (label: string, ...rest: readonly Crumb[]): readonly Crumb[] => [
  { label, href: paths.submissions() },
  ...rest,
];

/** The area's own pages, the current one marked. */
export function AreaNav({
  current,
}: {
  current: 'submissions' | 'reviews' | 'publications' | 'obligations';
}) {
  const { t } = usePage();
  const links = [
    ['submissions', paths.submissions(), t('cPro.nav.submissions')],
    ['reviews', paths.reviews(), t('cPro.nav.reviews')],
    ['publications', paths.publications(), t('cPro.nav.publications')],
    ['obligations', paths.obligations, t('cPro.nav.obligations')],
  ] as const;
  return (
    <nav class="agency-nav" aria-label={t('cPro.nav.label')}>
      <ul>
        {links.map(([key, href, label]) => (
          <li key={key}>
            <a href={href} aria-current={key === current ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A success notice after a form (`?done=`), in the catalogue's words; nothing for an unknown word. */
export function DoneNotice({
  done,
  messages,
}: {
  done: string | undefined;
  messages: Readonly<Record<string, MessageKey>>;
}) {
  const { t } = usePage();
  const key = done === undefined ? undefined : messages[done];
  if (key === undefined) return null;
  return (
    <Notice kind="success">
      <p role="status">{t(key)}</p>
    </Notice>
  );
}

type StatusView = Pick<Submission, 'status'> & { currentStepLabel: string | null };

/** Where the item stands, in words (and a colour that only repeats them). */
export function StatusTag({ submission }: { submission: StatusView }) {
  const { t } = usePage();
  const colour = {
    draft: '',
    in_review: 'blue',
    returned: 'red',
    published: 'green',
    recorded: '',
    withdrawn: 'amber',
  }[submission.status];
  const text =
    submission.status === 'in_review'
      ? t('cPro.status.in_review.at', { step: submission.currentStepLabel ?? '' })
      : t(`cPro.status.${submission.status}`);
  return <span class={colour === '' ? 'tag' : `tag ${colour}`}>{text}</span>;
}

/**
 * The publication deadline of an item still on its way (Reg. 26), with where it stands today in words —
 * due today, or overdue — and a colour that only repeats them; a dash when no deadline binds it.
 */
export function DueDate({
  submission,
  today,
}: {
  submission: Pick<Submission, 'publicationDueDate' | 'status'>;
  today: string;
}) {
  const { t } = usePage();
  const due = submission.publicationDueDate;
  if (due === null) return <>—</>;
  const running = ['draft', 'returned', 'in_review'].includes(submission.status);
  return (
    <>
      <DateText date={due} />
      {running && today > due ? (
        <>
          {' '}
          <span class="tag red">{t('cPro.due.overdue')}</span>
        </>
      ) : running && today === due ? (
        <>
          {' '}
          <span class="tag amber">{t('cPro.due.today')}</span>
        </>
      ) : null}
    </>
  );
}

export const categoryName = (catalogue: readonly CatalogueEntry[], code: string): string =>
  catalogue.find((entry) => entry.code === code)?.name ?? code;

/** The document's details, text and files, as registered (or last edited). */
export function DocumentDetails({
  submission,
  catalogue,
  today,
}: {
  submission: Submission;
  catalogue: readonly CatalogueEntry[];
  today: string;
}) {
  const { t } = usePage();
  const { content } = submission;
  return (
    <>
      <SummaryList
        rows={[
          [t('cPro.field.title'), content.title],
          [t('cPro.field.documentNumber'), content.documentNumber],
          [t('cPro.field.issuingOffice'), content.issuingOffice],
          [t('cPro.field.category'), categoryName(catalogue, content.category)],
          [t('cPro.field.documentKind'), t(`cPro.documentKind.${content.documentKind}`)],
          [t('cPro.field.attribute'), t(`cPro.attribute.${content.attribute}`)],
          [t('cPro.field.attributeReason'), content.attributeReason],
          [t('cPro.field.audience'), t(`cPro.audience.${content.audience}`)],
          [t('cPro.field.formedOn'), <DateText date={content.formedOn} />],
          [
            t('cPro.field.effectiveOn'),
            content.effectiveOn ? <DateText date={content.effectiveOn} /> : undefined,
          ],
          [
            t('cPro.field.display'),
            content.display.kind === 'long_term' ? (
              t('cPro.display.long_term')
            ) : (
              <>
                {t('cPro.display.until.text')} <DateText date={content.display.endsOn} />
                {content.display.legalBasis ? ` (${content.display.legalBasis})` : ''}
              </>
            ),
          ],
          [
            t('cPro.field.changedOn'),
            submission.changedOn ? <DateText date={submission.changedOn} /> : undefined,
          ],
          [
            t('cPro.publicationDue'),
            submission.publicationDueDate ? (
              <>
                <DueDate submission={submission} today={today} />
                {submission.publicationPeriod ? (
                  <span class="muted">
                    {' '}
                    {t('cPro.publicationDue.basis', { basis: submission.publicationPeriod.basis })}
                  </span>
                ) : null}
              </>
            ) : undefined,
          ],
          [
            t('cPro.field.periodic'),
            content.periodic ? t('cPro.periodic.text', { period: content.periodic.period }) : undefined,
          ],
          [t('cPro.flags'), flagsText(t, submission)],
        ]}
      />
      <h2>{t('cPro.field.body')}</h2>
      <div class="document-body">
        <Paragraphs text={content.body} />
      </div>
      <FileList submission={submission} />
    </>
  );
}

function flagsText(t: ReturnType<typeof usePage>['t'], submission: Submission): string | undefined {
  const flags = [
    submission.content.policyDocument ? t('cPro.field.policyDocument') : undefined,
    submission.content.majorDecision ? t('cPro.field.majorDecision') : undefined,
  ].filter((flag): flag is string => flag !== undefined);
  return flags.length === 0 ? undefined : flags.join('；');
}

/** The item's files, each a link through the console to a short-lived link to the copy kept. */
export function FileList({ submission }: { submission: Submission }) {
  const { t } = usePage();
  const { content, id } = submission;
  const material = [
    ...(content.interpretation
      ? [{ file: 'interpretation', name: content.interpretation.name, label: t('cPro.field.interpretation') }]
      : []),
    ...(content.participationEvidence
      ? [
          {
            file: 'evidence',
            name: content.participationEvidence.name,
            label: t('cPro.field.participationEvidence'),
          },
        ]
      : []),
  ];
  if (content.attachments.length === 0 && material.length === 0)
    return (
      <>
        <h2>{t('cPro.files.title')}</h2>
        <p class="muted">{t('cPro.files.none')}</p>
      </>
    );
  return (
    <>
      <h2>{t('cPro.files.title')}</h2>
      <ul class="files">
        {content.attachments.map((file, index) => (
          <li key={file.uploadKey}>
            <a href={paths.submissionFile(id, `attachment-${index + 1}`)}>{file.name}</a>
          </li>
        ))}
        {material.map((file) => (
          <li key={file.file}>
            {file.label}: <a href={paths.submissionFile(id, file.file)}>{file.name}</a>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The redacted version the secrecy review gave: the text and files that will be published instead. */
export function RedactedVersionView({ submission }: { submission: Submission }) {
  const { t } = usePage();
  const { redacted } = submission;
  if (redacted === null) return null;
  return (
    <section aria-labelledby="redacted-title" class="panel">
      <h2 id="redacted-title">{t('cPro.redacted.title')}</h2>
      <p class="hint">{t('cPro.redacted.hint')}</p>
      <div class="document-body">
        <Paragraphs text={redacted.body} />
      </div>
      {redacted.attachments.length === 0 ? (
        <p class="muted">{t('cPro.redacted.noFiles')}</p>
      ) : (
        <ul class="files">
          {redacted.attachments.map((file, index) => (
            <li key={file.uploadKey}>
              <a href={paths.submissionFile(submission.id, `redacted-${index + 1}`)}>{file.name}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Text as paragraphs (a blank line between them), each line kept. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n\s*\n/)
        .filter((paragraph) => paragraph.trim() !== '')
        .map((paragraph, index) => (
          <p class="pre" key={index}>
            {paragraph}
          </p>
        ))}
    </>
  );
}

/** Every signature of every round (签名把关), oldest first: who signed which step, when, and what they said. */
export function Signatures({ submission }: { submission: Submission }) {
  const { t } = usePage();
  if (submission.signatures.length === 0)
    return (
      <>
        <h2>{t('cPro.signatures.title')}</h2>
        <p class="muted">{t('cPro.signatures.none')}</p>
      </>
    );
  return (
    <>
      <h2>{t('cPro.signatures.title')}</h2>
      <ol class="timeline">
        {submission.signatures.map((signature, index) => (
          <li key={index}>
            <SignatureView signature={signature} />
          </li>
        ))}
      </ol>
    </>
  );
}

function SignatureView({ signature }: { signature: Signature }) {
  const { t } = usePage();
  return (
    <>
      <p>
        <strong>{t('cPro.signature.heading', { round: signature.round, step: signature.label })}</strong>{' '}
        <span class={signature.verdict === 'approve' ? 'tag green' : 'tag red'}>
          {t(`cPro.verdict.${signature.verdict}`)}
        </span>
      </p>
      <p class="meta">
        {t('cPro.signature.by', {
          name: signature.name ?? signature.staffId,
          role: t(`console.role.${signature.role}`),
        })}{' '}
        <TimeText at={signature.at} />
      </p>
      <p class="pre">{signature.opinion}</p>
      {signature.secrecy === null ? null : (
        <>
          <ul>
            {SECRECY_RISKS.map((risk) => (
              <li key={risk}>
                {t(`cPro.risk.${risk}`)}: {t(`cPro.riskAnswer.${signature.secrecy?.risks[risk] ?? 'none'}`)}
              </li>
            ))}
          </ul>
          <p>{t('cPro.secrecy.outcomeWas', { outcome: t(`cPro.outcome.${signature.secrecy.outcome}`) })}</p>
        </>
      )}
    </>
  );
}

/** The reasons an item was returned with (退文 or a reviewer's), while it is returned. */
export function ReturnReasons({ submission }: { submission: Submission }) {
  const { t } = usePage();
  if (submission.status !== 'returned' || submission.returnReasons.length === 0) return null;
  return (
    <Notice kind="warning" title={t('cPro.returned.title')}>
      <ul>
        {submission.returnReasons.map((reason, index) => (
          <li key={index} class="pre">
            {reason}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
