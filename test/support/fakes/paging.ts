import { ValidationError } from '#lib/domain/errors';

export type Page<T> = { items: T[]; nextToken: string | null };

const invalidToken = () =>
  new ValidationError('The page token is invalid.', [
    { path: 'query.nextToken', message: 'is not a token this listing issued' },
  ]);

/**
 * A page of a listing whose entries are in sort-key order, as a Query returns it: at most `limit`, and
 * an opaque token (the last key returned, bound to its listing) when more follow. A token that was
 * altered, or issued by another listing, is refused as the Dynamo adapter refuses it.
 */
export function pageOf<T>(
  listing: string,
  unsorted: readonly { readonly sortKey: string; readonly item: T }[],
  page: { limit: number; nextToken?: string | undefined; ascending?: boolean | undefined },
): Page<T> {
  const ascending = page.ascending ?? true;
  const entries = [...unsorted].sort(bySortKey(ascending));
  let after: string | undefined;
  if (page.nextToken !== undefined) {
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(page.nextToken, 'base64url').toString('utf8'));
    } catch {
      throw invalidToken();
    }
    if (
      typeof decoded !== 'object' ||
      decoded === null ||
      !('listing' in decoded) ||
      !('after' in decoded) ||
      decoded.listing !== listing ||
      typeof decoded.after !== 'string'
    )
      throw invalidToken();
    after = decoded.after;
  }
  // The page goes on from the key where the last one stopped, whether or not that entry is still there.
  const from = after;
  const next =
    from === undefined
      ? 0
      : entries.findIndex((entry) => (ascending ? entry.sortKey > from : entry.sortKey < from));
  const start = next === -1 ? entries.length : next;
  const slice = entries.slice(start, start + page.limit);
  const last = slice.at(-1);
  const more = start + page.limit < entries.length;
  return {
    items: slice.map((entry) => entry.item),
    nextToken:
      more && last !== undefined
        ? Buffer.from(JSON.stringify({ listing, after: last.sortKey }), 'utf8').toString('base64url')
        : null,
  };
}

/** Sorts entries by sort key, ascending or descending (as `ScanIndexForward`). */
export const bySortKey =
  (ascending: boolean) =>
  (a: { sortKey: string }, b: { sortKey: string }): number =>
    (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0) * (ascending ? 1 : -1);
