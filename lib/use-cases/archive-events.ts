import * as z from 'zod';
import { archiveKeys } from '#lib/domain/archive-keys';
import { chinaYearOf } from '#lib/domain/china-time';
import { canonicalJson, type TimelineEvent } from '#lib/domain/timeline';

/** Port: the immutable archive. */
export interface Archive {
  put(key: string, body: string, metadata?: Record<string, string>, contentType?: string): Promise<void>;
  /** Copies an uploaded file into the archive, once. */
  copyFromUploads(uploadKey: string, archiveKey: string, metadata?: Record<string, string>): Promise<void>;
}

/**
 * What an event asks the archiver to keep beside it: documents rendered at the time of the change (a
 * decision letter, a published document) and uploaded files (released or published attachments).
 */
const ArchiveRequests = z.object({
  archiveObjects: z
    .array(z.object({ key: z.string(), body: z.string(), contentType: z.string() }))
    .default([]),
  uploadCopies: z.array(z.object({ uploadKey: z.string(), archiveKey: z.string() })).default([]),
});

/** Where an event lives in the archive: with its case, under the year (CST) it happened. */
export const archiveKeyOf = (event: TimelineEvent): string =>
  archiveKeys.event(event.case, chinaYearOf(new Date(event.at)), event.seq);

/**
 * Archives one timeline event. The object is the event's canonical JSON, which carries its own hash and
 * the previous event's, so the archived objects of a case form the same hash chain as the table.
 * Writing it twice writes the same bytes: stream retries are harmless.
 */
export async function archiveEvent(archive: Archive, event: TimelineEvent): Promise<string> {
  const key = archiveKeyOf(event);
  await archive.put(key, canonicalJson(event), {
    sha256: event.hash,
    'prev-sha256': event.prevHash ?? 'none',
  });
  // Malformed requests are a bug in the writer: fail (the record is retried and logged), never skip them.
  const requests = ArchiveRequests.parse(event.data);
  await Promise.all([
    archiveDocuments(archive, event),
    ...requests.uploadCopies.map((copy) =>
      archive.copyFromUploads(copy.uploadKey, copy.archiveKey, { 'event-sha256': event.hash }),
    ),
  ]);
  return key;
}

/**
 * Writes the documents an event carries (a decision letter, a notice) exactly as the archiver does: same
 * key, bytes and metadata, write-once, so whichever comes second is a no-op. The step that made the event
 * calls it as soon as the event is committed, so a link to the letter never leads to a 404.
 */
export async function archiveDocuments(archive: Pick<Archive, 'put'>, event: TimelineEvent): Promise<void> {
  const { archiveObjects } = ArchiveRequests.parse(event.data);
  await Promise.all(
    archiveObjects.map((object) =>
      archive.put(object.key, object.body, { 'event-sha256': event.hash }, object.contentType),
    ),
  );
}

/** Keeps a stream record the archiver could not read, under `quarantine/`, with the reason. */
export async function quarantine(
  archive: Archive,
  record: { eventID?: string | undefined; dynamodb?: { SequenceNumber?: string | undefined } | undefined },
  reason: string,
): Promise<string> {
  const id = record.dynamodb?.SequenceNumber ?? record.eventID ?? 'unknown';
  const key = `quarantine/${id}.json`;
  await archive.put(key, JSON.stringify({ reason, record }));
  return key;
}
