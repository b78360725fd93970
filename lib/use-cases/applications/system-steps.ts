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
 * A step the rules prescribe when a period lapses: no supplement in time, or a fee unpaid, closes the
 * application as "otherwise handled" (with a letter); a consultation unanswered in time lets the reply
 * clock run again. Returns the application (for the notice to the applicant), or null when the case has
 * moved on meanwhile and nothing is to be done.
 */
export async function systemStep(
  deps: ApplicationActionDeps,
  id: string,
  step: SystemStep,
  now: Date,
): Promise<Application | null> {
  const found = await deps.applications.get(id);
  if (found === undefined || !systemStepApplies(found.application, step)) return null;
  const result = await runStep(deps, found, now, SWEEP, (current, reply, context) =>
    step.kind === 'consultation-lapsed'
      ? consultationLapsed(current, reply, step.consultationId, context)
      : issueDecisionWithLetter(deps, current, reply, lapseDecision(current, step), SWEEP_SIGNATURE, context),
  );
  return result.application;
}
