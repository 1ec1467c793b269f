import assert from 'node:assert/strict';
import { configuredSeverity, mergeConfigs, parseConfigText, readConfig } from '../../../server/src/engine/config';
import { lintText } from '../../../server/src/rules';
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
      'unknown setting "extra" (expected "preset" or "rules")',
    ]);
  });

  it('reports invalid JSON with one clear line', () => {
    const result = parseConfigText('{ rules: ', ruleIds);
    assert.deepEqual(result.config, { rules: {} });
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0], /^invalid JSON: /);
  });

  describe('presets', () => {
    const compose = 'services:\n  web:\n    image: nginx\n    privileged: true\n';
    const ids = (config: Parameters<typeof lintText>[2]) =>
      lintText('compose', compose, config).findings.map((finding) => `${finding.ruleId} ${finding.severity}`);

    it('reads "recommended" and "strict", and names anything else', () => {
      assert.deepEqual(readConfig({ preset: 'strict' }, ruleIds), {
        config: { preset: 'strict', rules: {} },
        problems: [],
      });
      assert.deepEqual(readConfig({ preset: 'paranoid' }, ruleIds).problems, [
        '"preset" must be "recommended" or "strict", not "paranoid"',
      ]);
    });

    it('recommended, the default, leaves the hardening rules off; strict turns every rule on at info', () => {
      assert.deepEqual(ids(undefined), ['compose/privileged error']);
      assert.deepEqual(ids({ config: { preset: 'recommended', rules: {} } }), ['compose/privileged error']);
      assert.deepEqual(ids({ config: { preset: 'strict', rules: {} } }), [
        'compose/no-new-privileges info',
        'compose/writable-root-filesystem info',
        'compose/unpinned-image info',
        'compose/privileged error',
      ]);
      for (const id of ['policy/no-encryption', 'policy/no-safe-harbor', 'compose/unpinned-image']) {
        assert.equal(configuredSeverity({ preset: 'strict', rules: {} }, { id, defaultSeverity: 'off' }), 'info');
        assert.equal(configuredSeverity({ rules: {} }, { id, defaultSeverity: 'off' }), 'off');
      }
    });

    it("an explicit rules entry wins over the preset, and a later layer's preset over an earlier one", () => {
      const merged = mergeConfigs(
        { preset: 'recommended', rules: { 'compose/privileged': 'off' } },
        { preset: 'strict', rules: { 'compose/unpinned-image': 'off' } },
        { rules: { 'compose/writable-root-filesystem': 'warning' } },
      );
      assert.deepEqual(merged, {
        preset: 'strict',
        rules: {
          'compose/privileged': 'off',
          'compose/unpinned-image': 'off',
          'compose/writable-root-filesystem': 'warning',
        },
      });
      assert.deepEqual(ids({ config: merged }), [
        'compose/no-new-privileges info',
        'compose/writable-root-filesystem warning',
      ]);
    });
  });
});
