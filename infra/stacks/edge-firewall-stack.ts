import { ArnFormat, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { CfnLoggingConfiguration, CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { routeTable, type AnyRouteDefinition } from '#lib/api/routes';
import { ComplaintAccessHeader } from '#lib/api/routes/complaints';
import { AccessTokenHeader } from '#lib/api/routes/intake';
import { pathRegexes, rateLimitedRoutes } from '../constructs/edge-routes';

/** A web ACL for CloudFront lives in US East (N. Virginia), whatever Region the rest of the app is in. */
export const CLOUDFRONT_WAF_REGION = 'us-east-1';

/**
 * Where the API stack finds the web ACL: an SSM parameter in us-east-1 holding its ARN. A plain name, not a
 * CloudFormation reference — the API stack may be in any Region, even one not known at synth (the global
 * profile without `gongkai:region`), where CDK's cross-Region references cannot go.
 */
export type EdgeFirewallReference = { readonly region: string; readonly parameterName: string };

/**
 * Requests per address per five minutes on the routes of a person's case (`rateLimitedRoutes`): one a
 * second, sustained — far above anyone filling in forms, even an office behind one address; a script
 * guessing tracking numbers or flooding intake is stopped within seconds, until its rate falls.
 */
export const CASE_ROUTES_RATE_LIMIT = 300;
const RATE_WINDOW_SECONDS = 300;

/** The request headers that carry a secret: never written to the web ACL's logs. */
const SECRET_HEADERS = new Set([
  'authorization',
  'cookie',
  ...Object.keys(AccessTokenHeader.shape),
  ...Object.keys(ComplaintAccessHeader.shape),
]);

export type EdgeFirewallStackProps = StackProps & { readonly table?: readonly AnyRouteDefinition[] };

/**
 * AWS WAF in front of CloudFront (global profile): a rate-based rule on the routes of a person's case, then
 * AWS's managed rule groups for known bad inputs (Log4j, Java deserialization, …) and the common rule set
 * (OWASP-style checks). Logged to CloudWatch Logs with the secrets (Authorization, cookies, access codes)
 * redacted. The API stack's distribution names it by the ARN this stack keeps in SSM.
 */
export class EdgeFirewallStack extends Stack {
  readonly webAcl: CfnWebACL;
  readonly reference: EdgeFirewallReference;

  constructor(scope: Construct, id: string, props: EdgeFirewallStackProps) {
    super(scope, id, props);
    if (this.region !== CLOUDFRONT_WAF_REGION)
      throw new Error(
        `A CloudFront web ACL must be deployed in ${CLOUDFRONT_WAF_REGION}, not ${this.region}`,
      );

    const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      sampledRequestsEnabled: true,
    });
    const managed = (
      priority: number,
      name: string,
      overrides: CfnWebACL.RuleActionOverrideProperty[] = [],
    ) => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name,
          ...(overrides.length > 0 ? { ruleActionOverrides: overrides } : {}),
        },
      },
      visibilityConfig: visibility(name),
    });

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      // A fixed name: the ACL is updated in place, so the ARN the distribution holds never changes.
      name: 'gongkai-edge',
      description: 'Gongkai edge: rate limit on the routes of a case, AWS managed rule groups',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('gongkai-edge'),
      customResponseBodies: {
        'rate-limited': {
          contentType: 'TEXT_PLAIN',
          content: '请求过于频繁，请几分钟后再试。Too many requests: please try again in a few minutes.',
        },
      },
      rules: [
        {
          name: 'case-routes-rate',
          priority: 0,
          action: {
            block: {
              customResponse: {
                responseCode: 429,
                customResponseBodyKey: 'rate-limited',
                responseHeaders: [{ name: 'retry-after', value: String(RATE_WINDOW_SECONDS) }],
              },
            },
          },
          statement: {
            rateBasedStatement: {
              limit: CASE_ROUTES_RATE_LIMIT,
              evaluationWindowSec: RATE_WINDOW_SECONDS,
              aggregateKeyType: 'IP',
              scopeDownStatement: caseRoutesStatement(props.table ?? routeTable),
            },
          },
          visibilityConfig: visibility('case-routes-rate'),
        },
        managed(1, 'AWSManagedRulesKnownBadInputsRuleSet'),
        // Forms carry attachments (multipart, up to 4 MB) and long letters: the body size check (8 KB)
        // counts instead of blocking; API Gateway and Lambda bound the size of a request.
        managed(2, 'AWSManagedRulesCommonRuleSet', [
          { name: 'SizeRestrictions_BODY', actionToUse: { count: {} } },
        ]),
      ],
    });

    // WAF writes only to log groups named aws-waf-logs-…; it needs the ARN without the `:*` suffix.
    const logGroupName = 'aws-waf-logs-gongkai-edge';
    const logs = new LogGroup(this, 'WebAclLogs', {
      logGroupName,
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const logging = new CfnLoggingConfiguration(this, 'WebAclLogging', {
      resourceArn: this.webAcl.attrArn,
      logDestinationConfigs: [
        this.formatArn({
          service: 'logs',
          resource: 'log-group',
          resourceName: logGroupName,
          arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        }),
      ],
      // `singleHeader` is passed to CloudFormation as it is: its key is `Name`.
      redactedFields: [...SECRET_HEADERS].map((name) => ({ singleHeader: { Name: name } })),
    });
    logging.node.addDependency(logs);

    const parameter = new StringParameter(this, 'WebAclArn', {
      parameterName: '/gongkai/edge/web-acl-arn',
      description: 'The ARN of the CloudFront web ACL, read by the GongkaiApi stack in its own Region',
      stringValue: this.webAcl.attrArn,
    });
    this.reference = { region: CLOUDFRONT_WAF_REGION, parameterName: parameter.parameterName };
  }
}

/**
 * The requests the rate-based rule counts: each method with the paths of its routes of a person's case
 * (`POST /v1/agencies/{agencyId}/applications` is intake; `GET` on the same path is a staff list, never
 * counted). Paths are matched URL-decoded, so an encoded path is counted as the route it reaches.
 */
export function caseRoutesStatement(table: readonly AnyRouteDefinition[]): CfnWebACL.StatementProperty {
  const byMethod = new Map<string, AnyRouteDefinition[]>();
  for (const route of rateLimitedRoutes(table))
    byMethod.set(route.method, [...(byMethod.get(route.method) ?? []), route]);
  const either = (statements: CfnWebACL.StatementProperty[]): CfnWebACL.StatementProperty => {
    const [only] = statements;
    return statements.length === 1 && only !== undefined ? only : { orStatement: { statements } };
  };
  return either(
    [...byMethod].map(([method, routes]) => ({
      andStatement: {
        statements: [
          {
            byteMatchStatement: {
              fieldToMatch: { method: {} },
              positionalConstraint: 'EXACTLY',
              searchString: method,
              textTransformations: [{ priority: 0, type: 'NONE' }],
            },
          },
          either(
            pathRegexes(routes).map((regexString) => ({
              regexMatchStatement: {
                fieldToMatch: { uriPath: {} },
                regexString,
                textTransformations: [{ priority: 0, type: 'URL_DECODE' }],
              },
            })),
          ),
        ],
      },
    })),
  );
}
