import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';

/**
 * A bucket that receives logs — S3 server access logs, CloudFront's standard logs: encrypted, private,
 * TLS-only, each log kept 400 days, retained with its stack. `delivery`
 * says how logs arrive: under a bucket policy (S3's server access logs), or with an ACL grant (CloudFront's
 * standard logs need one).
 */
export function logBucket(scope: Construct, id: string, delivery: 'bucket-policy' | 'acl-grant'): Bucket {
  const bucket = new Bucket(scope, id, {
    encryption: BucketEncryption.S3_MANAGED,
    blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    objectOwnership:
      delivery === 'acl-grant'
        ? ObjectOwnership.BUCKET_OWNER_PREFERRED
        : ObjectOwnership.BUCKET_OWNER_ENFORCED,
    lifecycleRules: [{ expiration: Duration.days(400) }],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  Validations.of(bucket).acknowledge({
    id: 'AwsSolutions-S1',
    reason:
      'This is a log bucket itself; logging access to it into another bucket would be a log of the logs.',
  });
  return bucket;
}
