import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#infra/app';
import { profileOf } from '#infra/profile';
import { functionDefinitions } from '#lib/platform/functions';

/**
 * The two deployment profiles from one app (`-c profile=global|china`). Bundling is skipped; cdk-nag runs
 * on every synth (the app adds its checks), so a synth that does not throw is a clean one.
 */
const appWith = (context: Record<string, string> = {}) =>
  new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } });

type Built = ReturnType<typeof buildApp> & { templates: Template[]; json: string };

function synthesized(context: Record<string, string>): Built {
  const built = buildApp(appWith(context));
  built.app.synth();
  const templates = [Template.fromStack(built.stateful), Template.fromStack(built.api)];
  return { ...built, templates, json: JSON.stringify(templates.map((template) => template.toJSON())) };
}

const typesIn = (template: Template): string[] =>
  Object.values(template.toJSON().Resources as Record<string, { Type: string }>).map(
    (resource) => resource.Type,
  );

const environmentOf = (template: Template, description: RegExp): Record<string, unknown> => {
  const [fn] = Object.values(
    template.findResources('AWS::Lambda::Function', {
      Properties: { Description: Match.stringLikeRegexp(description.source) },
    }),
  );
  return (fn?.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
};

describe('profile context', () => {
  it('defaults to global; china pins a China Region; wrong values fail the synth, naming the setting', () => {
    expect(profileOf(appWith().node)).toMatchObject({ name: 'global', identity: 'cognito', mail: 'ses' });
    expect(profileOf(appWith({ profile: 'china' }).node)).toMatchObject({
      name: 'china',
      region: 'cn-north-1',
      identity: 'oidc',
      mail: 'smtp',
      sweepSchedule: 'rule',
    });
    expect(profileOf(appWith({ profile: 'china', 'gongkai:region': 'cn-northwest-1' }).node).region).toBe(
      'cn-northwest-1',
    );
    expect(() => profileOf(appWith({ profile: 'mars' }).node)).toThrow(/profile must be "global" or "china"/);
    expect(() => profileOf(appWith({ profile: 'china', 'gongkai:region': 'us-east-1' }).node)).toThrow(
      /gongkai:region must be one of cn-north-1, cn-northwest-1/,
    );
    expect(() => profileOf(appWith({ 'gongkai:region': 'cn-north-1' }).node)).toThrow(/profile=china/);
    expect(() => profileOf(appWith({ 'gongkai:domainName': 'gongkai.example.gov.cn' }).node)).toThrow(
      /go together/,
    );
  });
});

describe('china: the AWS China Regions (aws-cn), no Cognito, any OpenID Connect issuer', () => {
  let china: Built;
  beforeAll(() => {
    china = synthesized({ profile: 'china' });
  });

  it('synthesizes offline, cdk-nag clean, with no Cognito resource in any stack', () => {
    for (const template of china.templates) {
      expect(typesIn(template).filter((type) => type.startsWith('AWS::Cognito::'))).toEqual([]);
    }
    expect(china.json).not.toMatch(/cognito-idp/);
  });

  it('every ARN is in the aws-cn partition', () => {
    // ARNs are built on the deployment's own partition (`AWS::Partition`, aws-cn there), never written in.
    expect(china.json).not.toMatch(/arn:aws:/);
    expect(china.json).toMatch(/"arn:",\{"Ref":"AWS::Partition"\}/);
    expect(china.api.region).toBe('cn-north-1');
  });

  it('staff routes are verified by the JWT authorizer against the configured issuer and audience', () => {
    const api = china.templates[1] as Template;
    api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Issuer: { Ref: 'OidcIssuer' }, Audience: [{ Ref: 'OidcAudience' }] },
    });
    // Not given as context, the issuer's settings are asked for at deployment, the claim names defaulted.
    const parameters = api.toJSON().Parameters as Record<string, { Default?: string }>;
    expect(Object.keys(parameters)).toEqual(
      expect.arrayContaining(['OidcIssuer', 'OidcAudience', 'OidcConsoleClientId', 'OidcJwksUrl']),
    );
    expect(parameters.ClaimAgency?.Default).toBe('gongkai_agency_id');
  });

  it('given as context, the issuer is written in; the console signs in with it; claim names reach every function', () => {
    const given = synthesized({
      profile: 'china',
      'gongkai:oidcIssuer': 'https://idp.example.gov.cn/realms/gongkai',
      'gongkai:oidcAudience': 'gongkai-api',
      'gongkai:oidcConsoleClientId': 'gongkai-console',
      'gongkai:oidcAuthorizeUrl': 'https://idp.example.gov.cn/realms/gongkai/protocol/openid-connect/auth',
      'gongkai:oidcTokenUrl': 'https://idp.example.gov.cn/realms/gongkai/protocol/openid-connect/token',
      'gongkai:oidcJwksUrl': 'https://idp.example.gov.cn/realms/gongkai/protocol/openid-connect/certs',
      'gongkai:claimAgency': 'org_code',
    });
    const api = given.templates[1] as Template;
    api.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      JwtConfiguration: {
        Issuer: 'https://idp.example.gov.cn/realms/gongkai',
        Audience: ['gongkai-api'],
      },
    });
    expect(environmentOf(api, /staff console/)).toMatchObject({
      STAFF_OIDC_ISSUER: 'https://idp.example.gov.cn/realms/gongkai',
      STAFF_OIDC_CLIENT_ID: 'gongkai-console',
      STAFF_CLAIM_AGENCY: 'org_code',
      // Not given: a parameter, defaulted to the documented claim name.
      STAFF_CLAIM_STAFF_ID: { Ref: 'ClaimStaffId' },
    });
    const lambdas = Object.values(api.findResources('AWS::Lambda::Function'));
    expect(lambdas).toHaveLength(functionDefinitions.length);
    for (const lambda of lambdas) {
      expect(lambda.Properties.Environment.Variables).toMatchObject({ STAFF_CLAIM_AGENCY: 'org_code' });
    }
  });

  it('staff accounts live at the provider: the staff functions hold no user-pool grant', () => {
    const api = china.templates[1] as Template;
    expect(environmentOf(api, /Staff accounts and their roles/)).toMatchObject({
      STAFF_DIRECTORY: 'external',
    });
    expect(environmentOf(api, /Staff accounts and their roles/)).not.toHaveProperty('USER_POOL_ID');
  });

  it('the sweep runs on an EventBridge rule at 16:30 UTC (00:30 in China, which has no daylight saving)', () => {
    const api = china.templates[1] as Template;
    api.resourceCountIs('AWS::Scheduler::Schedule', 0);
    api.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'cron(30 16 * * ? *)',
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          DeadLetterConfig: { Arn: Match.anyValue() },
          RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 6 * 3600 },
        }),
      ],
    });
  });

  it('notifications go through an SMTP relay when one is named, its credentials in a secret', () => {
    const given = synthesized({
      profile: 'china',
      'gongkai:smtpHost': 'smtp.example.gov.cn',
      'gongkai:smtpFrom': 'gongkai@example.gov.cn',
    });
    const api = given.templates[1] as Template;
    expect(environmentOf(api, /Daily compliance sweep/)).toMatchObject({
      SMTP_HOST: 'smtp.example.gov.cn',
      SMTP_PORT: '465',
      SMTP_FROM: 'gongkai@example.gov.cn',
      SMTP_SECRET_ARN: { Ref: expect.stringMatching(/^SmtpCredentials/) },
    });
    expect(given.json).not.toMatch(/ses:SendEmail/);
    expect(given.json).not.toMatch(/arn:aws:/);
  });
});

