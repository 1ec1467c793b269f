import assert from 'node:assert/strict';
import { parseConfigText, readConfig } from '../../../server/src/engine/config';
import { ruleIds } from '../../../server/src/rules';

describe('configuration', () => {
  it('reads rules and reports unknown rules, severities and settings', () => {
    const result = readConfig(
      {
        $schema: 'x',
        rules: { 'policy/no-contact': 'warning', 'policy/nope': 'off', 'compose/acme-staging': 'loud' },
        extra: 1,
      },
      ruleIds,
    );
    assert.deepEqual(result.config, { rules: { 'policy/no-contact': 'warning' } });
    assert.deepEqual(result.problems, [
      'unknown rule "policy/nope"',
      'rule "compose/acme-staging": severity must be "off", "info", "warning" or "error", not "loud"',
      'unknown setting "extra" (expected "rules")',
    ]);
  });

  it('reports invalid JSON with one clear line', () => {
    const result = parseConfigText('{ rules: ', ruleIds);
    assert.deepEqual(result.config, { rules: {} });
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0], /^invalid JSON: /);
  });
});
