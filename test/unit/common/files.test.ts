import assert from 'node:assert/strict';
import { documentKind } from '../../../common/files';

describe('documentKind', () => {
  const cases: [string, string | undefined][] = [
    ['SECURITY.md', 'policy'],
    ['/repo/.github/security.md', 'policy'],
    ['C:\\repo\\docs\\Security.md', 'policy'],
    ['/repo/README.md', undefined],
    ['/repo/SECURITY.txt', undefined],
    ['compose.yaml', 'compose'],
    ['compose.yml', 'compose'],
    ['docker-compose.yml', 'compose'],
    ['/srv/docker-compose.prod.yaml', 'compose'],
    ['/srv/compose.override.yml', 'compose'],
    ['/srv/.github/workflows/ci.yml', undefined],
    ['/srv/compose.json', undefined],
    ['/srv/.env', 'dotenv'],
    ['/srv/.env.production', 'dotenv'],
    ['/srv/app.env', 'dotenv'],
    ['/srv/.env.example', undefined],
    ['/srv/.env.sample', undefined],
    ['/srv/www/.well-known/security.txt', 'securitytxt'],
    ['C:\\site\\.well-known\\security.txt', 'securitytxt'],
    ['public/security.txt', 'securitytxt'],
    ['security.txt', 'securitytxt'],
    ['/srv/www/.well-known/security.txt.sig', undefined],
    ['/srv/www/my-security.txt', undefined],
    ['/srv/www/security.txt.example', undefined],
  ];
  for (const [path, kind] of cases) {
    it(`${path} -> ${kind ?? 'not linted'}`, () => assert.equal(documentKind(path), kind));
  }
});
