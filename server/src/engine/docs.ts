/** Where rule pages are published; every link to a rule's page is derived from its id here. */
export const DOCS_BASE_URL = 'https://github.com/secpolicy/secpolicy/blob/main/docs/rules/';

export function ruleDocUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
