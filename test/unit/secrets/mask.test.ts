import assert from 'node:assert/strict';
import { maskSecret } from '../../../server/src/secrets/mask';

describe('secrets', () => {
  it('masks all but the first two characters', () => {
    assert.equal(maskSecret('changeme'), 'ch******');
    assert.equal(maskSecret('abc'), '***');
    assert.equal(maskSecret('a-very-long-secret-value'), 'a-********');
  });
});
