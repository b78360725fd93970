import type { Decision } from '#lib/domain/application/application';
import type { DecisionInput } from '#lib/domain/application/outcomes';
import { formIdempotencyKey, requestHash } from '#lib/domain/application/secrets';
import { chinaDateOf } from '#lib/domain/china-time';
import { VersionConflictError, WrongStateError } from '#lib/domain/errors';
import type { Principal } from '#lib/domain/staff';
import { currentCalendar } from '../calendar';
import { storePostedFiles, type PostedFile } from '../uploads';
import { act, loadForStaff } from './casework';
import { decisionLetterPreview } from './issue-decision';
import type { ApplicationDeps } from './ports';
import { replyOf } from './step-runner';

/**
 * The decision (答复) from the console's form, in two posts: the first stores the files chosen and
 * answers the letter as the applicant will receive it (`previewDecision`: the decision step is taken on
 * the case without writing, so all it would refuse is refused before anything is sent); the second sends
 * it (`decideWithForm`), the files named by their upload keys.
 *
 * The form's own key makes the files' upload keys (the same files, the same keys); and a decision is made
 * once: the same decision sent again (a second click, a retry after a lost answer) is answered
 * `replayed`, any other decision after the first refused as the domain refuses it.
 */
export type DecisionFile = { readonly name: string; readonly file: PostedFile };

/** Stores the files chosen with the decision form; answers them as the decision names them. */
export async function storeDecisionFiles(
  deps: Pick<ApplicationDeps, 'uploads' | 'applicantSecret'>,
  formKey: string,
  files: readonly DecisionFile[],
): Promise<{ uploadKey: string; name: string }[]> {
  const keys = await storePostedFiles(
    deps.uploads,
    files.map(({ file }) => file),
    formIdempotencyKey(deps.applicantSecret, formKey),
  );
  return files.map(({ name }, index) => ({ uploadKey: keys[index] ?? '', name }));
}

export async function previewDecision(
  deps: ApplicationDeps,
  principal: Principal,
  agencyId: string,
  id: string,
  input: DecisionInput,
  now: Date,
): Promise<string> {
  const found = await loadForStaff(deps, agencyId, id);
  const calendar = await currentCalendar(deps.calendars);
  return decisionLetterPreview(
    deps,
    found.application,
    replyOf(calendar, found.reply),
    input,
    { staffId: principal.staffId, name: principal.name },
    { calendar, today: chinaDateOf(now) },
  );
}

export async function decideWithForm(
  deps: ApplicationDeps,
  principal: Principal,
  agencyId: string,
  id: string,
  input: DecisionInput,
  now: Date,
  expectedVersion?: number,
): Promise<'decided' | 'replayed'> {
  try {
    await act(deps, principal, agencyId, id, { kind: 'decision', input }, now, expectedVersion);
    return 'decided';
  } catch (error) {
    // Two posts of one form side by side: the one that lost finds the other's decision made.
    if (!(error instanceof WrongStateError || error instanceof VersionConflictError)) throw error;
    const again = await loadForStaff(deps, agencyId, id);
    if (isMade(again.application.decision, input, principal)) return 'replayed';
    throw error;
  }
}

/** The decision made is this one: by this person, with the same outcome, reasons and files. */
function isMade(decision: Decision | null, input: DecisionInput, principal: Principal): boolean {
  if (decision === null || decision.decidedBy.staffId !== principal.staffId) return false;
  const { decidedOn: _on, decidedBy: _by, letterKey: _letter, ...made } = decision;
  return requestHash(made) === requestHash(input);
}
