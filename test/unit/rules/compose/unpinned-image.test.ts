import { unpinnedImage } from '../../../../server/src/rules/compose/unpinned-image';
import { ruleTester } from '../../../helpers/rule-tester';

const service = (image: string) => `services:\n  app:\n    image: ${image}\n`;
const NO_TAG = (image: string) => ({ messageId: 'noTag', data: { service: 'app', image } });
const LATEST = (image: string) => ({ messageId: 'latest', data: { service: 'app', image } });

ruleTester(unpinnedImage, {
  valid: [
    { name: 'a version tag', code: service('nginx:1.27.3') },
    {
      name: 'a digest',
      code: service('ghcr.io/acme/app@sha256:0f4e5a1c0d0b3d7ab8c5e0e5c1d0a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3'),
    },
    { name: 'a registry with a port and a tag', code: service('registry.local:5000/team/app:2.1') },
    { name: 'image names what build: makes', code: 'services:\n  app:\n    image: acme/app\n    build: .\n' },
    { name: 'the whole reference from the shell', code: service('${APP_IMAGE}') },
    {
      name: 'a tag from .env',
      code: service('acme/app:${TAG}'),
      facts: { dotenv: { path: '/p/.env', text: 'TAG=2.1.0\n' } },
    },
  ],
  invalid: [
    {
      name: 'no tag',
      code: service('nginx'),
      errors: [
        {
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 17,
          ...NO_TAG('nginx'),
          message:
            'Service "app" uses nginx with no tag, which means :latest: each pull may bring a different image. Pin a version tag, or a digest (@sha256:…).',
          severity: 'info',
          fixes: [],
        },
      ],
      output: null,
    },
    {
      name: ':latest, quoted',
      code: service('"nginx:latest"'),
      errors: [
        {
          line: 3,
          column: 13,
          endLine: 3,
          endColumn: 25,
          ...LATEST('nginx:latest'),
          message:
            'Service "app" uses nginx:latest: each pull may bring a different image. Pin a version tag, or a digest (@sha256:…).',
        },
      ],
      output: null,
    },
    {
      name: 'a registry port is not a tag',
      code: service('registry:5000/team/app'),
      errors: [{ line: 3, column: 12, endLine: 3, endColumn: 34, ...NO_TAG('registry:5000/team/app') }],
      output: null,
    },
    {
      name: 'a default tag of latest',
      code: service('acme/app:${TAG:-latest}'),
      errors: [{ line: 3, column: 12, endLine: 3, endColumn: 35, ...LATEST('acme/app:latest') }],
      output: null,
    },
  ],
});
