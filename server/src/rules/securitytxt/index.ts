import type { Rule } from '../../core/types';
import type { SecurityTxtModel } from '../../formats/securitytxt';
import { securityTxtCanonical } from './canonical';
import { securityTxtDuplicateField } from './duplicate-field';
import { securityTxtExpires } from './expires';
import { securityTxtInsecureLink } from './insecure-link';
import { securityTxtInvalidLine } from './invalid-line';
import { securityTxtInvalidUri } from './invalid-uri';
import { securityTxtNoContact } from './no-contact';
import { securityTxtNoPolicy } from './no-policy';
import { securityTxtPlaceholder } from './placeholder';
import { securityTxtUnknownField } from './unknown-field';

/** Every security.txt (RFC 9116) rule, one line each. */
export const securityTxtRules: Rule<SecurityTxtModel>[] = [
  securityTxtNoContact,
  securityTxtPlaceholder,
  securityTxtInvalidUri,
  securityTxtExpires,
  securityTxtDuplicateField,
  securityTxtInvalidLine,
  securityTxtInsecureLink,
  securityTxtCanonical,
  securityTxtUnknownField,
  securityTxtNoPolicy,
];
