/** How the area's lists page (by key, as DynamoDB does) and export (every page of the filter, up to a cap). */
export const LIST_LIMIT = 20;
const EXPORT_PAGE = 100;
/** An export reads at most this many pages (10 000 rows): beyond it, narrow the filter. */
const EXPORT_MAX_PAGES = 100;

type Page<T> = { items: readonly T[]; nextToken: string | null };
type Read<T> = (page: { limit: number; nextToken?: string | undefined }) => Promise<Page<T>>;

/** The page after `after` (the `?after=` of a "next" link), or the first. */
export const pageAfter = (after: string | undefined): { limit: number; nextToken?: string } =>
  after === undefined || after === '' ? { limit: LIST_LIMIT } : { limit: LIST_LIMIT, nextToken: after };

/** Every item of a list, page by page. */
export async function exportAll<T>(read: Read<T>): Promise<T[]> {
  const items: T[] = [];
  let nextToken: string | undefined;
  for (let pages = 0; pages < EXPORT_MAX_PAGES; pages += 1) {
    const page = await read(
      nextToken === undefined ? { limit: EXPORT_PAGE } : { limit: EXPORT_PAGE, nextToken },
    );
    items.push(...page.items);
    if (page.nextToken === null) break;
    nextToken = page.nextToken;
  }
  return items;
}
