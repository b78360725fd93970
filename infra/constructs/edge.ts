import {
  Arn,
  ArnFormat,
  CfnOutput,
  CfnParameter,
  Duration,
  Fn,
  RemovalPolicy,
  Stack,
  Token,
  Validations,
} from 'aws-cdk-lib';
import type { IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  CfnDistribution,
  OriginRequestPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  AwsCustomResource,
  AwsCustomResourcePolicy,
  Logging,
  PhysicalResourceId,
} from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { routeTable, type AnyRouteDefinition } from '#lib/api/routes';
import { PREFERENCE_COOKIES } from '#lib/web/cookies';
import type { DeploymentProfile } from '../profile';
import type { EdgeFirewallReference } from '../stacks/edge-firewall-stack';
import { edgeBehaviours, type EdgeKind } from './edge-routes';
import { logBucket } from './log-bucket';

/**
 * Whether the deployment has CloudFront in front of its HTTP API: always in the global profile; in the
 * China Regions only with an ICP licence and a custom domain, because CloudFront there serves no content on
 * its own `*.cloudfront.cn` names — only on an alternate domain name with an ICP recordal.
 */
export const edgeServes = (profile: DeploymentProfile): boolean =>
  profile.name === 'global' || (profile.icpLicence !== undefined && profile.customDomain !== undefined);

export type EdgeProps = {
  /** The origin: the HTTP API's default endpoint. */
  readonly api: Pick<IHttpApi, 'apiEndpoint'>;
  readonly profile: DeploymentProfile;
  /** global: where the CloudFront-scope web ACL (us-east-1) keeps its ARN. China has no such web ACL. */
  readonly firewall: EdgeFirewallReference | undefined;
  /** The route table the cache behaviours come from (the app's own unless a test says otherwise). */
  readonly table?: readonly AnyRouteDefinition[];
};

const ORIGIN_ID = 'http-api';
/** Error answers are never kept (CloudFront keeps a 404 or a 503 ten seconds unless told). */
const ERROR_CODES = [400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504];
/** The longest a shared cache may keep a page whatever its `s-maxage` says, and an asset. */
const PAGE_MAX_TTL = Duration.days(1);
const ASSET_MAX_TTL = Duration.days(365);

/**
 * CloudFront in front of the HTTP API. Pages the route table lets shared caches keep (`sharedCache`) are
 * cached as their `Cache-Control` says, keyed on path, query, `Accept-Language` and the language and
 * text-size cookies — the only things that vary them; everything else (the API, the console, forms,
 * status pages) passes through uncached with every header but `Host`, every cookie and the query, all
 * methods allowed. In the global profile the web ACL of `EdgeFirewallStack` guards it; in the China
 * Regions CloudFront has no WAF, and policies are expressed the legacy way (China accepts no cache policy).
 */
export class Edge extends Construct {
  readonly distribution: CfnDistribution;
  /** The site's public address: the custom domain, else the distribution's own name. */
  readonly publicBaseUrl: string;

