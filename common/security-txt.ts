/**
 * security.txt (RFC 9116) as the editor writes it: shared by the fixes, completion and the
 * command that creates the file. The clock is read by the callers and passed in as `now`.
 */

/**
 * A date a little under a year after `now` (an ISO date-time), at midnight UTC, as RFC 3339:
 * the Expires a fix, a completion or a new file gets. Undefined without a usable `now`.
 */
export function nextExpires(now: string | undefined): string | undefined {
  const time = now === undefined ? NaN : Date.parse(now);
  if (Number.isNaN(time)) return undefined;
  const today = new Date(time);
  const date = new Date(Date.UTC(today.getUTCFullYear() + 1, today.getUTCMonth(), today.getUTCDate() - 1));
  return `${date.toISOString().slice(0, 10)}T00:00:00Z`;
}
