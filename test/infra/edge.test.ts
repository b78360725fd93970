import { App, Aws, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { CachePolicy, CfnDistribution, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#infra/app';
import { Edge, edgeServes } from '#infra/constructs/edge';
import { edgeBehaviours } from '#infra/constructs/edge-routes';
import { profileOf } from '#infra/profile';
import { CASE_ROUTES_RATE_LIMIT } from '#infra/stacks/edge-firewall-stack';
import { routeTable } from '#lib/api/routes';
import { PREFERENCE_COOKIES } from '#lib/web/cookies';

/** The edge: CloudFront in front of the HTTP API, and AWS WAF in front of CloudFront where it exists. */
const newApp = (context: Record<string, string> = {}) =>
  new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });

const CHINA_EDGE = {
  profile: 'china',
  'gongkai:icpLicence': '京ICP备12345678号',
  'gongkai:domainName': 'gongkai.example.gov.cn',
  'gongkai:certificateArn': 'arn:aws-cn:acm:cn-north-1:123456789012:certificate/0f1e2d3c',
};
const GLOBAL_DOMAIN = {
  'gongkai:domainName': 'gongkai.example.org',
  'gongkai:certificateArn': 'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c',
};

type Json = Record<string, unknown>;
const distributionConfigOf = (template: Template): Json => {
  const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution'));
  return (distribution?.Properties as { DistributionConfig: Json }).DistributionConfig;
};

/** What a WAF statement says of a request, evaluated as WAF would (method, URL-decoded path). */
type Statement = {
  AndStatement?: { Statements: Statement[] };
  OrStatement?: { Statements: Statement[] };
  ByteMatchStatement?: { FieldToMatch: Json; PositionalConstraint: string; SearchString: string };
  RegexMatchStatement?: { FieldToMatch: Json; RegexString: string; TextTransformations: { Type: string }[] };
};
function counts(statement: Statement, method: string, path: string): boolean {
  if (statement.AndStatement) return statement.AndStatement.Statements.every((s) => counts(s, method, path));
  if (statement.OrStatement) return statement.OrStatement.Statements.some((s) => counts(s, method, path));
  const byte = statement.ByteMatchStatement;
  if (byte) {
    expect(byte.FieldToMatch).toEqual({ Method: {} });
    expect(byte.PositionalConstraint).toBe('EXACTLY');
    return method === byte.SearchString;
  }
  const regex = statement.RegexMatchStatement;
  if (regex) {
    expect(regex.FieldToMatch).toEqual({ UriPath: {} });
    expect(regex.TextTransformations.map((t) => t.Type)).toEqual(['URL_DECODE']);
    return new RegExp(regex.RegexString).test(decodeURIComponent(path));
  }
  throw new Error(`A statement this test does not read: ${JSON.stringify(statement)}`);
}

