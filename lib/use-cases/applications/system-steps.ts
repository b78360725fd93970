import { abandonmentPending } from '#lib/domain/application/abandonment';
import type { Application } from '#lib/domain/application/application';
import { consultationLapsed } from '#lib/domain/application/consultation';
import {
  lapseDecision,
  SWEEP_SIGNATURE,
  systemStepApplies,
  type SystemStep,
} from '#lib/domain/application/system-steps';
import type { Actor } from '#lib/domain/timeline';
import { issueDecisionWithLetter } from './issue-decision';
import type { ApplicationActionDeps } from './ports';
import { runStep } from './step-runner';

// The sweep names the step and the deps it hands over by these names.
export type { ApplicationActionDeps } from './ports';
export type { SystemStep } from '#lib/domain/application/system-steps';

const SWEEP: Actor = { kind: 'system', process: 'sweep' };

/**
 * A step the rules prescribe when a period lapses: no supplement in time puts the case before its handler
 * (deemed abandoned only without a good reason); a fee unpaid closes the application as "otherwise
 * handled" (with a letter); a consultation unanswered in time lets the reply clock run again. Returns the
 * application (for the notices), or null when the case has moved on meanwhile and nothing is to be done.
 */
export async function systemStep(
  deps: ApplicationActionDeps,
  id: string,
  step: SystemStep,
  now: Date,
): Promise<Application | null> {
  const found = await deps.applications.get(id);
  if (found === undefined || !systemStepApplies(found.application, step)) return null;
  const result = await runStep(deps, found, now, SWEEP, (current, reply, context) => {
    switch (step.kind) {
      case 'consultation-lapsed':
        return consultationLapsed(current, reply, step.consultationId, context);
      case 'no-supplement':
        return abandonmentPending(current, reply, context);
      case 'fee-unpaid':
        return issueDecisionWithLetter(
          deps,
          current,
          reply,
          lapseDecision(current, step),
          SWEEP_SIGNATURE,
          context,
        );
    }
  });
  return result.application;
}
