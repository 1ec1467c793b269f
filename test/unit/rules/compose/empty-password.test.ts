import { emptyPassword } from '../../../../server/src/rules/compose/empty-password';
import { ruleTester } from '../../../helpers/rule-tester';

const dotenv = (text: string) => ({ dotenv: { path: '/project/.env', text } });
const mysql = (lines: string) => `services:\n  db:\n    image: mysql:8\n    environment:\n${lines}`;
const postgres = (lines: string) => `services:\n  db:\n    image: postgres:16\n    environment:\n${lines}`;
const ON = {
  messageId: 'emptyRootSwitch',
  data: { name: 'MYSQL_ALLOW_EMPTY_PASSWORD', service: 'db', origin: '' },
};
const EMPTY = (name: string, service = 'db', origin = '') => ({
  messageId: 'empty',
  data: { name, service, origin },
});
const service = (name: string, image: string, lines: string) =>
  `services:\n  ${name}:\n    image: ${image}\n    environment:\n${lines}`;
const withCommand = (name: string, image: string, command: string) =>
  `services:\n  ${name}:\n    image: ${image}\n    command: ${command}\n`;
const AUTH_OFF = (name: string, svc: string, value: string, effect: string, origin = '') => ({
  messageId: 'authOff',
  data: { name, service: svc, value, origin, effect },
});
const FLAG = (flag: string, svc: string, effect: string) => ({
  messageId: 'authOffFlag',
  data: { flag, service: svc, effect },
});
const ELASTIC = 'Elasticsearch answers every request, with no user or password';
const OPENSEARCH = 'OpenSearch answers every request, with no user or password';
const PGBOUNCER = 'PgBouncer lets every client in as any user, with no password';
const KESTRA = "Kestra's UI and API, which run any flow, answer anyone without a login";
const REDIS = 'Redis accepts connections from every network, and no password is set';

