// Writes schemas/secpolicy.schema.json from the rule registry: `npm run schema`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema } from '../server/src/engine/schema';
import { allRules } from '../server/src/rules';

writeFileSync(
  join(__dirname, '..', 'schemas', 'secpolicy.schema.json'),
  `${JSON.stringify(configSchema(allRules), null, 2)}\n`,
);