describe('global: Cognito, SES, EventBridge Scheduler', () => {
  it('keeps the user pool, the Cognito-issued JWT authorizer and the scheduler; no SMTP', () => {
    const global = synthesized({ 'gongkai:sesFromAddress': 'gongkai@example.com' });
    const [stateful, api] = global.templates as [Template, Template];
    stateful.resourceCountIs('AWS::Cognito::UserPool', 1);
    api.resourceCountIs('AWS::Scheduler::Schedule', 1);
    api.resourceCountIs('AWS::Events::Rule', 0);
    expect(environmentOf(api, /Daily compliance sweep/)).toMatchObject({
      SES_FROM_ADDRESS: 'gongkai@example.com',
    });
    expect(environmentOf(api, /Daily compliance sweep/)).not.toHaveProperty('SMTP_HOST');
    expect(environmentOf(api, /Staff accounts and their roles/)).toHaveProperty('USER_POOL_ID');
  });
});

describe('switching to a table restored from point-in-time recovery', () => {
  it('hands the restored table to the functions and the archiver; the original stays, retained', () => {
    const restored = synthesized({
      'gongkai:recordsTableName': 'gongkai-records-restored-20261201',
      'gongkai:recordsStreamArn':
        'arn:aws:dynamodb:us-east-1:123456789012:table/gongkai-records-restored-20261201/stream/2026-12-01T00:00:00.000',
    });
    const [stateful, api] = restored.templates as [Template, Template];
    stateful.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    expect(environmentOf(api, /Daily compliance sweep/)).toMatchObject({
      TABLE_NAME: 'gongkai-records-restored-20261201',
    });
    api.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: Match.stringLikeRegexp('gongkai-records-restored-20261201/stream/'),
    });
    expect(() => buildApp(appWith({ 'gongkai:recordsTableName': 'only-the-name' }))).toThrow(/go together/);
  });
});

describe('room to grow', () => {
  // CloudFormation takes at most 500 resources per stack; the supervision routes and more are to come.
  const LIMIT = 500;
  const HEADROOM = 100;
  it.each(['global', 'china'] as const)('%s: every stack keeps 100 resources below the limit', (name) => {
    const built = synthesized(name === 'china' ? { profile: 'china' } : {});
    for (const template of built.templates) {
      expect(typesIn(template).length).toBeLessThanOrEqual(LIMIT - HEADROOM);
    }
    // One invoke permission per function for the API, not one per route.
    const api = built.templates[1] as Template;
    const permissions = Object.values(
      api.findResources('AWS::Lambda::Permission', {
        Properties: { Principal: 'apigateway.amazonaws.com' },
      }),
    );
    expect(permissions.length).toBeLessThanOrEqual(functionDefinitions.length);
  });
});
