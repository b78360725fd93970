import {
  Stack,
  Validations,
  type IPolicyValidationContext,
  type IPolicyValidationPlugin,
  type PolicyValidationPluginReport,
} from 'aws-cdk-lib';
import { CfnPolicy } from 'aws-cdk-lib/aws-iam';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import type { IConstruct } from 'constructs';

/**
 * Resource wildcards we grant on purpose, each with the reason cdk-nag's AwsSolutions-IAM5 asks for.
 * Each finding is acknowledged one by one, and only when it matches a pattern here; an action wildcard
 * or any other resource wildcard stays an error.
 */
const EXPECTED: readonly { pattern: RegExp; reason: string }[] = [
  {
    pattern: /^Resource::\*$/,
    reason:
      'X-Ray PutTraceSegments/PutTelemetryRecords and DynamoDB ListStreams accept no narrower resource.',
  },
  {
    // The table by its construct (`<Records….Arn>`), or by name when restored from point-in-time recovery.
    pattern: /^Resource::.*(?:Records.*|:table\/[\w.-]+)\/index\/\*$/,
    reason: "Queries by key on the Records table's own indexes (byAgencyState, byDueDay).",
  },
  {
    pattern: /^Resource::.*Archive.*\/\*$/,
    reason: 'Objects of the archive bucket, which Object Lock keeps write-once.',
  },
  {
    pattern: /^Resource::.*Uploads.*\/\*$/,
    reason: 'Objects of the uploads bucket (attachments by presigned URL).',
  },
  {
    pattern: /^Resource::<Fn[a-z]+Logs[0-9A-F]+\.Arn>:\*$/,
    reason: "Log streams of the function's own log group.",
  },
  {
    pattern: /^Resource::<Fnsweep\w+\.Arn>:\*$/,
    reason: 'The scheduler invokes versions of the sweep function only.',
  },
  {
    pattern: /^Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity\/\*$/,
    reason: 'The sweep e-mails from whichever SES identity the deployment verified.',
  },
];

type PolicyDocument = { Statement?: { Effect: string; Resource: unknown }[] };

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/**
 * Runs as a validation plugin registered before cdk-nag's, when cross-stack references are already
 * resolved into the form cdk-nag reports, and acknowledges the expected findings. It reports nothing.
 */
export class AcknowledgeExpectedWildcards implements IPolicyValidationPlugin {
  readonly name = 'gongkai-expected-wildcards';

  validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    visit(context.appConstruct);
    return { success: true, violations: [] };
  }
}

function visit(node: IConstruct): void {
  if (node instanceof CfnPolicy) acknowledge(node);
  for (const child of node.node.children) visit(child);
}

function acknowledge(policy: CfnPolicy): void {
  const document = Stack.of(policy).resolve(policy.policyDocument) as PolicyDocument;
  for (const statement of document.Statement ?? []) {
    if (statement.Effect !== 'Allow') continue;
    for (const resource of asArray(statement.Resource)) {
      const finding = `Resource::${flattenCfnReference(resource)}`;
      if (!finding.includes('*')) continue;
      const expected = EXPECTED.find((candidate) => candidate.pattern.test(finding));
      if (expected !== undefined)
        Validations.of(policy).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason: expected.reason });
    }
  }
}