  constructor(scope: Construct, id: string, props: EdgeProps) {
    super(scope, id);
    const { profile } = props;
    if (!edgeServes(profile))
      throw new Error('CloudFront in the China Regions needs an ICP licence and a custom domain');
    const china = profile.name === 'china';
    if (!china && props.firewall === undefined) throw new Error('The global edge needs its web ACL');

    // Standard logs (who asked what, with the viewer's address): CloudFront delivers them with an ACL grant.
    const logs = logBucket(this, 'AccessLogs', 'acl-grant');

    const settings = china ? legacySettings() : policySettings(this);
    const behaviour = (kind: EdgeKind) => ({
      targetOriginId: ORIGIN_ID,
      viewerProtocolPolicy: 'redirect-to-https',
      compress: true,
      allowedMethods:
        kind === 'passthrough'
          ? ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']
          : ['GET', 'HEAD'],
      cachedMethods: ['GET', 'HEAD'],
      ...settings[kind],
    });
    const domain = profile.customDomain;

    this.distribution = new CfnDistribution(this, 'Distribution', {
      distributionConfig: {
        enabled: true,
        comment: 'Gongkai: the public address in front of the HTTP API',
        ...(domain ? { aliases: [domain.domainName] } : {}),
        origins: [
          {
            id: ORIGIN_ID,
            // `https://<id>.execute-api.<region>.<suffix>`: its host, whatever the partition's suffix.
            domainName: Fn.select(2, Fn.split('/', props.api.apiEndpoint)),
            customOriginConfig: { originProtocolPolicy: 'https-only', originSslProtocols: ['TLSv1.2'] },
          },
        ],
        defaultCacheBehavior: behaviour('passthrough'),
        cacheBehaviors: edgeBehaviours(props.table ?? routeTable).map(({ pathPattern, kind }) => ({
          pathPattern,
          ...behaviour(kind),
        })),
        customErrorResponses: ERROR_CODES.map((errorCode) => ({ errorCode, errorCachingMinTtl: 0 })),
        logging: { bucket: logs.bucketRegionalDomainName, prefix: 'cloudfront/', includeCookies: false },
        viewerCertificate: viewerCertificate(this, profile),
        // China's four edge locations: HTTP/2 over IPv4, as AWS's own China samples deploy.
        httpVersion: china ? 'http2' : 'http2and3',
        ipv6Enabled: !china,
        ...(china ? {} : { webAclId: webAclArn(this, props.firewall) }),
      },
    });
    this.publicBaseUrl = domain
      ? `https://${domain.domainName}`
      : `https://${this.distribution.attrDomainName}`;
    new CfnOutput(this, 'DistributionDomainName', {
      description: 'Point the custom domain here (a CNAME), or use it as the public address',
      value: this.distribution.attrDomainName,
    });
    new CfnOutput(this, 'PublicBaseUrl', { description: 'The public address', value: this.publicBaseUrl });

    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'No geo restriction: anyone may apply for government information, from wherever they are (Reg. 27).',
    });
    if (domain === undefined)
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'Without a custom domain the distribution answers on *.cloudfront.net, whose certificate CloudFront serves with its own fixed TLS policy; set gongkai:domainName for TLSv1.2_2021.',
      });
    if (china)
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR2',
        reason:
          'AWS WAF is regional only in the China Regions: no web ACL can be attached to a CloudFront distribution there (README, "Edge").',
      });
  }
}

type BehaviourSettings = Pick<
  CfnDistribution.CacheBehaviorProperty,
  'cachePolicyId' | 'originRequestPolicyId' | 'forwardedValues' | 'minTtl' | 'defaultTtl' | 'maxTtl'
>;

/** The language and text-size cookies: a page differs by them, and by nothing else a reader sends. */
const PAGE_COOKIES = Object.values(PREFERENCE_COOKIES);

/** Global: cache policies (what a copy is keyed on) and, for what passes through, an origin request policy. */
function policySettings(scope: Construct): Record<EdgeKind, BehaviourSettings> {
  const pages = new CachePolicy(scope, 'PagePolicy', {
    comment: 'Gongkai pages: as Cache-Control says, keyed on path, query, language and text size',
    minTtl: Duration.seconds(0),
    defaultTtl: Duration.seconds(0),
    maxTtl: PAGE_MAX_TTL,
    queryStringBehavior: CacheQueryStringBehavior.all(),
    headerBehavior: CacheHeaderBehavior.allowList('Accept-Language'),
    cookieBehavior: CacheCookieBehavior.allowList(...PAGE_COOKIES),
    enableAcceptEncodingGzip: true,
    enableAcceptEncodingBrotli: true,
  });
  const assets = new CachePolicy(scope, 'AssetPolicy', {
    comment: 'Gongkai fingerprinted assets: as Cache-Control says, keyed on path alone',
    minTtl: Duration.seconds(0),
    defaultTtl: Duration.seconds(0),
    maxTtl: ASSET_MAX_TTL,
    queryStringBehavior: CacheQueryStringBehavior.none(),
    headerBehavior: CacheHeaderBehavior.none(),
    cookieBehavior: CacheCookieBehavior.none(),
    enableAcceptEncodingGzip: true,
    enableAcceptEncodingBrotli: true,
  });
  return {
    page: { cachePolicyId: pages.cachePolicyId },
    asset: { cachePolicyId: assets.cachePolicyId },
    // Nothing kept; with caching off, every viewer header but Host (API Gateway routes by its own host),
    // Authorization included, every cookie and the query reach the origin.
    passthrough: {
      cachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
      originRequestPolicyId: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
    },
  };
}

/**
 * China: CloudFront there refuses `CachePolicyId` ("can't be set for this region"), so each behaviour says
 * what it forwards — which is then also its cache key — and its TTLs. Headers CloudFront would otherwise
 * drop are named (it forwards `Origin`, `Content-Type` and headers of our own, such as `X-Access-Token`,
 * `Idempotency-Key` and `Sec-Fetch-Site`, unasked); `Host` stays API Gateway's.
 */
