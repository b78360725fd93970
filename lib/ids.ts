import { randomInt } from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A random identifier: `prefix` + `length` base-36 characters from a cryptographic source. */
export function randomId(prefix: string, length = 20): string {
  let id = prefix;
  for (let i = 0; i < length; i += 1) id += ALPHABET.charAt(randomInt(ALPHABET.length));
  return id;
}

export const newStaffId = (): string => randomId('stf_');
