import { createHash } from 'node:crypto';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { keptKeyOf } from '#lib/domain/upload-key';
import { DOWNLOAD_URL_SECONDS } from './s3-uploads';
import {
  CopyObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3ServiceException,
  type S3Client,
} from '@aws-sdk/client-s3';

/**
 * The archive bucket: immutable JSON objects. In AWS the bucket has versioning and Object Lock, so an
 * object once written can neither be altered nor removed within its retention.
 */
export class S3Archive {
  constructor(
    private readonly client: S3Client,
    readonly bucket: string,
    /** Where uploaded files are copied from (the archiver only). */
    private readonly uploadsBucket?: string,
  ) {}

  /** Copies a record's file (named by its upload key) from its kept copy in the uploads bucket. */
  async copyFromUploads(
    uploadKey: string,
    archiveKey: string,
    metadata: Record<string, string> = {},
  ): Promise<void> {
    if (this.uploadsBucket === undefined)
      throw new Error('This archive adapter has no uploads bucket to copy from.');
    await this.writeOnce(() =>
      this.client.send(
        new CopyObjectCommand({
          Bucket: this.bucket,
          Key: archiveKey,
          // The record's kept copy: the upload key itself could be overwritten by a second PUT.
          CopySource: `${this.uploadsBucket}/${keptKeyOf(uploadKey)}`,
          MetadataDirective: 'REPLACE',
          Metadata: metadata,
          // Object Lock buckets require an integrity checksum on every write.
          ChecksumAlgorithm: 'SHA256',
          IfNoneMatch: '*',
        }),
      ),
    );
  }

  /**
   * Writes an object once. S3 requires an integrity checksum on every write to an Object Lock bucket,
   * so we send our own SHA-256; `If-None-Match: *` makes a redelivered write a no-op rather than a
   * second version (S3 answers 412, which we take as "already archived").
   */
  async put(
    key: string,
    body: string,
    metadata: Record<string, string> = {},
    contentType = 'application/json; charset=utf-8',
  ): Promise<void> {
    await this.writeOnce(() =>
      this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: body,
          ContentType: contentType,
          Metadata: metadata,
          ChecksumSHA256: createHash('sha256').update(body, 'utf8').digest('base64'),
          IfNoneMatch: '*',
        }),
      ),
    );
  }

  /** Sends a write made conditional with `If-None-Match: *`; S3's 412 means it is already archived. */
  private async writeOnce(send: () => Promise<unknown>): Promise<void> {
    try {
      await send();
    } catch (error) {
      if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 412) return;
      throw error;
    }
  }

  async get(key: string): Promise<string | undefined> {
    try {
      const result = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return await result.Body?.transformToString('utf8');
    } catch (error) {
      if (error instanceof NoSuchKey || error instanceof NotFound) return undefined;
      throw error;
    }
  }

  /** A short-lived link to read an archived object (a decision letter on the status page). */
  async downloadUrl(key: string, seconds = DOWNLOAD_URL_SECONDS): Promise<string> {
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.bucket, Key: key }), {
      expiresIn: seconds,
    });
  }

  /** Whether an object exists (needs s3:ListBucket to tell "absent" from "forbidden"). */
  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return true;
    } catch (error) {
      if (error instanceof NotFound || error instanceof NoSuchKey) return false;
      throw error;
    }
  }
}
