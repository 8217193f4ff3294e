// Random ids for board entries. Uses getRandomValues, which (unlike randomUUID) also works on
// plain-http LAN origins, where a wall screen is often served from.

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function newId(length = 16): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}
