import type { Rule } from '../../core/types';
import type { DotenvModel } from '../../formats/dotenv';
import { dotenvDefaultPassword } from './default-password';
import { dotenvEmptyPassword } from './empty-password';
import { dotenvInvalidLine } from './invalid-line';
import { dotenvWeakJwtSecret } from './weak-jwt-secret';

/** Every .env rule, one line each: the credential checks Compose files get, for the file that holds the values. */
export const dotenvRules: Rule<DotenvModel>[] = [
  dotenvDefaultPassword,
  dotenvEmptyPassword,
  dotenvInvalidLine,
  dotenvWeakJwtSecret,
];
