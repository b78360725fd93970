import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import { AcknowledgeExpectedWildcards } from './constructs/acknowledged-wildcards';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ApiStack } from './stacks/api-stack';
import { CLOUDFRONT_WAF_REGION, EdgeFirewallStack } from './stacks/edge-firewall-stack';
import { StatefulStack } from './stacks/stateful-stack';
import { profileOf, type DeploymentProfile } from './profile';

/** Builds the Gongkai app: stateful resources in one stack, the API and functions in another. */
export function buildApp(app: App = new App()): {
  app: App;
  profile: DeploymentProfile;
  stateful: StatefulStack;
  api: ApiStack;
  edgeFirewall: EdgeFirewallStack | undefined;
} {
  const profile = profileOf(app.node);
  // China always names its Region, so the partition (and every ARN) is known at synth: `aws-cn`.
  const env =
    profile.region === undefined
      ? undefined
      : { region: profile.region, account: process.env.CDK_DEFAULT_ACCOUNT };
  // Server access logs are delivered under a bucket policy, not the legacy log-delivery ACL.
  app.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
  app.node.setContext('@aws-cdk/core:defaultCrossStackReferences', 'strong');
  const stateful = new StatefulStack(app, 'GongkaiStateful', {
    description: 'Gongkai: records table, archive, uploads, staff pool',
    env,
    profile,
  });
  // CloudFront's web ACL lives in us-east-1; the China Regions have no CloudFront-scope WAF.
  const edgeFirewall =
    profile.name === 'global'
      ? new EdgeFirewallStack(app, 'GongkaiEdgeFirewall', {
          description: 'Gongkai: the AWS WAF web ACL in front of CloudFront',
          env: { region: CLOUDFRONT_WAF_REGION, account: process.env.CDK_DEFAULT_ACCOUNT },
        })
      : undefined;
  const api = new ApiStack(app, 'GongkaiApi', {
    description: 'Gongkai: HTTP API, functions, archiver and daily sweep',
    env,
    profile,
    resources: {
      table: stateful.table,
      archiveBucket: stateful.archiveBucket,
      uploadsBucket: stateful.uploadsBucket,
      userPool: stateful.userPool,
      applicantKey: stateful.applicantKey,
    },
    staffClient: stateful.staffClient,
    edgeFirewall: edgeFirewall?.reference,
  });
  if (edgeFirewall) api.addStackDependency(edgeFirewall);
  Validations.of(app).addPlugins(new AcknowledgeExpectedWildcards(), new AwsSolutionsChecks(app));
  return { app, profile, stateful, api, edgeFirewall };
}

// Run as the CDK app (not imported by tests). Compare real paths as URLs: checkouts may contain spaces.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  buildApp().app.synth();
}
