import { randomUUID } from 'node:crypto';
import {
  GetObjectCommand,
  HeadObjectCommand,
  NotFound,
  PutObjectCommand,
  PutObjectTaggingCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { newUploadKey } from '#lib/domain/upload-key';
import { uploadsPendingTag } from '#lib/platform/resources';

/**
 * Attachments go up and down through short-lived presigned URLs. A new upload carries the `pending` tag
 * (the bucket's lifecycle rule expires those); referencing it from a record retags it.
 */
export const UPLOAD_URL_SECONDS = 15 * 60;
export const DOWNLOAD_URL_SECONDS = 15 * 60;

export class S3Uploads {
  constructor(
    private readonly client: S3Client,
    readonly bucket: string,
  ) {}

  async presignUpload(
    contentType: string,
  ): Promise<{ uploadKey: string; url: string; headers: Record<string, string> }> {
    const uploadKey = newUploadKey(randomUUID());
    const tagging = `${uploadsPendingTag.key}=${uploadsPendingTag.value}`;
    const url = await getSignedUrl(
      this.client,
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: uploadKey,
        ContentType: contentType,
        Tagging: tagging,
      }),
      {
        expiresIn: UPLOAD_URL_SECONDS,
        // The browser must send exactly these headers; they are part of the signature.
        signableHeaders: new Set(['content-type', 'x-amz-tagging']),
      },
    );
    return { uploadKey, url, headers: { 'content-type': contentType, 'x-amz-tagging': tagging } };
  }

  /** The size of an uploaded object, or undefined if nothing was uploaded under the key. */
  async sizeOf(uploadKey: string): Promise<number | undefined> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: uploadKey }));
      return head.ContentLength ?? 0;
    } catch (error) {
      if (error instanceof NotFound) return undefined;
      throw error;
    }
  }

  async markReferenced(uploadKey: string): Promise<void> {
    await this.client.send(
      new PutObjectTaggingCommand({
        Bucket: this.bucket,
        Key: uploadKey,
        Tagging: { TagSet: [{ Key: uploadsPendingTag.key, Value: 'referenced' }] },
      }),
    );
  }

  async downloadUrl(uploadKey: string, fileName: string): Promise<string> {
    return getSignedUrl(
      this.client,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: uploadKey,
        ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      }),
      { expiresIn: DOWNLOAD_URL_SECONDS },
    );
  }
}