describe('global profile: CloudFront and a web ACL in us-east-1', () => {
  let built: ReturnType<typeof buildApp>;
  let api: Template;
  let firewall: Template;

  beforeAll(() => {
    built = buildApp(newApp());
    api = Template.fromStack(built.api);
    if (built.edgeFirewall === undefined) throw new Error('no firewall stack');
    firewall = Template.fromStack(built.edgeFirewall);
  });

  it('puts the web ACL in its own stack in us-east-1, deployed before the API', () => {
    expect(built.edgeFirewall?.region).toBe('us-east-1');
    expect(built.api.dependencies).toContain(built.edgeFirewall);
    firewall.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
    });
    firewall.hasResourceProperties('AWS::SSM::Parameter', {
      Name: '/gongkai/edge/web-acl-arn',
      Value: { 'Fn::GetAtt': ['WebAcl', 'Arn'] },
    });
  });

  it('has three rules: a rate limit on the routes of a case, known bad inputs, the common rule set', () => {
    const [acl] = Object.values(firewall.findResources('AWS::WAFv2::WebACL'));
    const rules = (acl?.Properties as { Rules: Json[] }).Rules;
    expect(rules.map((rule) => [rule.Priority, rule.Name])).toEqual([
      [0, 'case-routes-rate'],
      [1, 'AWSManagedRulesKnownBadInputsRuleSet'],
      [2, 'AWSManagedRulesCommonRuleSet'],
    ]);
    expect(rules[0]).toMatchObject({
      Action: { Block: { CustomResponse: { ResponseCode: 429 } } },
      Statement: {
        RateBasedStatement: {
          Limit: CASE_ROUTES_RATE_LIMIT,
          AggregateKeyType: 'IP',
          EvaluationWindowSec: 300,
        },
      },
    });
    expect(rules[1]).toMatchObject({
      OverrideAction: { None: {} },
      Statement: {
        ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesKnownBadInputsRuleSet' },
      },
    });
    // Attachments and long letters are legitimate bodies: the 8 KB size rule counts, it does not block.
    expect(rules[2]).toMatchObject({
      OverrideAction: { None: {} },
      Statement: {
        ManagedRuleGroupStatement: {
          Name: 'AWSManagedRulesCommonRuleSet',
          RuleActionOverrides: [{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }],
        },
      },
    });
  });

  it('counts intake, following and complaints — API and portal — and nothing staff or published', () => {
    const [acl] = Object.values(firewall.findResources('AWS::WAFv2::WebACL'));
    const [rate] = (acl?.Properties as { Rules: { Statement: Json }[] }).Rules;
    const scope = (rate?.Statement.RateBasedStatement as { ScopeDownStatement: Statement })
      .ScopeDownStatement;
    const counted = (method: string, path: string) => counts(scope, method, path);
    expect(counted('POST', '/v1/agencies/ag-gov/applications')).toBe(true);
    expect(counted('POST', '/v1/agencies/ag-gov/applic%61tions')).toBe(true);
    expect(counted('GET', '/v1/applications/2026-K7QX-3M9P')).toBe(true);
    expect(counted('POST', '/v1/agencies/ag-gov/complaints')).toBe(true);
    expect(counted('POST', '/agencies/ag-gov/apply')).toBe(true);
    expect(counted('POST', '/follow')).toBe(true);
    expect(counted('GET', '/applications/2026-K7QX-3M9P')).toBe(true);
    expect(counted('POST', '/agencies/ag-gov/complaints')).toBe(true);
    // The same path read by staff, published information, the console: never counted.
    expect(counted('GET', '/v1/agencies/ag-gov/applications')).toBe(false);
    expect(counted('GET', '/agencies/ag-gov/publications')).toBe(false);
    expect(counted('GET', '/')).toBe(false);
    expect(counted('POST', '/console/sign-out')).toBe(false);
    for (const route of routeTable.filter((candidate) => candidate.access === 'staff'))
      expect(counted(route.method, route.path.replace(/\{[^}]+\}/g, 'x1')), route.path).toBe(false);
  });

  it('logs what it sees, without the secrets', () => {
    firewall.hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
      LogDestinationConfigs: [Match.objectLike({ 'Fn::Join': Match.anyValue() })],
      RedactedFields: Match.arrayWith([
        { SingleHeader: { Name: 'authorization' } },
        { SingleHeader: { Name: 'cookie' } },
        { SingleHeader: { Name: 'x-access-token' } },
      ]),
    });
    firewall.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: 'aws-waf-logs-gongkai-edge' });
  });

  it('the distribution takes the web ACL’s ARN, read from us-east-1 at deployment', () => {
    const config = distributionConfigOf(api);
    expect(config.WebACLId).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^EdgeWebAclLookup/), 'Parameter.Value'],
    });
    const [lookup] = Object.values(api.findResources('Custom::AWS'));
    const create = JSON.stringify(lookup?.Properties.Create);
    expect(create).toContain('getParameter');
    expect(create).toContain('/gongkai/edge/web-acl-arn');
    expect(create).toContain('us-east-1');
  });

  it('passes the API, the console and forms through: nothing kept, everything but Host forwarded, POST allowed', () => {
    const config = distributionConfigOf(api);
    expect(config.DefaultCacheBehavior).toMatchObject({
      CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
      OriginRequestPolicyId: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
      AllowedMethods: expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
      ViewerProtocolPolicy: 'redirect-to-https',
    });
    expect(config.Origins).toEqual([
      expect.objectContaining({
        Id: 'http-api',
        CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
      }),
    ]);
    // Error answers are never kept at the edge (the origin's are no-store).
    expect(config.CustomErrorResponses).toEqual(
      expect.arrayContaining([
        { ErrorCode: 404, ErrorCachingMinTTL: 0 },
        { ErrorCode: 503, ErrorCachingMinTTL: 0 },
      ]),
    );
    expect(config.Logging).toMatchObject({ Prefix: 'cloudfront/', IncludeCookies: false });
  });

  it('keeps the portal and reading-room pages keyed on path, query and language, and the assets on path', () => {
    const behaviours = (distributionConfigOf(api).CacheBehaviors as Json[]).map((behaviour) => ({
      pathPattern: behaviour.PathPattern,
      policy: behaviour.CachePolicyId,
      methods: behaviour.AllowedMethods,
    }));
    const policyIdOf = (id: string) => {
      const [logicalId] = Object.keys(
        api.findResources('AWS::CloudFront::CachePolicy', {
          Properties: { CachePolicyConfig: { Comment: Match.stringLikeRegexp(id) } },
        }),
      );
      return { Ref: logicalId };
    };
    const policy = {
      page: policyIdOf('Gongkai pages'),
      asset: policyIdOf('fingerprinted assets'),
      passthrough: CachePolicy.CACHING_DISABLED.cachePolicyId,
    };
    expect(behaviours).toEqual(
      edgeBehaviours(routeTable).map(({ pathPattern, kind }) => ({
        pathPattern,
        policy: policy[kind],
        methods: kind === 'passthrough' ? expect.arrayContaining(['POST']) : ['GET', 'HEAD'],
      })),
    );
    api.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: {
        Comment: Match.stringLikeRegexp('Gongkai pages'),
        MinTTL: 0,
        DefaultTTL: 0,
        ParametersInCacheKeyAndForwardedToOrigin: {
          QueryStringsConfig: { QueryStringBehavior: 'all' },
          HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['Accept-Language'] },
          CookiesConfig: { CookieBehavior: 'whitelist', Cookies: Object.values(PREFERENCE_COOKIES) },
          EnableAcceptEncodingGzip: true,
          EnableAcceptEncodingBrotli: true,
        },
      },
    });
    api.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: {
        Comment: Match.stringLikeRegexp('fingerprinted assets'),
        MinTTL: 0,
        ParametersInCacheKeyAndForwardedToOrigin: Match.objectLike({
          QueryStringsConfig: { QueryStringBehavior: 'none' },
          HeadersConfig: { HeaderBehavior: 'none' },
          CookiesConfig: { CookieBehavior: 'none' },
        }),
      },
    });
  });

  it('tells the pages and the console’s sign-in the public address: the distribution’s own name', () => {
    const publicUrl = {
      'Fn::Join': [
        '',
        ['https://', { 'Fn::GetAtt': [expect.stringMatching(/^EdgeDistribution/), 'DomainName'] }],
      ],
    };
    for (const description of ['citizen portal', 'staff console']) {
      const [fn] = Object.values(
        api.findResources('AWS::Lambda::Function', {
          Properties: { Description: Match.stringLikeRegexp(description) },
        }),
      );
      const variables = (fn?.Properties.Environment as { Variables: Json }).Variables;
      expect(variables.PUBLIC_BASE_URL, description).toEqual(publicUrl);
    }
    const [client] = Object.values(
      api.findResources('AWS::Cognito::UserPoolClient', { Properties: { GenerateSecret: false } }),
    );
    expect(JSON.stringify(client?.Properties.CallbackURLs)).toMatch(
      /EdgeDistribution\w+","DomainName".*\/console\/signed-in/,
    );
  });

  it('passes cdk-nag, each finding that does not apply acknowledged with its reason', () => {
    expect(() => built.app.synth()).not.toThrow();
  });
});

