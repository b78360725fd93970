import { commonProblems } from '#lib/api/problems';
import { matchRoute } from '#lib/api/route-match';
import { problemType } from '#lib/http/problem';

/**
 * Whether an answer is one its route declares: a status among its responses, or a problem (status and
 * type) among its problems and those every route can answer. Requests that match no route are answered by
 * the fallback (404/405) and are not checked here. Returns what is undeclared, or `undefined`.
 */
export function undeclaredAnswer(
  method: string,
  path: string,
  answer: { status: number; json: unknown },
): string | undefined {
  const match = matchRoute(method, path.split('?')[0] ?? path);
  if (match.kind !== 'matched') return undefined;
  const { route, routeKey } = match;
  // Pages answer HTML, checked by the browser tests; this checks the API's declared answers.
  if (route.kind === 'page') return undefined;
  const type =
    typeof answer.json === 'object' && answer.json !== null && 'type' in answer.json
      ? answer.json.type
      : undefined;
  if (typeof type === 'string' && answer.status >= 400) {
    const declared = [...route.problems, ...commonProblems(route.access)].some(
      (problem) => problem.status === answer.status && problemType(problem.code) === type,
    );
    return declared
      ? undefined
      : `${routeKey} answered ${answer.status} ${type}, which its route does not declare`;
  }
  return answer.status in route.responses
    ? undefined
    : `${routeKey} answered ${answer.status}, which its route does not declare`;
}
