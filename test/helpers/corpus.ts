import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The folder of real public files and seed policies beside the repository (absent on a bare clone). */
export const SHARED = join(__dirname, '..', '..', '..', 'shared');

/** The corpus and seed policies, by folder and name; none when `../shared` is absent. */
export function corpusPolicies(): { name: string; text: string }[] {
  const found: { name: string; text: string }[] = [];
  for (const folder of ['corpus/security-md', 'seeds']) {
    const path = join(SHARED, folder);
    if (!existsSync(path)) continue;
    for (const name of readdirSync(path).filter((entry) => entry.endsWith('.md'))) {
      found.push({ name: `${folder}/${name}`, text: readFileSync(join(path, name), 'utf8') });
    }
  }
  return found;
}