/** The edge alone in a stack of its own, with the app's cdk-nag checks: for variants of the profile. */
function edgeAlone(context: Record<string, string>) {
  const app = newApp(context);
  const profile = profileOf(app.node);
  const stack = new Stack(app, 'EdgeAlone', profile.region ? { env: { region: profile.region } } : {});
  const edge = new Edge(stack, 'Edge', {
    api: { apiEndpoint: `https://abc123.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}` },
    profile,
    firewall:
      profile.name === 'global'
        ? { region: 'us-east-1', parameterName: '/gongkai/edge/web-acl-arn' }
        : undefined,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack, edge, profile };
}

describe('global profile with a custom domain', () => {
  it('serves it with its ACM certificate, TLS 1.2 at least, and says it is the public address', () => {
    const { stack, edge } = edgeAlone(GLOBAL_DOMAIN);
    const config = distributionConfigOf(Template.fromStack(stack));
    expect(config.Aliases).toEqual(['gongkai.example.org']);
    expect(config.ViewerCertificate).toEqual({
      AcmCertificateArn: GLOBAL_DOMAIN['gongkai:certificateArn'],
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
    expect(edge.publicBaseUrl).toBe('https://gongkai.example.org');
  });

  it('refuses a certificate CloudFront cannot use (ACM outside us-east-1)', () => {
    expect(() =>
      edgeAlone({
        ...GLOBAL_DOMAIN,
        'gongkai:certificateArn': 'arn:aws:acm:eu-west-1:123456789012:certificate/0f1e2d3c',
      }),
    ).toThrow(/ACM certificate from us-east-1/);
  });
});

describe('china profile', () => {
  it('has no distribution without an ICP licence and a custom domain', () => {
    const contexts: Record<string, string>[] = [
      { profile: 'china' },
      { profile: 'china', 'gongkai:icpLicence': CHINA_EDGE['gongkai:icpLicence'] },
      { ...CHINA_EDGE, 'gongkai:icpLicence': '' },
    ];
    for (const context of contexts) {
      const built = buildApp(newApp(context));
      expect(edgeServes(built.profile), JSON.stringify(context)).toBe(false);
      expect(built.api.edge).toBeUndefined();
      expect(built.edgeFirewall).toBeUndefined();
      expect(built.api.node.findAll().some((node) => node instanceof CfnDistribution)).toBe(false);
    }
  });

  it('with both, has one, on the custom domain, and no CloudFront-scope web ACL (China has none)', () => {
    const built = buildApp(newApp(CHINA_EDGE));
    expect(built.api.edge).toBeDefined();
    expect(built.edgeFirewall).toBeUndefined();
    const portal = built.api.functions.get('portal')?.fn.node.defaultChild as CfnFunction;
    const environment = built.api.resolve(portal.environment) as { variables: Json };
    expect(environment.variables.PUBLIC_BASE_URL).toBe('https://gongkai.example.gov.cn');
  });

  describe('the distribution', () => {
    let template: Template;
    let json: string;
    beforeAll(() => {
      template = Template.fromStack(edgeAlone(CHINA_EDGE).stack);
      json = JSON.stringify(template.toJSON());
    });

    it('is on the alternate domain with an IAM server certificate (no ACM in CloudFront China), asked for as a parameter', () => {
      const config = distributionConfigOf(template);
      expect(config.Aliases).toEqual(['gongkai.example.gov.cn']);
      expect(config.ViewerCertificate).toEqual({
        IamCertificateId: { Ref: 'EdgeServerCertificateId' },
        MinimumProtocolVersion: 'TLSv1.2_2021',
        SslSupportMethod: 'sni-only',
      });
      expect(config.WebACLId).toBeUndefined();
      expect(config.HttpVersion).toBe('http2');
      template.hasParameter('EdgeServerCertificateId', { Type: 'String', AllowedPattern: '^[A-Z0-9]+$' });
    });

    it('takes the certificate ID from context when given', () => {
      const { stack } = edgeAlone({ ...CHINA_EDGE, 'gongkai:serverCertificateId': 'ASCAEXAMPLE123' });
      expect(distributionConfigOf(Template.fromStack(stack)).ViewerCertificate).toMatchObject({
        IamCertificateId: 'ASCAEXAMPLE123',
      });
    });

    it('says what it forwards and keeps per behaviour, the way CloudFront China accepts (no cache policy)', () => {
      const config = distributionConfigOf(template);
      const behaviours = [config.DefaultCacheBehavior, ...(config.CacheBehaviors as Json[])] as Json[];
      for (const behaviour of behaviours) {
        expect(behaviour.CachePolicyId).toBeUndefined();
        expect(behaviour.OriginRequestPolicyId).toBeUndefined();
        expect(behaviour.ForwardedValues).toBeDefined();
      }
      expect(config.DefaultCacheBehavior).toMatchObject({
        ForwardedValues: {
          QueryString: true,
          Cookies: { Forward: 'all' },
          Headers: expect.arrayContaining(['Authorization', 'Accept-Language']),
        },
        MaxTTL: 0,
        AllowedMethods: expect.arrayContaining(['POST']),
      });
      const home = behaviours.find((behaviour) => behaviour.PathPattern === '/');
      expect(home).toMatchObject({
        ForwardedValues: {
          QueryString: true,
          Headers: ['Accept-Language'],
          Cookies: { Forward: 'whitelist', WhitelistedNames: Object.values(PREFERENCE_COOKIES) },
        },
        MinTTL: 0,
        DefaultTTL: 0,
      });
      for (const missing of [
        'AWS::CloudFront::CachePolicy',
        'AWS::CloudFront::OriginRequestPolicy',
        'AWS::CloudFront::OriginAccessControl',
        'AWS::WAFv2::WebACL',
      ])
        template.resourceCountIs(missing, 0);
    });

    it('names no ARN of the global partition', () => {
      expect(json).not.toContain('arn:aws:');
    });
  });
});
