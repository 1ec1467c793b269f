/** Shows enough of a secret to recognise it, never the whole value: `changeme` becomes `ch******`. */
export function maskSecret(value: string): string {
  if (value.length <= 4) return '*'.repeat(Math.max(value.length, 3));
  return value.slice(0, 2) + '*'.repeat(Math.min(value.length - 2, 8));
}

/** `(po******)`: the masked value for a message. */
export function masked(value: string): string {
  return `(${maskSecret(value)})`;
}
