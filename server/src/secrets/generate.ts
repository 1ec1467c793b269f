/** A source of random bytes: the platform's secure generator in use, a fixed sequence in tests. */
export type RandomBytes = (count: number) => Uint8Array;

export const secureRandomBytes: RandomBytes = (count) => globalThis.crypto.getRandomValues(new Uint8Array(count));

function base64(data: Uint8Array): string {
  let binary = '';
  for (const byte of data) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** `bytes` random bytes as unpadded base64url (no quoting needed in YAML or `.env`). */
export function randomSecret(random: RandomBytes, bytes = 32): string {
  const encoded = base64(random(bytes));
  let end = encoded.length;
  while (end > 0 && encoded[end - 1] === '=') end--;
  return encoded.slice(0, end).replace(/\+/g, '-').replace(/\//g, '_');
}

/** `bytes` random bytes in the `base64:…` form Laravel's APP_KEY takes. */
export function randomBase64Key(random: RandomBytes, bytes = 32): string {
  return `base64:${base64(random(bytes))}`;
}
