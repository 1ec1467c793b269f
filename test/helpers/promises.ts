import assert from 'node:assert/strict';
import type { Finding, ProjectFacts } from '../../server/src/core/types';
import { lintText } from '../../server/src/rules';

/** A policy and a Compose file of one repository, linted with every rule, as the two promise rules see them. */
export const POLICY_PATH = '/repo/SECURITY.md';
export const COMPOSE_PATH = '/repo/compose.yaml';

/** A policy whose Deployment section holds `promises`, one list item each. */
export function policy(...promises: string[]): string {
  return `# Security Policy\n\n## Deployment\n\n${promises.map((promise) => `- ${promise}\n`).join('')}`;
}

export function deploymentFacts(compose: string): ProjectFacts {
  return { deployment: () => [{ files: [{ path: COMPOSE_PATH, text: compose }], references: new Map(), facts: {} }] };
}

/** The policy's promise findings: severity, message id, the promise's text, and each breach's text. */
export function policySide(policyText: string, compose: string): [string, string, string, string[]][] {
  return lintText('policy', policyText, { facts: deploymentFacts(compose) })
    .findings.filter((finding) => finding.ruleId === 'policy/unkept-promise')
    .map((finding) => [
      finding.severity,
      finding.messageId,
      policyText.slice(finding.start, finding.end),
      (finding.related ?? []).map((related) => {
        assert.equal(related.path, COMPOSE_PATH);
        return compose.slice(related.start, related.end);
      }),
    ]);
}

export function composeFindings(policyText: string, compose: string): Finding[] {
  const facts: ProjectFacts = { policy: () => ({ path: POLICY_PATH, text: policyText }) };
  return lintText('compose', compose, { facts }).findings;
}

/** The Compose file's promise findings: severity, the breach's text, and the promise's text. */
export function composeSide(policyText: string, compose: string): [string, string, string][] {
  return composeFindings(policyText, compose)
    .filter((finding) => finding.ruleId === 'compose/unkept-promise')
    .map((finding) => {
      assert.equal(finding.related?.length, 1);
      const [related] = finding.related!;
      assert.equal(related.path, POLICY_PATH);
      return [
        finding.severity,
        compose.slice(finding.start, finding.end),
        policyText.slice(related.start, related.end),
      ];
    });
}
