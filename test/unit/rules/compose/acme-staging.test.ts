import { acmeStaging } from '../../../../server/src/rules/compose/acme-staging';
import { ruleTester, type InvalidCase } from '../../../helpers/rule-tester';

const STAGING = 'https://acme-staging-v02.api.letsencrypt.org/directory';
const PRODUCTION = 'https://acme-v02.api.letsencrypt.org/directory';
/** A staging switch written in the Compose file. */
const TURNS_ON = (name: string, service: string) => ({
  messageId: 'stagingSwitch',
  data: { name, service, origin: '' },
});
const FLAG = (flag: string, service: string) => ({ messageId: 'stagingFlag', data: { flag, service } });

/** An acme-companion service whose `environment:` block holds `lines`. */
const companion = (lines: string) =>
  `services:\n  acme:\n    image: nginxproxy/acme-companion:2.4\n    environment:\n${lines}`;
/** A traefik service whose `command:` block holds `lines`. */
const traefik = (lines: string) => `services:\n  traefik:\n    image: traefik:v3.1\n    command:\n${lines}`;
/** A certbot service with `command` as written after `command:`. */
const certbot = (command: string) =>
  `services:\n  certbot:\n    image: certbot/certbot:v2.11.0\n    command:${command}`;

const invalid: InvalidCase[] = [
  {
    name: 'LETSENCRYPT_STAGING=true, list form',
    code: companion('      - LETSENCRYPT_STAGING=true\n'),
    errors: [
      {
        line: 5,
        column: 9,
        endLine: 5,
        endColumn: 33,
        ...TURNS_ON('LETSENCRYPT_STAGING', 'acme'),
        message:
          'LETSENCRYPT_STAGING in service "acme" turns on the Let\'s Encrypt staging CA: browsers will not trust its certificates.',
        severity: 'warning',
        fixes: ['Set LETSENCRYPT_STAGING to false'],
      },
    ],
    output: companion('      - LETSENCRYPT_STAGING=false\n'),
  },
  {
    name: 'LETSENCRYPT_STAGING: "1", map form: the range takes in the closing quote',
    code: companion('      LETSENCRYPT_STAGING: "1"\n'),
    errors: [{ line: 5, column: 7, endLine: 5, endColumn: 31, ...TURNS_ON('LETSENCRYPT_STAGING', 'acme') }],
    output: companion('      LETSENCRYPT_STAGING: "false"\n'),
  },
  {
    name: "single-quoted 'true'",
    code: companion("      LETSENCRYPT_STAGING: 'true'\n"),
    errors: [{ line: 5, column: 7, endLine: 5, endColumn: 34 }],
    output: companion("      LETSENCRYPT_STAGING: 'false'\n"),
  },
  {
    name: 'a YAML boolean',
    code: companion('      LETSENCRYPT_STAGING: true\n'),
    errors: [{ line: 5, column: 7, endLine: 5, endColumn: 32 }],
    output: companion('      LETSENCRYPT_STAGING: false\n'),
  },
  {
    name: '${VAR:-true} is judged, and fixed, at its default',
    code: companion('      LETSENCRYPT_STAGING: ${LE_STAGING:-true}\n'),
    errors: [
      {
        line: 5,
        column: 7,
        endLine: 5,
        endColumn: 47,
        ...TURNS_ON('LETSENCRYPT_STAGING', 'acme'),
        fixes: ['Set LETSENCRYPT_STAGING to false'],
      },
    ],
    output: companion('      LETSENCRYPT_STAGING: ${LE_STAGING:-false}\n'),
  },
  {
    name: "linuxserver/swag's STAGING=true",
    code: 'services:\n  swag:\n    image: lscr.io/linuxserver/swag\n    environment:\n      - STAGING=true\n',
    errors: [{ line: 5, column: 9, endLine: 5, endColumn: 21, ...TURNS_ON('STAGING', 'swag') }],
    output: 'services:\n  swag:\n    image: lscr.io/linuxserver/swag\n    environment:\n      - STAGING=false\n',
  },
  {
    name: 'LETSENCRYPT_TEST=true on a container proxied by acme-companion',
    code: 'services:\n  app:\n    image: ghost:5\n    environment:\n      VIRTUAL_HOST: blog.example.com\n      LETSENCRYPT_HOST: blog.example.com\n      LETSENCRYPT_TEST: "true"\n',
    errors: [{ line: 7, column: 7, endLine: 7, endColumn: 31, ...TURNS_ON('LETSENCRYPT_TEST', 'app') }],
    output:
      'services:\n  app:\n    image: ghost:5\n    environment:\n      VIRTUAL_HOST: blog.example.com\n      LETSENCRYPT_HOST: blog.example.com\n      LETSENCRYPT_TEST: "false"\n',
  },
  {
    name: 'ACME_CA_URI with the staging directory, map form: only the host is replaced',
    code: companion(`      ACME_CA_URI: ${STAGING}\n`),
    errors: [
      {
        line: 5,
        column: 28,
        endLine: 5,
        endColumn: 64,
        messageId: 'stagingServer',
        data: { name: 'ACME_CA_URI', service: 'acme', origin: '' },
        message: 'ACME_CA_URI in service "acme" points at the Let\'s Encrypt staging CA.',
        severity: 'warning',
        fixes: ['Use the production CA'],
      },
    ],
    output: companion(`      ACME_CA_URI: ${PRODUCTION}\n`),
  },
  {
    name: 'ACME_CA_URI, list form',
    code: companion(`      - ACME_CA_URI=${STAGING}\n`),
    errors: [{ line: 5, column: 29, endLine: 5, endColumn: 65 }],
    output: companion(`      - ACME_CA_URI=${PRODUCTION}\n`),
  },
  {
    name: 'ACME_CA_URI with the staging directory as a default',
    code: companion(`      ACME_CA_URI: \${ACME_CA_URI:-${STAGING}}\n`),
    errors: [{ line: 5, column: 43, endLine: 5, endColumn: 79 }],
    output: companion(`      ACME_CA_URI: \${ACME_CA_URI:-${PRODUCTION}}\n`),
  },
  {
    name: 'traefik --certificatesresolvers.le.acme.caserver as a list item',
    code: traefik(`      - --certificatesresolvers.le.acme.caserver=${STAGING}\n`),
    errors: [
      {
        line: 5,
        column: 58,
        endLine: 5,
        endColumn: 94,
        messageId: 'stagingServerInCommand',
        data: { key: 'command', service: 'traefik' },
        message: 'The command of service "traefik" points the ACME client at the Let\'s Encrypt staging CA.',
        fixes: ['Use the production CA'],
      },
    ],
    output: traefik(`      - --certificatesresolvers.le.acme.caserver=${PRODUCTION}\n`),
  },
  {
    name: 'traefik caserver as a double-quoted list item',
    code: traefik(`      - "--certificatesresolvers.le.acme.caserver=${STAGING}"\n`),
    errors: [{ line: 5, column: 59, endLine: 5, endColumn: 95 }],
    output: traefik(`      - "--certificatesresolvers.le.acme.caserver=${PRODUCTION}"\n`),
  },
  {
    name: 'traefik caserver in a command string',
    code: `services:\n  traefik:\n    image: traefik:v3.1\n    command: --certificatesresolvers.le.acme.caserver=${STAGING} --log.level=INFO\n`,
    errors: [{ line: 4, column: 63, endLine: 4, endColumn: 99 }],
    output: `services:\n  traefik:\n    image: traefik:v3.1\n    command: --certificatesresolvers.le.acme.caserver=${PRODUCTION} --log.level=INFO\n`,
  },
  {
    name: 'traefik caserver set through its environment variable',
    code: `services:\n  traefik:\n    image: traefik:v3.1\n    environment:\n      TRAEFIK_CERTIFICATESRESOLVERS_LE_ACME_CASERVER: ${STAGING}\n`,
    errors: [
      {
        line: 5,
        column: 63,
        endLine: 5,
        endColumn: 99,
        messageId: 'stagingServer',
        data: { name: 'TRAEFIK_CERTIFICATESRESOLVERS_LE_ACME_CASERVER', service: 'traefik', origin: '' },
      },
    ],
    output: `services:\n  traefik:\n    image: traefik:v3.1\n    environment:\n      TRAEFIK_CERTIFICATESRESOLVERS_LE_ACME_CASERVER: ${PRODUCTION}\n`,
  },
  {
    name: 'certbot --staging as its own list item: the fix removes the line',
    code: certbot('\n      - certonly\n      - --webroot\n      - --staging\n      - -d\n      - example.com\n'),
    errors: [
      {
        line: 7,
        column: 9,
        endLine: 7,
        endColumn: 18,
        ...FLAG('--staging', 'certbot'),
        message: '--staging in service "certbot" requests untrusted Let\'s Encrypt staging certificates.',
        severity: 'warning',
        fixes: ['Remove --staging'],
      },
    ],
    output: certbot('\n      - certonly\n      - --webroot\n      - -d\n      - example.com\n'),
  },
  {
    name: 'a list item with a comment goes with its comment',
    code: certbot('\n      - certonly\n      - --staging # try staging first\n      - -d\n      - example.com\n'),
    errors: [{ line: 6, column: 9, endLine: 6, endColumn: 18 }],
    output: certbot('\n      - certonly\n      - -d\n      - example.com\n'),
  },
  {
    name: 'certbot --staging inside a command string: the fix removes the word',
    code: certbot(' certonly --webroot --staging -d example.com\n'),
    errors: [{ line: 4, column: 33, endLine: 4, endColumn: 42, ...FLAG('--staging', 'certbot') }],
    output: certbot(' certonly --webroot -d example.com\n'),
  },
  {
    name: '--staging as the last word of a string',
    code: certbot(' certonly --webroot -d example.com --staging\n'),
    errors: [{ line: 4, column: 48, endLine: 4, endColumn: 57 }],
    output: certbot(' certonly --webroot -d example.com\n'),
  },
  {
    name: "--staging in an entrypoint's sh -c '…'",
    code: 'services:\n  certbot:\n    image: certbot/certbot:v2.11.0\n    entrypoint: "/bin/sh -c \'certbot certonly --staging -d example.com\'"\n',
    errors: [{ line: 4, column: 47, endLine: 4, endColumn: 56, fixes: ['Remove --staging'] }],
    output:
      'services:\n  certbot:\n    image: certbot/certbot:v2.11.0\n    entrypoint: "/bin/sh -c \'certbot certonly -d example.com\'"\n',
  },
  {
    name: '--test-cert in a multi-word list item of a service that runs certbot',
    code: 'services:\n  renew:\n    image: alpine:3.20\n    command:\n      - sh\n      - -c\n      - certbot certonly --test-cert -d example.com\n',
    errors: [{ line: 7, column: 26, endLine: 7, endColumn: 37, ...FLAG('--test-cert', 'renew') }],
    output:
      'services:\n  renew:\n    image: alpine:3.20\n    command:\n      - sh\n      - -c\n      - certbot certonly -d example.com\n',
  },
  {
    name: '--staging in a flow list: reported, but no fix',
    code: certbot(' ["certonly", "--staging", "-d", "example.com"]\n'),
    errors: [{ line: 4, column: 28, endLine: 4, endColumn: 37, fixes: [] }],
    output: null,
  },
  {
    name: 'CRLF line endings: the removed list line takes its CRLF with it',
    code: 'services:\r\n  certbot:\r\n    image: certbot/certbot\r\n    command:\r\n      - certonly\r\n      - --staging\r\n      - -d\r\n      - example.com\r\n',
    errors: [{ line: 6, column: 9, endLine: 6, endColumn: 18 }],
    output:
      'services:\r\n  certbot:\r\n    image: certbot/certbot\r\n    command:\r\n      - certonly\r\n      - -d\r\n      - example.com\r\n',
  },
  {
    name: 'CRLF line endings, command string',
    code: 'services:\r\n  certbot:\r\n    image: certbot/certbot\r\n    command: certonly --staging -d example.com\r\n',
    errors: [{ line: 4, column: 23, endLine: 4, endColumn: 32 }],
    output: 'services:\r\n  certbot:\r\n    image: certbot/certbot\r\n    command: certonly -d example.com\r\n',
  },
  {
    name: 'CRLF line endings, environment',
    code: 'services:\r\n  acme:\r\n    environment:\r\n      LETSENCRYPT_STAGING: "true"\r\n',
    errors: [{ line: 4, column: 7, endLine: 4, endColumn: 34 }],
    output: 'services:\r\n  acme:\r\n    environment:\r\n      LETSENCRYPT_STAGING: "false"\r\n',
  },
  {
    name: 'an anchored x- map merged with << and used by alias is reported once, at the anchor',
    code: 'x-le: &le\n  LETSENCRYPT_STAGING: "true"\nservices:\n  app:\n    environment:\n      <<: *le\n      VIRTUAL_HOST: app.example.com\n  api:\n    environment: *le\n',
    errors: [{ line: 2, column: 3, endLine: 2, endColumn: 30, ...TURNS_ON('LETSENCRYPT_STAGING', 'app') }],
    output:
      'x-le: &le\n  LETSENCRYPT_STAGING: "false"\nservices:\n  app:\n    environment:\n      <<: *le\n      VIRTUAL_HOST: app.example.com\n  api:\n    environment: *le\n',
  },
  {
    name: 'an environment inherited from an x- service template',
    code: 'x-acme: &acme\n  environment:\n    - LETSENCRYPT_STAGING=true\nservices:\n  acme:\n    <<: *acme\n    image: nginxproxy/acme-companion\n',
    errors: [{ line: 3, column: 7, endLine: 3, endColumn: 31 }],
    output:
      'x-acme: &acme\n  environment:\n    - LETSENCRYPT_STAGING=false\nservices:\n  acme:\n    <<: *acme\n    image: nginxproxy/acme-companion\n',
  },
  {
    name: 'an !override environment',
    code: 'services:\n  acme:\n    environment: !override\n      LETSENCRYPT_STAGING: "true"\n',
    errors: [{ line: 4, column: 7, endLine: 4, endColumn: 34 }],
    output: 'services:\n  acme:\n    environment: !override\n      LETSENCRYPT_STAGING: "false"\n',
  },
  {
    name: 'a flow map environment',
    code: 'services:\n  acme:\n    environment: { LETSENCRYPT_STAGING: "true", DEFAULT_EMAIL: ops@example.com }\n',
    errors: [{ line: 3, column: 20, endLine: 3, endColumn: 47 }],
    output: 'services:\n  acme:\n    environment: { LETSENCRYPT_STAGING: "false", DEFAULT_EMAIL: ops@example.com }\n',
  },
  {
    name: 'a flow list environment',
    code: 'services:\n  acme:\n    environment: [LETSENCRYPT_STAGING=true]\n',
    errors: [{ line: 3, column: 19, endLine: 3, endColumn: 43 }],
    output: 'services:\n  acme:\n    environment: [LETSENCRYPT_STAGING=false]\n',
  },
  {
    name: 'a switch and a --server URL in one service are both fixed',
    code: `services:\n  certbot:\n    image: certbot/certbot\n    environment:\n      CERTBOT_STAGING: "yes"\n    command: certonly --server ${STAGING} -d example.com\n`,
    errors: [
      { line: 5, column: 7, endLine: 5, endColumn: 29, ...TURNS_ON('CERTBOT_STAGING', 'certbot') },
      {
        line: 6,
        column: 40,
        endLine: 6,
        endColumn: 76,
        messageId: 'stagingServerInCommand',
        data: { key: 'command', service: 'certbot' },
      },
    ],
    output: `services:\n  certbot:\n    image: certbot/certbot\n    environment:\n      CERTBOT_STAGING: "false"\n    command: certonly --server ${PRODUCTION} -d example.com\n`,
  },
  {
    name: 'a switch set in .env is reported where the Compose file uses it, without a fix',
    code: companion('      LETSENCRYPT_STAGING: ${LE_STAGING}\n'),
    facts: { dotenv: { path: '/project/.env', text: 'LE_STAGING=true\n' } },
    errors: [
      {
        line: 5,
        column: 28,
        endLine: 5,
        endColumn: 41,
        messageId: 'stagingSwitch',
        data: { name: 'LETSENCRYPT_STAGING', service: 'acme', origin: ' from .env line 1' },
        message:
          'LETSENCRYPT_STAGING in service "acme" turns on the Let\'s Encrypt staging CA from .env line 1: browsers will not trust its certificates.',
        fixes: [],
      },
    ],
    output: null,
  },
  {
    name: 'a .env value turns a ${VAR:-false} default on',
    code: companion('      - LETSENCRYPT_STAGING=${LE_STAGING:-false}\n'),
    facts: { dotenv: { path: '/project/.env', text: '# staging while testing\nLE_STAGING=1\n' } },
    errors: [
      {
        line: 5,
        column: 29,
        endLine: 5,
        endColumn: 49,
        messageId: 'stagingSwitch',
        data: { name: 'LETSENCRYPT_STAGING', service: 'acme', origin: ' from .env line 2' },
      },
    ],
    output: null,
  },
  {
    name: 'a staging directory set in .env is reported where the Compose file uses it, without a fix',
    code: companion('      ACME_CA_URI: ${ACME_CA_URI}\n'),
    facts: { dotenv: { path: '/project/.env', text: `ACME_CA_URI=${STAGING}\n` } },
    errors: [
      {
        line: 5,
        column: 20,
        endLine: 5,
        endColumn: 34,
        messageId: 'stagingServer',
        data: { name: 'ACME_CA_URI', service: 'acme', origin: ' from .env line 1' },
        message: 'ACME_CA_URI in service "acme" points at the Let\'s Encrypt staging CA from .env line 1.',
        fixes: [],
      },
    ],
    output: null,
  },
];

