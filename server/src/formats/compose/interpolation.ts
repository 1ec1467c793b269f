/**
 * Compose variable interpolation: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`,
 * `${VAR:?error}`, `${VAR?error}`, `${VAR:+replacement}`, `${VAR+replacement}` and `$$`.
 */

export type InterpolationOperator = ':-' | '-' | ':?' | '?' | ':+' | '+';

export interface Interpolation {
  /** Offsets within the interpolated string. */
  start: number;
  end: number;
  name: string;
  operator?: InterpolationOperator;
  /** The default, error or replacement text after the operator, and where it starts. */
  argument?: string;
  argumentStart?: number;
}

export type Lookup = (name: string) => string | undefined;

export interface Resolved {
  /**
   * The value Compose would use, or undefined when it depends on a variable that is not set here,
   * or would grow past MAX_INTERPOLATED_LENGTH (see `tooLong`).
   */
  value?: string;
  /** The value would be longer than MAX_INTERPOLATED_LENGTH: an expansion bomb, not a setting. */
  tooLong?: boolean;
  /** The value is written literally, with no variable in it. */
  literal: boolean;
  /** Some variable in it is marked required (`:?` or `?`). */
  required: boolean;
  /**
   * Where the effective value is written, when it is written in one piece in this string
   * (a literal, or a default that was used): offsets within the string.
   */
  source?: { start: number; end: number };
  /** Variables whose values (from `lookup`) went into the value, in order. */
  variables: string[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

/** No setting is longer than this once interpolated; values that would be are not built. */
export const MAX_INTERPOLATED_LENGTH = 65_536;

/** Finds the `}` that closes a `${` at `open`, allowing nested `${…}` in defaults. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

export function parseInterpolations(text: string): Interpolation[] {
  const found: Interpolation[] = [];
  let i = 0;
  while (i < text.length) {
    const dollar = text.indexOf('$', i);
    if (dollar === -1) break;
    const next = text[dollar + 1];
    if (next === '$') {
      i = dollar + 2;
      continue;
    }
    if (next === '{') {
      const close = closingBrace(text, dollar);
      if (close === -1) break;
      const body = text.slice(dollar + 2, close);
      const name = NAME.exec(body)?.[0] ?? '';
      const rest = body.slice(name.length);
      const operator = ([':-', ':?', ':+', '-', '?', '+'] as const).find((op) => rest.startsWith(op));
      const interpolation: Interpolation = { start: dollar, end: close + 1, name };
      if (operator) {
        interpolation.operator = operator;
        interpolation.argument = rest.slice(operator.length);
        interpolation.argumentStart = dollar + 2 + name.length + operator.length;
      }
      found.push(interpolation);
      i = close + 1;
      continue;
    }
    const name = NAME.exec(text.slice(dollar + 1))?.[0];
    if (name) {
      found.push({ start: dollar, end: dollar + 1 + name.length, name });
      i = dollar + 1 + name.length;
    } else {
      i = dollar + 1;
    }
  }
  return found;
}

/**
 * Resolves `text` as Compose would, given the variables in `lookup`. A variable that is not set and
 * has no default leaves the value undefined, unless `unknown` is given: it then stands in for the
 * variable's value, so that the shape of the rest can still be read (`${PORT}:80` is a published port).
 */
export function resolveInterpolation(text: string, lookup: Lookup, unknown?: string, depth = 0): Resolved {
  const interpolations = parseInterpolations(text);
  if (interpolations.length === 0) {
    const value = text.replace(/\$\$/g, '$');
    return { value, literal: true, required: false, source: { start: 0, end: text.length }, variables: [] };
  }
  let value: string | undefined = '';
  let required = false;
  let cursor = 0;
  let source: Resolved['source'];
  const variables: string[] = [];
  const use = (name: string, value: string | undefined) => {
    if (value !== undefined && !variables.includes(name)) variables.push(name);
    return value;
  };
  const only = interpolations.length === 1 && interpolations[0].start === 0 && interpolations[0].end === text.length;
  for (const part of interpolations) {
    const before = text.slice(cursor, part.start).replace(/\$\$/g, '$');
    cursor = part.end;
    const variable = lookup(part.name);
    let piece: string | undefined;
    switch (part.operator) {
      case ':-':
      case '-': {
        const useDefault = part.operator === ':-' ? !variable : variable === undefined;
        if (useDefault && depth < 4) {
          const inner = resolveInterpolation(part.argument ?? '', lookup, unknown, depth + 1);
          if (inner.tooLong) return { literal: false, required, variables, tooLong: true };
          piece = inner.value;
          required ||= inner.required;
          for (const name of inner.variables) use(name, '');
          if (only && inner.literal && part.argumentStart !== undefined) {
            source = { start: part.argumentStart, end: part.argumentStart + (part.argument ?? '').length };
          }
        } else {
          piece = use(part.name, variable);
        }
        break;
      }
      case ':?':
      case '?':
        required = true;
        // `${VAR:?…}` with VAR empty stops Compose, like an unset VAR: no value is ever used.
        piece = part.operator === ':?' && variable === '' ? undefined : use(part.name, variable);
        break;
      case ':+':
      case '+': {
        const useReplacement = part.operator === ':+' ? Boolean(variable) : variable !== undefined;
        if (useReplacement && depth < 4) {
          const inner = resolveInterpolation(part.argument ?? '', lookup, unknown, depth + 1);
          if (inner.tooLong) return { literal: false, required, variables, tooLong: true };
          piece = inner.value;
          for (const name of inner.variables) use(name, '');
        } else {
          piece = '';
        }
        break;
      }
      default:
        piece = use(part.name, variable);
    }
    if (piece === undefined && unknown !== undefined) piece = unknown;
    if (
      value !== undefined &&
      piece !== undefined &&
      value.length + before.length + piece.length > MAX_INTERPOLATED_LENGTH
    ) {
      return { literal: false, required, variables, tooLong: true };
    }
    value = value === undefined || piece === undefined ? undefined : value + before + piece;
  }
  if (value !== undefined) value += text.slice(cursor).replace(/\$\$/g, '$');
  return { value, literal: false, required, source, variables };
}
