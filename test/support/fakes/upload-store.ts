import { createHash } from 'node:crypto';
import { keptKeyOf } from '#lib/domain/upload-key';
import type { PostedFile, StoredUpload, UploadStore } from '#lib/use-cases/uploads';

/**
 * The uploads bucket and its claims in memory: files "uploaded" by a test (`put`, with the size its URL
 * was signed for), which record claimed each (a conditional write in the adapter), and the kept copies a
 * record reads (`referenced`). Download links are stable fake URLs naming the kept key and the file.
 */
export class InMemoryUploadStore implements UploadStore {
  private readonly objects = new Map<string, StoredUpload>();
  private readonly owners = new Map<string, string>();
  private etags = 0;
  /** Upload keys whose file was copied to its kept key. */
  readonly referenced = new Set<string>();

  /** A client's upload through its presigned URL (`declared`: the size the URL was signed for). */
  put(uploadKey: string, bytes = 1024, declared = bytes): string {
    this.etags += 1;
    this.objects.set(uploadKey, { size: bytes, declaredSize: declared, etag: `"${this.etags}"` });
    return uploadKey;
  }

  /** Files the portal posted, by upload key (what a test reads back). */
  readonly posted = new Map<string, PostedFile>();

  async storePosted(uploadKey: string, file: PostedFile): Promise<void> {
    this.posted.set(uploadKey, { contentType: file.contentType, bytes: new Uint8Array(file.bytes) });
    // As S3's ETag of a single PUT (the MD5 of the body): the same bytes put again keep their ETag.
    const etag = `"${createHash('md5').update(file.bytes).digest('hex')}"`;
    const size = file.bytes.byteLength;
    this.objects.set(uploadKey, { size, declaredSize: size, etag });
  }

  async inspect(uploadKey: string): Promise<StoredUpload | undefined> {
    return this.objects.get(uploadKey);
  }

  async claim(uploadKey: string, owner: string): Promise<'new' | 'mine' | 'taken'> {
    const holder = this.owners.get(uploadKey);
    if (holder === undefined) {
      this.owners.set(uploadKey, owner);
      return 'new';
    }
    return holder === owner ? 'mine' : 'taken';
  }

  async release(uploadKey: string, owner: string): Promise<void> {
    if (this.owners.get(uploadKey) === owner) this.owners.delete(uploadKey);
  }

  async keep(uploadKey: string, etag: string): Promise<boolean> {
    // Copying a missing object fails in S3 (NoSuchKey): so does this; a changed one fails its If-Match.
    const object = this.objects.get(uploadKey);
    if (object === undefined) throw new Error(`NoSuchKey: ${uploadKey}`);
    if (object.etag !== etag) return false;
    this.referenced.add(uploadKey);
    return true;
  }

  async downloadUrl(uploadKey: string, fileName: string): Promise<string> {
    return `https://uploads.test/${keptKeyOf(uploadKey)}?name=${encodeURIComponent(fileName)}`;
  }
}
