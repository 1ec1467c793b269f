import assert from 'node:assert/strict';
import { unsupportedNode } from '../../server/src/node-version';

describe('Node.js version check', () => {
  it('names the range and the running version when Node.js is too old, and says nothing otherwise', () => {
    assert.equal(
      unsupportedNode('secpolicy', '18.19.1', '>=20.19.0'),
      'secpolicy needs Node.js >=20.19.0; this is Node.js 18.19.1. Install a newer Node.js (https://nodejs.org).',
    );
    assert.equal(unsupportedNode('secpolicy', '20.19.0', '>=20.19.0'), undefined);
    assert.equal(unsupportedNode('secpolicy', '24.1.0', '>=20.19.0'), undefined);
    // Run from source, with no range built in: nothing to check.
    assert.equal(unsupportedNode('secpolicy', '18.0.0', undefined), undefined);
  });
});
