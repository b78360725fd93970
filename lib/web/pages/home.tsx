import { listDirectory, type AgencyStore } from '#lib/use-cases/agencies';
import { assetByFile } from '../assets';
import { Button } from '../components';
import { usePage } from '../context';
import { cookieHeader, PREFERENCE_COOKIES } from '../cookies';
import { isLocale } from '../messages/locale';
import { PageError, type PageHandler } from '../page-function';

/** The directory is read whole (one Query per 100 agencies) up to this many: a province's tree. */
const DIRECTORY_LIMIT = 5000;
const YEAR_SECONDS = 365 * 24 * 3600;

type DirectoryEntry = Awaited<ReturnType<typeof listDirectory>>['items'][number];

export function homePages(agencies: AgencyStore): {
  'GET /': PageHandler<'GET /'>;
  'GET /assets/{file}': PageHandler<'GET /assets/{file}'>;
  'GET /preferences': PageHandler<'GET /preferences'>;
} {
  return {
    'GET /': async ({ query, t }) => {
      const directory = await wholeDirectory(agencies);
      const q = (query.q ?? '').trim().slice(0, 50);
      const found = q === '' ? undefined : directory.filter((agency) => agency.name.includes(q));
      return {
        kind: 'page',
        title: t('home.title'),
        cache: { kind: 'public', sMaxAge: 300 },
        body: <Home directory={directory} q={q} found={found} />,
      };
    },

    'GET /assets/{file}': async ({ params }) => {
      const asset = assetByFile(params.file);
      if (asset === undefined) throw new PageError(404, 'common.notFound.title', 'common.notFound.body');
      return { kind: 'asset', asset };
    },

    /** Language and text size: remembered for a year, then back where the reader was (this site only). */
    'GET /preferences': async ({ query }) => {
      const cookies: string[] = [];
      const options = { path: '/', sameSite: 'Lax', maxAge: YEAR_SECONDS } as const;
      if (isLocale(query.lang)) cookies.push(cookieHeader(PREFERENCE_COOKIES.language, query.lang, options));
      if (query.text === 'large' || query.text === 'standard')
        cookies.push(cookieHeader(PREFERENCE_COOKIES.textSize, query.text, options));
      const back = query.return ?? '/';
      const location = back.startsWith('/') && !back.startsWith('//') && !back.startsWith('/\\') ? back : '/';
      return { kind: 'redirect', location, cookies };
    },
  };
}

async function wholeDirectory(agencies: AgencyStore): Promise<DirectoryEntry[]> {
  const all: DirectoryEntry[] = [];
  let nextToken: string | undefined;
  do {
    const page = await listDirectory(agencies, { limit: 100, ...(nextToken ? { nextToken } : {}) });
    all.push(...page.items);
    nextToken = page.nextToken ?? undefined;
  } while (nextToken !== undefined && all.length < DIRECTORY_LIMIT);
  return all.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

function Home(props: {
  directory: readonly DirectoryEntry[];
  q: string;
  found: readonly DirectoryEntry[] | undefined;
}) {
  const { t } = usePage();
  return (
    <>
      <h1>{t('home.title')}</h1>
      <p class="lead">{t('home.lead')}</p>
      <form method="get" action="/" class="search" role="search">
        <div class="field">
          <label for="q">{t('home.search.label')}</label>
          <p class="hint" id="q-hint">
            {t('home.search.hint')}
          </p>
          <input type="search" id="q" name="q" value={props.q} aria-describedby="q-hint" maxLength={50} />
        </div>
        <Button>{t('home.search.button')}</Button>
      </form>
      {props.found !== undefined ? <SearchResults q={props.q} found={props.found} /> : null}
      <div class="notice">
        <p>
          <strong>{t('home.follow.title')}</strong>
        </p>
        <p>{t('home.follow.body')}</p>
        <p>
          <a href="/follow">{t('home.follow.link')}</a>
        </p>
      </div>
      <h2>{t('home.directory')}</h2>
      {props.directory.length === 0 ? <p>{t('home.empty')}</p> : <Tree directory={props.directory} />}
    </>
  );
}

function SearchResults({ q, found }: { q: string; found: readonly DirectoryEntry[] }) {
  const { t } = usePage();
  if (found.length === 0)
    return (
      <p role="status" class="notice warning">
        {t('home.noResults', { q })}
      </p>
    );
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title" role="status">
        {t('home.results', { q, count: found.length })}
      </h2>
      <ul class="list">
        {found.map((agency) => (
          <li key={agency.agencyId}>
            <AgencyLink agency={agency} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function AgencyLink({ agency }: { agency: DirectoryEntry }) {
  const { t } = usePage();
  return (
    <>
      <a href={`/agencies/${agency.agencyId}`}>{agency.name}</a>{' '}
      <span class={agency.level === 'government' ? 'tag red' : 'tag'}>{t(`home.level.${agency.level}`)}</span>
    </>
  );
}

/** The agency tree: governments and departments under their parents; agencies without a parent on top. */
function Tree({ directory }: { directory: readonly DirectoryEntry[] }) {
  const ids = new Set(directory.map((agency) => agency.agencyId));
  const childrenOf = new Map<string | null, DirectoryEntry[]>();
  for (const agency of directory) {
    const parent =
      agency.parentAgencyId !== null && ids.has(agency.parentAgencyId) ? agency.parentAgencyId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), agency]);
  }
  const byLevel = (list: readonly DirectoryEntry[]) =>
    [...list].sort((a, b) => (a.level === b.level ? 0 : a.level === 'government' ? -1 : 1));
  const Branch = ({ parent, depth }: { parent: string | null; depth: number }) => {
    const children = childrenOf.get(parent);
    if (children === undefined || depth > 8) return null;
    return (
      <ul class={depth === 0 ? 'list' : undefined}>
        {byLevel(children).map((agency) => (
          <li key={agency.agencyId}>
            <AgencyLink agency={agency} />
            <Branch parent={agency.agencyId} depth={depth + 1} />
          </li>
        ))}
      </ul>
    );
  };
  return <Branch parent={null} depth={0} />;
}
