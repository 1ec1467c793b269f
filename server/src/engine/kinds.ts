import type { DocumentKind } from './types';

/**
 * The kind of document a path names: `SECURITY.md` in any case, Compose files
 * (`compose.y(a)ml`, `docker-compose.y(a)ml` and any `*compose*.y(a)ml` override), `.env` files,
 * and `security.txt` (RFC 9116), in `.well-known/` or anywhere else.
 */
export function documentKind(path: string): DocumentKind | undefined {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  if (/^security\.md$/i.test(name)) return 'policy';
  // Lower case only, as RFC 9116 names it and web servers serve it: SECURITY.txt is some other note.
  if (name === 'security.txt') return 'securitytxt';
  const lower = name.toLowerCase();
  // .env, .env.production, app.env; not the examples that ship placeholders on purpose.
  if (
    (lower === '.env' || lower.startsWith('.env.') || lower.endsWith('.env')) &&
    !/\.(?:example|sample|template|dist)$/.test(lower)
  ) {
    return 'dotenv';
  }
  if ((lower.endsWith('.yml') || lower.endsWith('.yaml')) && lower.includes('compose')) return 'compose';
  return undefined;
}