function legacySettings(): Record<EdgeKind, BehaviourSettings> {
  return {
    page: {
      forwardedValues: {
        queryString: true,
        headers: ['Accept-Language'],
        cookies: { forward: 'whitelist', whitelistedNames: PAGE_COOKIES },
      },
      minTtl: 0,
      defaultTtl: 0,
      maxTtl: PAGE_MAX_TTL.toSeconds(),
    },
    asset: {
      forwardedValues: { queryString: false, cookies: { forward: 'none' } },
      minTtl: 0,
      defaultTtl: 0,
      maxTtl: ASSET_MAX_TTL.toSeconds(),
    },
    passthrough: {
      forwardedValues: {
        queryString: true,
        headers: ['Authorization', 'Accept', 'Accept-Language', 'Referer', 'User-Agent'],
        cookies: { forward: 'all' },
      },
      minTtl: 0,
      defaultTtl: 0,
      maxTtl: 0,
    },
  };
}

/**
 * The certificate viewers see: the custom domain's (an ACM certificate in us-east-1 globally; an IAM
 * server certificate in China, where CloudFront takes no ACM certificate), else CloudFront's own.
 */
function viewerCertificate(
  scope: Construct,
  profile: DeploymentProfile,
): CfnDistribution.ViewerCertificateProperty {
  const domain = profile.customDomain;
  if (domain === undefined) return { cloudFrontDefaultCertificate: true };
  const modern = { sslSupportMethod: 'sni-only', minimumProtocolVersion: 'TLSv1.2_2021' };
  if (profile.name === 'china') {
    if (profile.serverCertificateId !== undefined)
      return { iamCertificateId: profile.serverCertificateId, ...modern };
    const parameter = new CfnParameter(scope, 'ServerCertificateId', {
      description:
        'The ID (ASCA…) of the IAM server certificate for the custom domain (aws iam upload-server-certificate --path /cloudfront/ …)',
      allowedPattern: '^[A-Z0-9]+$',
    });
    // A name an operator can type: `--parameters GongkaiApi:EdgeServerCertificateId=ASCA…`.
    parameter.overrideLogicalId('EdgeServerCertificateId');
    return { iamCertificateId: parameter.valueAsString, ...modern };
  }
  if (!Token.isUnresolved(domain.certificateArn)) {
    const { service, region } = Arn.split(domain.certificateArn, ArnFormat.SLASH_RESOURCE_NAME);
    if (service !== 'acm' || region !== 'us-east-1')
      throw new Error(
        `CloudFront serves a custom domain with an ACM certificate from us-east-1, not ${domain.certificateArn}`,
      );
  }
  return { acmCertificateArn: domain.certificateArn, ...modern };
}

/**
 * The web ACL's ARN, read at deployment from the SSM parameter `EdgeFirewallStack` writes in us-east-1:
 * a CloudFormation reference cannot cross Regions, and CDK's cross-Region references need both Regions
 * known at synth, which the global profile does not require. The function that reads it has its own role
 * and log group (no managed policy).
 */
function webAclArn(scope: Construct, firewall: EdgeFirewallReference | undefined): string {
  if (firewall === undefined) throw new Error('No web ACL to read');
  const parameterArn = Stack.of(scope).formatArn({
    service: 'ssm',
    region: firewall.region,
    resource: 'parameter',
    resourceName: firewall.parameterName.replace(/^\//, ''),
  });
  const logGroup = new LogGroup(scope, 'WebAclLookupLogs', {
    retention: RetentionDays.ONE_YEAR,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const role = new Role(scope, 'WebAclLookupRole', {
    assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    description: 'Reads the CloudFront web ACL ARN from SSM in us-east-1 for the distribution',
  });
  role.addToPolicy(
    new PolicyStatement({
      effect: Effect.ALLOW,
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [logGroup.logGroupArn],
    }),
  );
  const read = {
    service: 'SSM',
    action: 'getParameter',
    region: firewall.region,
    parameters: { Name: firewall.parameterName },
    physicalResourceId: PhysicalResourceId.of(`${firewall.region}:${firewall.parameterName}`),
    logging: Logging.withDataHidden(),
  };
  const lookup = new AwsCustomResource(scope, 'WebAclLookup', {
    onCreate: read,
    onUpdate: read,
    policy: AwsCustomResourcePolicy.fromSdkCalls({ resources: [parameterArn] }),
    role,
    logGroup,
    installLatestAwsSdk: false,
  });
  return lookup.getResponseField('Parameter.Value');
}
