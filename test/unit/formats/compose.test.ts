import assert from 'node:assert/strict';
import { parseCompose } from '../../../server/src/formats/compose/parse';
import { resolveInterpolation } from '../../../server/src/formats/compose/interpolation';

const WEAK_COMPOSE = `services:
  db:
    environment:
      POSTGRES_PASSWORD: postgres
  cache:
    environment:
      - REDIS_PASSWORD=redis
`;

describe('environment forms', () => {
  it('reads list and map environment entries with exact offsets', () => {
    const model = parseCompose(WEAK_COMPOSE);
    const entries = model.services.flatMap((service) =>
      service.environment.map((entry) => [
        service.name,
        entry.form,
        entry.name,
        entry.value,
        WEAK_COMPOSE.slice(entry.nameStart, entry.nameEnd),
        WEAK_COMPOSE.slice(entry.valueStart, entry.valueEnd),
      ]),
    );
    assert.deepEqual(entries, [
      ['db', 'map', 'POSTGRES_PASSWORD', 'postgres', 'POSTGRES_PASSWORD', 'postgres'],
      ['cache', 'list', 'REDIS_PASSWORD', 'redis', 'REDIS_PASSWORD', 'redis'],
    ]);
  });

  it('reads environment merged from an x- anchor through <<', () => {
    const text = `x-env: &env
  DB_PASSWORD: changeme
services:
  api:
    environment:
      <<: *env
      MODE: prod
`;
    const [api] = parseCompose(text).services;
    assert.deepEqual(
      api.environment.map((entry) => [entry.name, entry.value, text.slice(entry.valueStart, entry.valueEnd)]),
      [
        ['MODE', 'prod', 'prod'],
        ['DB_PASSWORD', 'changeme', 'changeme'],
      ],
    );
  });

  it('accepts Compose !reset and !override tags without errors', () => {
    const model = parseCompose('services:\n  web:\n    ports: !reset []\n    environment: !override\n      A: b\n');
    assert.deepEqual(model.problems, []);
    assert.deepEqual(
      model.services[0].environment.map((entry) => entry.name),
      ['A'],
    );
  });
});

describe('interpolation', () => {
  const lookup = (name: string) => ({ SET: 'value', EMPTY: '' })[name];
  const cases: [string, string | undefined, boolean][] = [
    ['plain', 'plain', false],
    ['$$literal', '$literal', false],
    ['${UNSET}', undefined, false],
    ['${SET}', 'value', false],
    ['$SET-x', 'value-x', false],
    ['${UNSET:-fallback}', 'fallback', false],
    ['${EMPTY:-fallback}', 'fallback', false],
    ['${EMPTY-fallback}', '', false],
    ['${UNSET:?must be set}', undefined, true],
    ['${SET:+other}', 'other', false],
    ['${UNSET:-${SET}}', 'value', false],
  ];
  for (const [text, value, required] of cases) {
    it(`${text} -> ${value ?? 'unknown'}`, () => {
      const resolved = resolveInterpolation(text, lookup);
      assert.equal(resolved.value, value);
      assert.equal(resolved.required, required);
    });
  }

  it('points at a default that is used', () => {
    const resolved = resolveInterpolation('${PASS:-changeme}', () => undefined);
    assert.deepEqual(resolved.source, { start: 8, end: 16 });
  });
});
