import type { Node } from 'constructs';

/**
 * Where Gongkai is deployed, chosen by context: `-c profile=global` (the default: any commercial AWS
 * Region, with Cognito and SES) or `-c profile=china` (the AWS China Regions, partition `aws-cn`: Beijing
 * cn-north-1 or Ningxia cn-northwest-1, where there are no Cognito user pools and no SES, WAF is regional
 * only, and CloudFront, custom domains and unauthenticated API requests need an ICP licence).
 *
 * Every setting is a context value (`-c gongkai:<name>=…` or `cdk.json`); none is needed to synthesize,
 * so `npx cdk synth -c profile=china` works offline. Settings a deployment cannot do without (the staff
 * identity provider of the china profile) become CloudFormation parameters when not given as context.
 */
export type ProfileName = 'global' | 'china';

export type DeploymentProfile = Readonly<{
  name: ProfileName;
  /** The Region the stacks are pinned to: china always names one, so every ARN is `arn:aws-cn:…`. */
  region: string | undefined;
  /** Staff sign-in: Cognito's user pool (global) or any OpenID Connect issuer (china). */
  identity: 'cognito' | 'oidc';
  /** E-mail of notifications: SES (global, with a verified sender) or SMTP through a port (china). */
  mail: 'ses' | 'smtp';
  /**
   * The daily sweep's trigger: EventBridge Scheduler at 00:30 Asia/Shanghai, or an EventBridge rule at
   * 16:30 UTC (exactly 00:30 in China, which has no daylight saving time).
   */
  sweepSchedule: 'scheduler' | 'rule';
  /** The public address (`gongkai.example.gov.cn`), and its certificate, when there is one. */
  customDomain: Readonly<{ domainName: string; certificateArn: string }> | undefined;
  /**
   * china: the IAM server certificate CloudFront serves the custom domain with (its ID, `ASCA…`): CloudFront
   * in the China Regions takes no ACM certificate. Without it, the edge asks for it as a stack parameter.
   */
  serverCertificateId: string | undefined;
  /** The account's ICP licence number (ICP备案号), shown in the portal's footer as the law requires. */
  icpLicence: string | undefined;
  /** Where alarms are e-mailed (an SNS subscription), when set. */
  alarmEmail: string | undefined;
}>;

export const CHINA_REGIONS = ['cn-north-1', 'cn-northwest-1'] as const;

/** The profile the app's context asks for; a setting that cannot be right fails the synth, naming it. */
export function profileOf(node: Node): DeploymentProfile {
  const text = (name: string) => contextText(node, name);
  const name = text('profile') ?? 'global';
  if (name !== 'global' && name !== 'china') {
    throw new Error(`Context profile must be "global" or "china", not "${name}"`);
  }
  const region = text('gongkai:region') ?? (name === 'china' ? 'cn-north-1' : undefined);
  const isChinaRegion = region !== undefined && (CHINA_REGIONS as readonly string[]).includes(region);
  if (name === 'china' && !isChinaRegion) {
    throw new Error(
      `Context gongkai:region must be one of ${CHINA_REGIONS.join(', ')} for the china profile`,
    );
  }
  if (name === 'global' && isChinaRegion) {
    throw new Error(`Region ${region} is in the China partition: deploy it with -c profile=china`);
  }
  const domainName = text('gongkai:domainName');
  const certificateArn = text('gongkai:certificateArn');
  if ((domainName === undefined) !== (certificateArn === undefined)) {
    throw new Error('Context gongkai:domainName and gongkai:certificateArn go together');
  }
  const sweepSchedule = text('gongkai:sweepSchedule') ?? (name === 'china' ? 'rule' : 'scheduler');
  if (sweepSchedule !== 'scheduler' && sweepSchedule !== 'rule') {
    throw new Error(`Context gongkai:sweepSchedule must be "scheduler" or "rule", not "${sweepSchedule}"`);
  }
  return {
    name,
    region,
    identity: name === 'china' ? 'oidc' : 'cognito',
    mail: name === 'china' ? 'smtp' : 'ses',
    sweepSchedule,
    customDomain:
      domainName === undefined || certificateArn === undefined ? undefined : { domainName, certificateArn },
    serverCertificateId: text('gongkai:serverCertificateId'),
    icpLicence: text('gongkai:icpLicence'),
    alarmEmail: text('gongkai:alarmEmail'),
  };
}

/** A context value that is text (`-c name=…` or `cdk.json`), undefined when absent or empty. */
export function contextText(node: Node, name: string): string | undefined {
  const value: unknown = node.tryGetContext(name);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`Context ${name} must be a string`);
  return value;
}