ruleTester(emptyPassword, {
  valid: [
    { name: 'a root password', code: mysql('      MYSQL_ROOT_PASSWORD: ${MYSQL_ROOT_PASSWORD:?required}\n') },
    {
      name: '"no" beside a root password changes nothing',
      code: mysql('      MYSQL_ALLOW_EMPTY_PASSWORD: "no"\n      MYSQL_ROOT_PASSWORD_FILE: /run/secrets/root\n'),
    },
    {
      name: 'an empty switch is off',
      code: mysql('      - MYSQL_ALLOW_EMPTY_PASSWORD=\n      - MYSQL_RANDOM_ROOT_PASSWORD=yes\n'),
    },
    { name: 'scram-sha-256 authentication', code: postgres('      POSTGRES_HOST_AUTH_METHOD: scram-sha-256\n') },
    {
      name: 'trust for local socket connections only',
      code: postgres('      POSTGRES_INITDB_ARGS: --auth-local=trust --auth-host=scram-sha-256\n'),
    },
    {
      name: 'Bitnami switch off',
      code: 'services:\n  cache:\n    image: bitnami/redis:7.2\n    environment:\n      - ALLOW_EMPTY_PASSWORD=no\n',
    },
    {
      name: '${VAR} leaves the value to whoever deploys, and ${VAR:-} too for a password used to reach another server',
      code: postgres('      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n      REDIS_PASSWORD: ${REDIS_PASSWORD:-}\n'),
    },
    {
      name: "${VAR:-} in a service that reaches the server: Logstash's and a setup job's passwords for Elasticsearch",
      code: 'services:\n  setup:\n    image: busybox:1.36\n    environment:\n      ELASTIC_PASSWORD: ${ELASTIC_PASSWORD:-}\n  logstash:\n    image: logstash:8.14.1\n    environment:\n      LOGSTASH_INTERNAL_PASSWORD: ${LOGSTASH_INTERNAL_PASSWORD:-}\n',
    },
    {
      name: "${VAR:-} for a replica's or master password, and an application's DB_PASSWORD",
      code: 'services:\n  dovecot:\n    image: ghcr.io/mailcow/dovecot:2.2\n    environment:\n      DOVECOT_MASTER_PASS: ${DOVECOT_MASTER_PASS:-}\n  app:\n    image: ghcr.io/acme/app:1.2\n    environment:\n      DB_PASSWORD: ${DB_PASSWORD:-}\n',
    },
    {
      name: '${VAR:-} set in .env: judged at the .env value',
      code: service('es', 'elasticsearch:8.14.1', '      ELASTIC_PASSWORD: ${ELASTIC_PASSWORD:-}\n'),
      facts: dotenv('ELASTIC_PASSWORD=Zq8kL2vB9xY4wR7pT1mN\n'),
    },
    {
      name: 'client credentials left empty mean "no SMTP authentication", not an open server',
      code: service(
        'app',
        'ghcr.io/acme/app:1.2',
        "      PYCROFT_SMTP_PASSWORD: ''\n      MAIL_PASSWORD: ''\n      EMAIL_HOST_PASSWORD: \"\"\n      SMTP_PASS: ${SMTP_PASS:-}\n      IMAP_PASSWORD: ''\n      LDAP_BIND_PASSWORD: ''\n      OAUTH_CLIENT_PASSWORD: ''\n",
      ),
    },
    {
      name: 'client credentials in list form',
      code: service('app', 'ghcr.io/acme/app:1.2', '      - SMTP_PASSWORD=\n      - MAILER_PASSWORD=\n'),
    },
    {
      name: 'an empty root password beside a random root password is never used',
      code: mysql('      MYSQL_RANDOM_ROOT_PASSWORD: "yes"\n      MYSQL_ROOT_PASSWORD: ""\n'),
    },
    {
      name: 'look-alike names: PASS inside a word',
      code: postgres('      BYPASS: ""\n      COMPASS: ""\n'),
    },
    {
      name: 'authentication on: etcd, ZooKeeper, Elasticsearch, OpenSearch',
      code: 'services:\n  etcd:\n    image: bitnami/etcd:3.5\n    environment:\n      - ALLOW_NONE_AUTHENTICATION=no\n  zk:\n    image: bitnami/zookeeper:3.9\n    environment:\n      - ALLOW_ANONYMOUS_LOGIN=no\n  es:\n    image: elasticsearch:8.14.1\n    environment:\n      - xpack.security.enabled=true\n  search:\n    image: opensearchproject/opensearch:2.13.0\n    environment:\n      - DISABLE_SECURITY_PLUGIN=false\n',
    },
    {
      name: 'look-alike keys: TLS switched off is not authentication switched off',
      code: service(
        'es',
        'elasticsearch:8.14.1',
        '      - xpack.security.http.ssl.enabled=false\n      - xpack.security.transport.ssl.enabled=false\n',
      ),
    },
    {
      name: 'AUTH_TYPE=trust outside a PgBouncer image is some other setting',
      code: service('web', 'jitsi/web:stable', '      AUTH_TYPE: trust\n'),
    },
    {
      name: 'PgBouncer with md5',
      code: service('pgbouncer', 'edoburu/pgbouncer:v1.25.2-p0', '      AUTH_TYPE: md5\n'),
    },
    {
      name: "Grafana's anonymous viewers cannot change anything",
      code: service(
        'grafana',
        'grafana/grafana:11.1.0',
        '      - GF_AUTH_ANONYMOUS_ENABLED=true\n      - GF_AUTH_ANONYMOUS_ORG_ROLE=Viewer\n',
      ),
    },
    {
      name: 'Grafana with an Admin anonymous role that is not enabled',
      code: service(
        'grafana',
        'grafana/grafana:11.1.0',
        '      - GF_AUTH_ANONYMOUS_ENABLED=false\n      - GF_AUTH_ANONYMOUS_ORG_ROLE=Admin\n',
      ),
    },
    {
      name: 'Neo4j with a password',
      code: service('graph', 'neo4j:5', '      NEO4J_AUTH: neo4j/${NEO4J_PASSWORD:?required}\n'),
    },
    {
      name: 'Redis with protected mode off and a password on the command line',
      code: withCommand(
        'cache',
        'redis:7.2',
        'redis-server --protected-mode no --requirepass ${REDIS_PASSWORD:?required}',
      ),
    },
    {
      name: 'Redis with protected mode off and a config file, which may set one',
      code: withCommand('cache', 'redis:7.2', 'redis-server /usr/local/etc/redis/redis.conf --protected-mode no'),
    },
    {
      name: 'Redis with protected mode off and a password in its environment (Bitnami)',
      code: 'services:\n  cache:\n    image: bitnami/redis:7.2\n    command: /opt/bitnami/scripts/redis/run.sh --protected-mode no\n    environment:\n      REDIS_PASSWORD: ${REDIS_PASSWORD:?required}\n',
    },
    {
      name: 'Redis with protected mode on',
      code: withCommand('cache', 'redis:7.2', 'redis-server --protected-mode yes'),
    },
    {
      name: 'Jupyter with a password and no token',
      code: withCommand(
        'lab',
        'jupyter/base-notebook:2023-10-20',
        "start-notebook.sh --NotebookApp.token='' --NotebookApp.password=sha1:abc",
      ),
    },
    {
      name: 'code-server with its password',
      code: withCommand('code', 'codercom/code-server:4.100.3', '--auth password --bind-addr 0.0.0.0:8080'),
    },
    {
      name: 'MongoDB with a root user',
      code: service(
        'mongo',
        'mongo:7.0',
        '      MONGO_INITDB_ROOT_USERNAME: root\n      MONGO_INITDB_ROOT_PASSWORD: ${MONGO_PASSWORD:?required}\n',
      ),
    },
    {
      name: 'MongoDB with access control from the command line',
      code: withCommand('mongo', 'mongo:7.0', 'mongod --auth --bind_ip_all'),
    },
    {
      name: 'MongoDB with an env_file, which may hold the root user',
      code: 'services:\n  mongo:\n    image: mongo:7.0\n    env_file: mongo.env\n',
    },
    {
      name: 'a MongoDB image of another maker, and one named like it',
      code: 'services:\n  db:\n    image: bitnami/mongodb:7.0\n  exporter:\n    image: percona/mongodb_exporter:0.40\n  other:\n    image: ghcr.io/acme/mongo-tools:1\n',
    },
    { name: 'a key with no value is taken from the shell', code: postgres('      POSTGRES_PASSWORD:\n') },
    {
      name: 'an empty token or API key turns a feature off',
      code: postgres('      OPENAI_API_KEY: ""\n      SENTRY_TOKEN: ""\n'),
    },
    {
      name: 'a .env value that is set',
      code: postgres('      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n'),
      facts: dotenv('POSTGRES_PASSWORD=Xk9mQ2vLp7wTz\n'),
    },
    {
      name: "Kestra's basic auth on",
      code: 'services:\n  kestra:\n    image: kestra/kestra:v0.19\n    environment:\n      KESTRA_CONFIGURATION: |\n        kestra:\n          server:\n            basicAuth:\n              enabled: true\n',
    },
  ],
  invalid: [
    {
      name: 'MYSQL_ALLOW_EMPTY_PASSWORD, map form: the fix removes the entry',
      code: mysql('      MYSQL_ALLOW_EMPTY_PASSWORD: "yes"\n      MYSQL_DATABASE: app\n'),
      errors: [
        {
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 40,
          ...ON,
          message:
            'MYSQL_ALLOW_EMPTY_PASSWORD in service "db" is on: MySQL or MariaDB then starts with an empty root password.',
          severity: 'error',
          fixes: ['Remove MYSQL_ALLOW_EMPTY_PASSWORD'],
        },
      ],
      output: mysql('      MYSQL_DATABASE: app\n'),
    },
    {
      name: '"no" without a root password: the images only test for a non-empty value',
      code: mysql('      - MYSQL_DATABASE=app\n      - MYSQL_ALLOW_EMPTY_PASSWORD=no\n'),
      errors: [
        {
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 38,
          messageId: 'emptyRootSwitchValue',
          data: { name: 'MYSQL_ALLOW_EMPTY_PASSWORD', service: 'db', value: 'no', origin: '' },
          message:
            'MYSQL_ALLOW_EMPTY_PASSWORD in service "db" is "no", which the MySQL and MariaDB images read as on: any non-empty value starts the database with an empty root password.',
        },
      ],
      output: mysql('      - MYSQL_DATABASE=app\n'),
    },
    {
      name: 'the only entry: the list is emptied, so environment: keeps a value',
      code: 'services:\n  db:\n    image: mariadb:11\n    environment:\n      - MARIADB_ALLOW_EMPTY_ROOT_PASSWORD=1\n',
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 44, fixes: ['Remove MARIADB_ALLOW_EMPTY_ROOT_PASSWORD'] }],
      output: 'services:\n  db:\n    image: mariadb:11\n    environment:\n      []\n',
    },
    {
      name: 'an empty root password beside the switch: two settings, two findings, one fix for both',
      code: mysql('      MYSQL_ALLOW_EMPTY_PASSWORD: "1"\n      MYSQL_ROOT_PASSWORD: ""\n'),
      errors: [
        {
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 38,
          ...ON,
          fixes: ['Remove MYSQL_ALLOW_EMPTY_PASSWORD and require MYSQL_ROOT_PASSWORD'],
        },
        {
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 30,
          messageId: 'emptyRootPassword',
          data: { name: 'MYSQL_ROOT_PASSWORD', service: 'db', origin: '', switch: 'MYSQL_ALLOW_EMPTY_PASSWORD' },
          message:
            'MYSQL_ROOT_PASSWORD in service "db" is empty and MYSQL_ALLOW_EMPTY_PASSWORD lets the database start that way: root logs in with no password.',
          fixes: ['Require MYSQL_ROOT_PASSWORD and remove MYSQL_ALLOW_EMPTY_PASSWORD'],
        },
      ],
      output: mysql('      MYSQL_ROOT_PASSWORD: "${MYSQL_ROOT_PASSWORD:?set MYSQL_ROOT_PASSWORD in .env}"\n'),
    },
    {
      name: 'the empty root password written before the switch, in list form',
      code: 'services:\n  db:\n    image: mariadb:11\n    environment:\n      - MARIADB_ROOT_PASSWORD=\n      - MARIADB_ALLOW_EMPTY_ROOT_PASSWORD=yes\n',
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 31,
          messageId: 'emptyRootPassword',
          data: {
            name: 'MARIADB_ROOT_PASSWORD',
            service: 'db',
            origin: '',
            switch: 'MARIADB_ALLOW_EMPTY_ROOT_PASSWORD',
          },
        },
        {
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 46,
          messageId: 'emptyRootSwitch',
          data: { name: 'MARIADB_ALLOW_EMPTY_ROOT_PASSWORD', service: 'db', origin: '' },
        },
      ],
      output:
        'services:\n  db:\n    image: mariadb:11\n    environment:\n      - MARIADB_ROOT_PASSWORD=${MARIADB_ROOT_PASSWORD:?set MARIADB_ROOT_PASSWORD in .env}\n',
    },
    {
      name: '"no" and an empty root password: the switch is on all the same',
      code: mysql('      - MYSQL_ALLOW_EMPTY_PASSWORD=no\n      - MYSQL_ROOT_PASSWORD=\n'),
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 38, messageId: 'emptyRootSwitchValue' },
        { line: 6, column: 9, endLine: 6, endColumn: 29, messageId: 'emptyRootPassword' },
      ],
      output: mysql('      - MYSQL_ROOT_PASSWORD=${MYSQL_ROOT_PASSWORD:?set MYSQL_ROOT_PASSWORD in .env}\n'),
    },
    {
      name: 'the switch set from .env: reported where the Compose file uses it',
      code: mysql('      MYSQL_ALLOW_EMPTY_PASSWORD: ${ALLOW_EMPTY}\n      MYSQL_DATABASE: app\n'),
      facts: dotenv('ALLOW_EMPTY=true\n'),
      errors: [
        {
          line: 5,
          column: 35,
          endLine: 5,
          endColumn: 49,
          messageId: 'emptyRootSwitch',
          data: { name: 'MYSQL_ALLOW_EMPTY_PASSWORD', service: 'db', origin: ' from .env line 1' },
        },
      ],
      output: mysql('      MYSQL_DATABASE: app\n'),
    },
    {
      name: 'POSTGRES_HOST_AUTH_METHOD=trust, with a comment on the line',
      code: postgres('      POSTGRES_HOST_AUTH_METHOD: trust # dev only\n      POSTGRES_DB: app\n'),
      errors: [
        {
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 39,
          messageId: 'trustAuth',
          data: { service: 'db', origin: '' },
          message:
            'POSTGRES_HOST_AUTH_METHOD in service "db" is trust: every client that reaches PostgreSQL logs in as any user, with no password.',
          fixes: ['Remove POSTGRES_HOST_AUTH_METHOD (PostgreSQL then asks for a password)'],
        },
      ],
      output: postgres('      POSTGRES_DB: app\n'),
    },
    {
      name: 'trust set through initdb options',
      code: postgres('      POSTGRES_INITDB_ARGS: --auth-host=trust\n'),
      errors: [
        {
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 46,
          messageId: 'initdbTrust',
          data: { service: 'db', origin: '' },
          message: 'POSTGRES_INITDB_ARGS in service "db" sets trust authentication: clients log in with no password.',
          fixes: [],
        },
      ],
      output: null,
    },
    {
      name: "Bitnami's ALLOW_EMPTY_PASSWORD",
      code: 'services:\n  cache:\n    image: bitnami/redis:7.2\n    environment:\n      - REDIS_DISABLE_COMMANDS=FLUSHALL\n      - ALLOW_EMPTY_PASSWORD=yes\n',
      errors: [
        {
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 33,
          messageId: 'noPasswordSwitch',
          data: { name: 'ALLOW_EMPTY_PASSWORD', service: 'cache', origin: '' },
          message: 'ALLOW_EMPTY_PASSWORD in service "cache" is on: the service runs without a password.',
        },
      ],
      output:
        'services:\n  cache:\n    image: bitnami/redis:7.2\n    environment:\n      - REDIS_DISABLE_COMMANDS=FLUSHALL\n',
    },
    {
      name: 'an empty password in the list form: the whole entry is reported',
      code: postgres('      - POSTGRES_PASSWORD=\n'),
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 27,
          ...EMPTY('POSTGRES_PASSWORD'),
          message:
            'POSTGRES_PASSWORD in service "db" is empty: depending on the image, the service runs without a password, falls back to a built-in default, or refuses to start.',
          fixes: ['Require POSTGRES_PASSWORD from the environment (${POSTGRES_PASSWORD:?…})'],
        },
      ],
      output: postgres('      - POSTGRES_PASSWORD=${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}\n'),
    },
    {
      name: 'an empty quoted password in the map form',
      code: 'services:\n  grafana:\n    image: grafana/grafana:11.1.0\n    environment:\n      GF_SECURITY_ADMIN_PASSWORD: ""\n',
      errors: [
        {
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 37,
          ...EMPTY('GF_SECURITY_ADMIN_PASSWORD', 'grafana'),
        },
      ],
      output:
        'services:\n  grafana:\n    image: grafana/grafana:11.1.0\n    environment:\n      GF_SECURITY_ADMIN_PASSWORD: "${GF_SECURITY_ADMIN_PASSWORD:?set GF_SECURITY_ADMIN_PASSWORD in .env}"\n',
    },
    {
      name: 'an empty .env value',
      code: postgres('      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n'),
      facts: dotenv('POSTGRES_PASSWORD=\n'),
      errors: [
        {
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 46,
          ...EMPTY('POSTGRES_PASSWORD', 'db', ' from .env line 1'),
          message:
            'POSTGRES_PASSWORD in service "db" is empty from .env line 1: depending on the image, the service runs without a password, falls back to a built-in default, or refuses to start.',
          fixes: [
            'Write a strong random value for POSTGRES_PASSWORD to .env',
            'Remove POSTGRES_PASSWORD from .env and require it',
          ],
        },
      ],
      output: null,
    },
    {
      name: 'CRLF line endings',
      code: 'services:\r\n  db:\r\n    image: mysql:8\r\n    environment:\r\n      MYSQL_ALLOW_EMPTY_PASSWORD: "yes"\r\n      MYSQL_DATABASE: app\r\n',
      errors: [{ line: 5, column: 7, endLine: 5, endColumn: 40, ...ON }],
      output: 'services:\r\n  db:\r\n    image: mysql:8\r\n    environment:\r\n      MYSQL_DATABASE: app\r\n',
    },
    {
      name: 'a password named in one word (WEBPASSWORD), with a comment',
      code: service('pihole', 'pihole/pihole:2024.07.0', '      WEBPASSWORD: "" # blank\n'),
      errors: [
        {
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 22,
          ...EMPTY('WEBPASSWORD', 'pihole'),
          fixes: ['Require WEBPASSWORD from the environment (${WEBPASSWORD:?…})'],
        },
      ],
      output: service(
        'pihole',
        'pihole/pihole:2024.07.0',
        '      WEBPASSWORD: "${WEBPASSWORD:?set WEBPASSWORD in .env}" # blank\n',
      ),
    },
    {
      name: 'a server password beside client ones: only the server one is reported',
      code: service(
        'app',
        'ghcr.io/acme/app:1.2',
        "      SMTP_PASSWORD: ''\n      MAILMAN_ADMIN_PASSWORD: ''\n      LDAP_BIND_PW: ''\n      DB_PW: ''\n",
      ),
      errors: [
        { line: 6, column: 7, endLine: 6, endColumn: 33, ...EMPTY('MAILMAN_ADMIN_PASSWORD', 'app') },
        { line: 8, column: 7, endLine: 8, endColumn: 16, ...EMPTY('DB_PW', 'app') },
      ],
      output: service(
        'app',
        'ghcr.io/acme/app:1.2',
        "      SMTP_PASSWORD: ''\n      MAILMAN_ADMIN_PASSWORD: '${MAILMAN_ADMIN_PASSWORD:?set MAILMAN_ADMIN_PASSWORD in .env}'\n      LDAP_BIND_PW: ''\n      DB_PW: '${DB_PW:?set DB_PW in .env}'\n",
      ),
    },
    {
      name: "an empty default for the server's own password, and not for a client's in the same file",
      code: 'services:\n  setup:\n    image: busybox:1.36\n    environment:\n      ELASTIC_PASSWORD: ${ELASTIC_PASSWORD:-}\n  elasticsearch:\n    image: docker.elastic.co/elasticsearch/elasticsearch:8.14.1\n    environment:\n      ELASTIC_PASSWORD: ${ELASTIC_PASSWORD:-}\n',
      errors: [
        {
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 46,
          messageId: 'emptyDefault',
          data: { name: 'ELASTIC_PASSWORD', service: 'elasticsearch', variable: 'ELASTIC_PASSWORD' },
          message:
            'ELASTIC_PASSWORD in service "elasticsearch" is empty unless ELASTIC_PASSWORD is set: the server then starts with an empty password.',
          fixes: ['Require ELASTIC_PASSWORD from the environment (${ELASTIC_PASSWORD:?…})'],
        },
      ],
      output:
        'services:\n  setup:\n    image: busybox:1.36\n    environment:\n      ELASTIC_PASSWORD: ${ELASTIC_PASSWORD:-}\n  elasticsearch:\n    image: docker.elastic.co/elasticsearch/elasticsearch:8.14.1\n    environment:\n      ELASTIC_PASSWORD: ${ELASTIC_PASSWORD:?set ELASTIC_PASSWORD in .env}\n',
    },
    {
      name: 'nested empty defaults in a database service whose image a variable picks',
      code: 'services:\n  db:\n    image: ${DB_IMAGE:-mysql:lts}\n    environment:\n      MYSQL_ROOT_PASSWORD: ${DB_ROOT_PASSWORD:-${MYSQL_ROOT_PASSWORD:-}}\n      POSTGRES_PASSWORD: ${DB_PASSWORD-}\n',
      errors: [
        {
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 73,
          messageId: 'emptyDefault',
          data: { name: 'MYSQL_ROOT_PASSWORD', service: 'db', variable: 'DB_ROOT_PASSWORD or MYSQL_ROOT_PASSWORD' },
        },
        {
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 41,
          messageId: 'emptyDefault',
          data: { name: 'POSTGRES_PASSWORD', service: 'db', variable: 'DB_PASSWORD' },
        },
      ],
      output:
        'services:\n  db:\n    image: ${DB_IMAGE:-mysql:lts}\n    environment:\n      MYSQL_ROOT_PASSWORD: ${DB_ROOT_PASSWORD:?set DB_ROOT_PASSWORD in .env}\n      POSTGRES_PASSWORD: ${DB_PASSWORD:?set DB_PASSWORD in .env}\n',
    },
    {
      name: 'etcd and ZooKeeper accepting clients without authentication (Bitnami)',
      code: 'services:\n  etcd:\n    image: bitnami/etcd:3.5\n    environment:\n      - ALLOW_NONE_AUTHENTICATION=yes\n  zookeeper:\n    image: bitnami/zookeeper:3.9\n    environment:\n      ALLOW_ANONYMOUS_LOGIN: "true"\n',
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 38,
          ...AUTH_OFF('ALLOW_NONE_AUTHENTICATION', 'etcd', 'yes', 'etcd accepts every client without authentication'),
          message:
            'ALLOW_NONE_AUTHENTICATION in service "etcd" is "yes": etcd accepts every client without authentication.',
          fixes: [],
        },
        {
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 36,
          ...AUTH_OFF(
            'ALLOW_ANONYMOUS_LOGIN',
            'zookeeper',
            'true',
            'ZooKeeper accepts clients that never authenticate',
          ),
        },
      ],
      output: null,
    },
    {
      name: "Kestra's basic auth off inside KESTRA_CONFIGURATION, and as an environment key",
      code: 'services:\n  kestra:\n    image: kestra/kestra:v0.19\n    environment:\n      KESTRA_CONFIGURATION: |\n        kestra:\n          server:\n            basicAuth:\n              enabled: false\n              username: admin@kestra.io\n  kestra2:\n    image: kestra/kestra:v0.19\n    environment:\n      KESTRA_SERVER_BASICAUTH_ENABLED: "false"\n',
      errors: [
        {
          line: 9,
          column: 24,
          endLine: 9,
          endColumn: 29,
          ...AUTH_OFF('kestra.server.basicAuth.enabled', 'kestra', 'false', KESTRA),
        },
        {
          line: 14,
          column: 7,
          endLine: 14,
          endColumn: 47,
          ...AUTH_OFF('KESTRA_SERVER_BASICAUTH_ENABLED', 'kestra2', 'false', KESTRA),
        },
      ],
      output: null,
    },
    {
      name: 'Elasticsearch security off, as a dotted key in both forms',
      code: 'services:\n  es:\n    image: elasticsearch:8.14.1\n    environment:\n      - discovery.type=single-node\n      - xpack.security.enabled=false\n  es2:\n    image: elasticsearch:7.17.22\n    environment:\n      xpack.security.enabled: "false"\n',
      errors: [
        {
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 37,
          ...AUTH_OFF('xpack.security.enabled', 'es', 'false', ELASTIC),
        },
        {
          line: 10,
          column: 7,
          endLine: 10,
          endColumn: 38,
          ...AUTH_OFF('xpack.security.enabled', 'es2', 'false', ELASTIC),
        },
      ],
      output: null,
    },
    {
      name: 'OpenSearch security plugin off, by its switch and by its setting',
      code: 'services:\n  search:\n    image: opensearchproject/opensearch:2.13.0\n    environment:\n      - DISABLE_SECURITY_PLUGIN=true\n  search2:\n    image: opensearchproject/opensearch:2.13.0\n    environment:\n      - plugins.security.disabled=true\n',
      errors: [
        {
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 37,
          ...AUTH_OFF('DISABLE_SECURITY_PLUGIN', 'search', 'true', OPENSEARCH),
        },
        {
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 39,
          ...AUTH_OFF('plugins.security.disabled', 'search2', 'true', OPENSEARCH),
        },
      ],
      output: null,
    },
    {
      name: "PgBouncer with trust authentication, and Bitnami's PgBouncer with any",
      code: 'services:\n  pgbouncer:\n    image: "edoburu/pgbouncer:v1.25.2-p0"\n    environment:\n      AUTH_TYPE: trust\n  pool:\n    image: bitnami/pgbouncer:1.23\n    environment:\n      PGBOUNCER_AUTH_TYPE: any\n',
      errors: [
        { line: 5, column: 7, endLine: 5, endColumn: 23, ...AUTH_OFF('AUTH_TYPE', 'pgbouncer', 'trust', PGBOUNCER) },
        { line: 9, column: 7, endLine: 9, endColumn: 31, ...AUTH_OFF('PGBOUNCER_AUTH_TYPE', 'pool', 'any', PGBOUNCER) },
      ],
      output: null,
    },
    {
      name: "Grafana's anonymous users made Admin: reported on the switch",
      code: service(
        'grafana',
        'grafana/grafana:11.1.0',
        '      - GF_AUTH_DISABLE_LOGIN_FORM=true\n      - GF_AUTH_ANONYMOUS_ENABLED=true\n      - GF_AUTH_ANONYMOUS_ORG_ROLE=Admin\n',
      ),
      errors: [
        {
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 39,
          ...AUTH_OFF(
            'GF_AUTH_ANONYMOUS_ENABLED',
            'grafana',
            'true',
            'anyone who reaches Grafana is an organization Admin without logging in',
          ),
        },
      ],
      output: null,
    },
    {
      name: 'the switch set from .env',
      code: service('graph', 'neo4j:5', '      NEO4J_AUTH: ${NEO4J_AUTH}\n'),
      facts: dotenv('NEO4J_AUTH=none\n'),
      errors: [
        {
          line: 5,
          column: 19,
          endLine: 5,
          endColumn: 32,
          ...AUTH_OFF('NEO4J_AUTH', 'graph', 'none', 'Neo4j runs with authentication off', ' from .env line 1'),
        },
      ],
      output: null,
    },
    {
      name: 'Redis with protected mode off and no password, as a string and as a list',
      code: 'services:\n  cache:\n    image: redis:7.2\n    command: redis-server --protected-mode no --appendonly yes\n  queue:\n    image: redis:7.2\n    command: ["redis-server", "--protected-mode", "no"]\n',
      errors: [
        {
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 46,
          ...FLAG('--protected-mode no', 'cache', REDIS),
          message:
            '--protected-mode no in the command of service "cache": Redis accepts connections from every network, and no password is set.',
          fixes: [],
        },
        { line: 7, column: 32, endLine: 7, endColumn: 54, ...FLAG('--protected-mode no', 'queue', REDIS) },
      ],
      output: null,
    },
    {
      name: 'MySQL skipping its grant tables, code-server and Jupyter without a password or token',
      code: "services:\n  db:\n    image: mysql:8.4\n    command: --skip-grant-tables --character-set-server=utf8mb4\n  code:\n    image: codercom/code-server:4.100.3\n    command: --auth none --bind-addr 0.0.0.0:8080\n  lab:\n    image: jupyter/base-notebook:2023-10-20\n    command: start-notebook.sh --NotebookApp.token=''\n",
      errors: [
        {
          line: 4,
          column: 14,
          endLine: 4,
          endColumn: 33,
          ...FLAG('--skip-grant-tables', 'db', 'MySQL lets every client in as any user, with every privilege'),
        },
        {
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 25,
          ...FLAG('--auth none', 'code', 'the editor, and the shell it opens, take no password'),
        },
        {
          line: 10,
          column: 32,
          endLine: 10,
          endColumn: 52,
          ...FLAG('--NotebookApp.token=', 'lab', 'Jupyter runs code for anyone who reaches it'),
        },
      ],
      output: null,
    },
    {
      name: 'the official MongoDB image with no root user: reported on the image',
      code: 'services:\n  mongo:\n    image: mongo:7.0\n    volumes:\n      - data:/data/db\n  mongo2:\n    image: docker.io/mongodb/mongodb-community-server:7.0-ubi8\n    environment:\n      MONGO_INITDB_DATABASE: app\n',
      errors: [
        {
          line: 3,
          column: 12,
          endLine: 3,
          endColumn: 21,
          messageId: 'noMongoUser',
          data: { service: 'mongo', image: 'mongo:7.0' },
          message:
            'Service "mongo" runs MongoDB (mongo:7.0) with no MONGO_INITDB_ROOT_USERNAME and MONGO_INITDB_ROOT_PASSWORD: it then starts with access control off, and every client that reaches it reads and writes everything.',
          fixes: [],
        },
        {
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 63,
          messageId: 'noMongoUser',
          data: { service: 'mongo2', image: 'docker.io/mongodb/mongodb-community-server:7.0-ubi8' },
        },
      ],
      output: null,
    },
    {
      name: 'a flow map: reported, no fix',
      code: 'services:\n  db:\n    image: mysql:8\n    environment: { MYSQL_ALLOW_EMPTY_PASSWORD: "yes", MYSQL_DATABASE: app }\n',
      errors: [{ line: 4, column: 20, endLine: 4, endColumn: 53, fixes: [] }],
      output: null,
    },
  ],
});
