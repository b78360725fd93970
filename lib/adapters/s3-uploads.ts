import { randomUUID } from 'node:crypto';
import {
  CopyObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NotFound,
  PutObjectCommand,
  S3ServiceException,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { AlreadyExistsError } from '#lib/domain/errors';
import { keptKeyOf, newUploadKey, uploadIdOf } from '#lib/domain/upload-key';
import { uploadsPendingTag } from '#lib/platform/resources';
import type { PostedFile, StoredUpload, UploadStore } from '#lib/use-cases/uploads';
import { keys } from './keys';
import type { RecordsTable } from './records-table';

/**
 * Attachments go up and down through short-lived presigned URLs. A new upload goes up under
 * `incoming/<uuid>` with the `pending` tag (the bucket's lifecycle rule expires those); the URL is signed
 * for its declared length, type and size metadata. A record that references it claims it once in the
 * Records table and copies it to `kept/<uuid>`, the only key read from then on.
 */
export const UPLOAD_URL_SECONDS = 15 * 60;
export const DOWNLOAD_URL_SECONDS = 15 * 60;
const DECLARED_SIZE = 'declared-size';
const PENDING_TAGGING = `${uploadsPendingTag.key}=${uploadsPendingTag.value}`;

export class S3Uploads implements UploadStore {
  constructor(
    private readonly client: S3Client,
    readonly bucket: string,
    /** Where claims are written (not needed to presign). */
    private readonly table?: RecordsTable,
  ) {}

  async presignUpload(
    contentType: string,
    size: number,
  ): Promise<{ uploadKey: string; url: string; headers: Record<string, string> }> {
    const uploadKey = newUploadKey(randomUUID());
    const headers = {
      'content-type': contentType,
      'x-amz-tagging': PENDING_TAGGING,
      [`x-amz-meta-${DECLARED_SIZE}`]: String(size),
    };
    const url = await getSignedUrl(this.client, this.putCommand(uploadKey, contentType, size), {
      expiresIn: UPLOAD_URL_SECONDS,
      // The client must send exactly these headers and a body of exactly `size` bytes: all are signed.
      signableHeaders: new Set(['content-length', ...Object.keys(headers)]),
      unhoistableHeaders: new Set(Object.keys(headers)),
    });
    return { uploadKey, url, headers };
  }

  async storePosted(uploadKey: string, file: PostedFile): Promise<void> {
    await this.client.send(this.putCommand(uploadKey, file.contentType, file.bytes.byteLength, file.bytes));
  }

  /** The one shape of a new upload, presigned for a client or put by the portal. */
  private putCommand(
    uploadKey: string,
    contentType: string,
    size: number,
    body?: Uint8Array,
  ): PutObjectCommand {
    return new PutObjectCommand({
      Bucket: this.bucket,
      ...(body === undefined ? {} : { Body: body }),
      Key: uploadKey,
      ContentType: contentType,
      ContentLength: size,
      Tagging: PENDING_TAGGING,
      Metadata: { [DECLARED_SIZE]: String(size) },
    });
  }

  async inspect(uploadKey: string): Promise<StoredUpload | undefined> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: uploadKey }));
      const declared = Number(head.Metadata?.[DECLARED_SIZE] ?? Number.NaN);
      return {
        size: head.ContentLength ?? 0,
        declaredSize: Number.isSafeInteger(declared) ? declared : undefined,
        etag: head.ETag ?? '',
      };
    } catch (error) {
      if (error instanceof NotFound) return undefined;
      throw error;
    }
  }

  async claim(uploadKey: string, owner: string): Promise<'new' | 'mine' | 'taken'> {
    const table = this.claims();
    const key = keys.uploadClaim(uploadIdOf(uploadKey));
    try {
      await table.transact([
        {
          item: {
            Put: {
              TableName: table.tableName,
              Item: { ...key, entity: 'upload-claim', owner },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          onConditionFailed: () => new AlreadyExistsError('The upload is claimed.'),
        },
      ]);
      return 'new';
    } catch (error) {
      if (!(error instanceof AlreadyExistsError)) throw error;
      const holder = await table.get(key, { consistent: true });
      return holder?.owner === owner ? 'mine' : 'taken';
    }
  }

  async release(uploadKey: string, owner: string): Promise<void> {
    const table = this.claims();
    try {
      await table.transact([
        {
          item: {
            Delete: {
              TableName: table.tableName,
              Key: keys.uploadClaim(uploadIdOf(uploadKey)),
              ConditionExpression: '#owner = :owner',
              ExpressionAttributeNames: { '#owner': 'owner' },
              ExpressionAttributeValues: { ':owner': owner },
            },
          },
          onConditionFailed: () => new AlreadyExistsError('The upload is claimed by another record.'),
        },
      ]);
    } catch (error) {
      // Another record's claim is not ours to give back.
      if (!(error instanceof AlreadyExistsError)) throw error;
    }
  }

  async keep(uploadKey: string, etag: string): Promise<boolean> {
    try {
      await this.client.send(
        new CopyObjectCommand({
          Bucket: this.bucket,
          Key: keptKeyOf(uploadKey),
          CopySource: `${this.bucket}/${uploadKey}`,
          CopySourceIfMatch: etag,
          MetadataDirective: 'COPY',
          // The kept copy carries no `pending` tag (and lives outside the prefix the lifecycle rule expires).
          TaggingDirective: 'REPLACE',
          Tagging: `${uploadsPendingTag.key}=kept`,
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 412) return false;
      throw error;
    }
  }

  async downloadUrl(uploadKey: string, fileName: string): Promise<string> {
    return getSignedUrl(
      this.client,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: keptKeyOf(uploadKey),
        ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      }),
      { expiresIn: DOWNLOAD_URL_SECONDS },
    );
  }

  private claims(): RecordsTable {
    if (this.table === undefined) throw new Error('This uploads adapter has no table to claim uploads in.');
    return this.table;
  }
}
