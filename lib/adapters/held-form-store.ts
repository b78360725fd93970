import { randomBytes } from 'node:crypto';
import type { HeldForm } from '#lib/web/console/session';
import { keys } from './keys';
import type { RecordsTable } from './records-table';

/** How long a form posted into an expired session is kept for its author. */
export const HELD_FORM_SECONDS = 60 * 60;
/** A held form bigger than this is not kept (a DynamoDB item is at most 400 KB; text forms are far smaller). */
const MAX_HELD_BYTES = 64 * 1024;

/**
 * Forms kept across an expired session, under their author's staff item (never readable by anyone else:
 * the key starts with their staff id), expiring by the table's TTL — and by `expiresAt`, checked on
 * reading, since TTL deletes lazily.
 */
export class DynamoHeldForms {
  constructor(private readonly table: RecordsTable) {}

  async hold(staffId: string, form: HeldForm, now: Date): Promise<string> {
    const id = randomBytes(12).toString('base64url');
    const values = Object.fromEntries(Object.entries(form.values).filter(([name]) => !name.startsWith('_')));
    const kept = Buffer.byteLength(JSON.stringify(values)) <= MAX_HELD_BYTES ? values : {};
    await this.table.putOnce(keys.heldForm(staffId, id), {
      action: form.action,
      values: kept,
      expiresAt: Math.floor(now.getTime() / 1000) + HELD_FORM_SECONDS,
    });
    return id;
  }

  async held(staffId: string, id: string, now: Date): Promise<HeldForm | undefined> {
    if (!/^[A-Za-z0-9_-]{16}$/.test(id)) return undefined;
    const item = await this.table.get(keys.heldForm(staffId, id));
    if (item === undefined || typeof item.action !== 'string' || typeof item.values !== 'object')
      return undefined;
    if (typeof item.expiresAt !== 'number' || item.expiresAt * 1000 < now.getTime()) return undefined;
    return { action: item.action, values: item.values as Record<string, string> };
  }
}
