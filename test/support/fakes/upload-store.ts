import type { UploadStore } from '#lib/use-cases/uploads';

/**
 * The uploads bucket in memory: files "uploaded" by a test (`put`), and which of them a record now
 * references (the bucket expires the others). Download links are stable fake URLs naming key and file.
 */
export class InMemoryUploadStore implements UploadStore {
  private readonly sizes = new Map<string, number>();
  readonly referenced = new Set<string>();

  /** A client's upload through its presigned URL. */
  put(uploadKey: string, bytes = 1024): string {
    this.sizes.set(uploadKey, bytes);
    return uploadKey;
  }

  async sizeOf(uploadKey: string): Promise<number | undefined> {
    return this.sizes.get(uploadKey);
  }

  async markReferenced(uploadKey: string): Promise<void> {
    // Tagging a missing object fails in S3 (NoSuchKey): so does this.
    if (!this.sizes.has(uploadKey)) throw new Error(`NoSuchKey: ${uploadKey}`);
    this.referenced.add(uploadKey);
  }

  async downloadUrl(uploadKey: string, fileName: string): Promise<string> {
    return `https://uploads.test/${uploadKey}?name=${encodeURIComponent(fileName)}`;
  }
}
