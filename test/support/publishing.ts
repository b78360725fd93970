import {
  createSubmission,
  editSubmission,
  getSubmission,
  reviewSubmission,
  sendForReview,
} from '#lib/use-cases/proactive';
import { aPrincipal, aSubmission, cst, staffIdOf } from './factories';
import { aReview } from './domain';
import type { InMemoryWorld } from './fakes';

const clerk = aPrincipal(['clerk']);
/** Who signs each step of the default chain (初审 → 复审 → 保密审查 → 终审): nobody signs two. */
const signers = [
  ['first_review', aPrincipal(['reviewer'])],
  ['second_review', aPrincipal(['reviewer'], { staffId: staffIdOf('secondreviewer') })],
  ['secrecy_review', aPrincipal(['secrecy_reviewer'])],
  ['approval', aPrincipal(['approver'])],
] as const;

/**
 * A document of `agencyId` (`aSubmission` with `content`, formed 2026-09-28 unless said) registered and
 * taken through the default review chain to publication on `today`; with `revise`, that submission's
 * next version (changed on `today`).
 */
export async function aPublication(
  world: InMemoryWorld,
  agencyId: string,
  content: Record<string, unknown> = {},
  today = '2026-09-30',
  revise?: string,
): Promise<{ id: string; publicationId: string }> {
  const deps = world.proactiveDeps;
  const input = aSubmission({ formedOn: '2026-09-28', ...content });
  let id = revise;
  if (id === undefined) id = (await createSubmission(deps, clerk, agencyId, input, cst(today))).id;
  else {
    const { version } = await getSubmission(deps, agencyId, id);
    await editSubmission(
      deps,
      clerk,
      agencyId,
      id,
      { version, content: input, changedOn: today },
      cst(today),
    );
  }
  await sendForReview(deps, clerk, agencyId, id, cst(today));
  let publicationId: string | null = null;
  for (const [step, by] of signers)
    publicationId = (await reviewSubmission(deps, by, agencyId, id, aReview(step), cst(today))).publicationId;
  if (publicationId === null) throw new Error('the last approval publishes');
  return { id, publicationId };
}
