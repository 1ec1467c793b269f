/**
 * Interpolation read the way compose-go's template package reads it (its substitution pattern:
 * `$$`, `$name`, `${braced}` with `[_a-z][_a-z0-9]*` and an optional `:-`, `-`, `:?`, `?`, `:+`,
 * `+` and the rest up to the closing brace), written independently of the engine's own reader so
 * that tests can hold the fixes to Compose's grammar rather than to ours.
 */
export interface Substitution {
  /** The whole `${…}` or `$name`. */
  text: string;
  name: string;
  /** `:?`, `-` and the like; undefined for a bare `${name}` or `$name`. */
  modifier?: string;
  /** What follows the modifier: a default, an error message or a replacement. */
  rest?: string;
  /** A `${` Compose rejects (no valid name), or one never closed. */
  invalid?: boolean;
}

const PATTERN = /\$(?:(\$)|([_a-z][_a-z0-9]*)|\{(?:([_a-z][_a-z0-9]*)(?:(:?[-+?])([^}]*))?\}|()))/gi;

export function substitutions(text: string): Substitution[] {
  const found: Substitution[] = [];
  for (const match of text.matchAll(PATTERN)) {
    const [whole, escaped, named, braced, modifier, rest, invalid] = match;
    if (escaped !== undefined) continue;
    if (named !== undefined) found.push({ text: whole, name: named });
    else if (braced !== undefined) {
      found.push({ text: whole, name: braced, ...(modifier !== undefined ? { modifier, rest } : {}) });
    } else if (invalid !== undefined) found.push({ text: whole, name: '', invalid: true });
  }
  return found;
}
