import assert from 'node:assert/strict';
import { readPackageManifest } from '../../../common/package-manifest';

describe('readPackageManifest', () => {
  const cases: [string, string | undefined, ReturnType<typeof readPackageManifest>, boolean?][] = [
    ['a published package', '{"name":"acme","version":"2.0.1"}', { name: 'acme', version: '2.0.1' }],
    [
      'a private app keeps its version',
      '{"name":"app","version":"1.4.0","private":true}',
      { name: 'app', version: '1.4.0' },
    ],
    [
      'a private workspace root gives no version',
      '{"name":"acme-monorepo","version":"0.1.0","private":true,"workspaces":["packages/*"]}',
      { name: 'acme-monorepo', workspaceRoot: true },
    ],
    [
      'workspaces given as an object (Yarn) are workspaces too',
      '{"version":"1.0.0","private":true,"workspaces":{"packages":["apps/*"]}}',
      { workspaceRoot: true },
    ],
    [
      'a public package with workspaces is published with its version',
      '{"name":"acme","version":"3.2.0","workspaces":["plugins/*"]}',
      { name: 'acme', version: '3.2.0' },
    ],
    [
      '"private": "true" as a string is not private',
      '{"version":"1.0.0","private":"true","workspaces":[]}',
      { version: '1.0.0' },
    ],
    [
      'a private root with workspaces declared beside it (pnpm) gives no version',
      '{"name":"acme-monorepo","version":"1.0.0","private":true}',
      { name: 'acme-monorepo', workspaceRoot: true },
      true,
    ],
    [
      'a published root with workspaces declared beside it keeps its version',
      '{"name":"acme","version":"3.2.0"}',
      { name: 'acme', version: '3.2.0' },
      true,
    ],
    ['no package.json', undefined, {}],
    ['not JSON', '{ not json', {}],
    ['not an object', '"1.0.0"', {}],
  ];
  for (const [name, text, expected, workspacesBeside] of cases) {
    it(name, () => assert.deepEqual(readPackageManifest(text, workspacesBeside), expected));
  }
});