ruleTester(acmeStaging, {
  valid: [
    { name: 'staging switched off, list form', code: companion('      - LETSENCRYPT_STAGING=false\n') },
    {
      name: 'staging switched off, map form',
      code: companion('      LETSENCRYPT_STAGING: "false"\n      ACME_STAGING: 0\n'),
    },
    { name: '${VAR} is not judged', code: companion('      LETSENCRYPT_STAGING: ${LE_STAGING}\n') },
    { name: '${VAR:-false}', code: companion('      LETSENCRYPT_STAGING: ${LE_STAGING:-false}\n') },
    { name: '${VAR:?err}', code: companion('      LETSENCRYPT_STAGING: ${LE_STAGING:?set LE_STAGING in .env}\n') },
    { name: 'the production directory', code: companion(`      ACME_CA_URI: ${PRODUCTION}\n`) },
    { name: 'a variable for the directory', code: companion('      - ACME_CA_URI=${ACME_CA_URI}\n') },
    {
      name: 'look-alike keys that are not an ACME switch',
      code: companion(
        '      STAGING_DB_HOST: "1"\n      IS_STAGING_ENV: "true"\n      DEBUG_STAGING: "true"\n      STAGING: "no"\n',
      ),
    },
    { name: '!reset drops an inherited switch', code: companion('      LETSENCRYPT_STAGING: !reset null\n') },
    {
      name: 'an x- extension field that no service uses',
      code: `x-notes:\n  ca: ${STAGING}\n  LETSENCRYPT_STAGING: "true"\nservices:\n  app:\n    image: nginx\n`,
    },
    {
      name: 'traefik with the production CA',
      code: traefik(`      - --certificatesresolvers.le.acme.caserver=${PRODUCTION}\n`),
    },
    { name: 'certbot without --staging', code: certbot(' certonly --webroot -d example.com\n') },
    { name: 'look-alike flags', code: certbot(' certonly --staging-mode -d example.com --no-staging\n') },
    {
      name: '--staging of a program that is not an ACME client means something else',
      code: 'services:\n  deploy:\n    image: node:22\n    command: npm run deploy -- --staging\n',
    },
    {
      name: 'a staging URL in a label is not configuration the ACME client reads',
      code: `services:\n  app:\n    labels:\n      - "note=${STAGING}"\n`,
    },
  ],
  invalid,
});
