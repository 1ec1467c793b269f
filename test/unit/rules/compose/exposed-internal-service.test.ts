import { exposedInternalService } from '../../../../server/src/rules/compose/exposed-internal-service';
import { ruleTester } from '../../../helpers/rule-tester';

const db = (ports: string) => `services:\n  db:\n    image: postgres:16\n    ports:\n${ports}`;
/** A port published by a service that should stay internal. */
const INTERNAL = (service: string, published: string, kind: string) => ({
  messageId: 'internal',
  data: { service, published, kind },
});
const DB = (published: string) => INTERNAL('db', published, 'a database');
const LOOPBACK = 'Publish it on 127.0.0.1 only';
const EDGE = `services:\n  proxy:\n    image: nginx:1.27\n    ports: ["80:80", "443:443"]\n`;

ruleTester(exposedInternalService, {
  valid: [
    { name: 'bound to the loopback address', code: db('      - 127.0.0.1:5432:5432\n      - "[::1]:5433:5432"\n') },
    { name: 'bound to a private address', code: db('      - 10.0.0.5:5432:5432\n') },
    {
      name: 'expose: is for other services only',
      code: 'services:\n  db:\n    image: postgres:16\n    expose:\n      - "5432"\n',
    },
    {
      name: 'long syntax with host_ip',
      code: db('      - target: 5432\n        published: 5432\n        host_ip: 127.0.0.1\n'),
    },
    { name: 'an address from a variable the shell sets', code: db('      - ${BIND_ADDRESS}:5432:5432\n') },
    { name: 'the edge proxy itself', code: EDGE },
    {
      name: 'a web app with no proxy in front is the edge',
      code: 'services:\n  web:\n    image: ghcr.io/acme/web:3\n    ports:\n      - "8080:8080"\n',
    },
    {
      name: 'protocols a web proxy does not carry: DNS, mail, UDP',
      code: `${EDGE}  dns:\n    image: acme/dns:1\n    ports:\n      - 53:53/udp\n      - "53:53/tcp"\n      - 25:25\n      - 993:993\n      - 3478:3478/udp\n`,
    },
    {
      name: 'a proxy with no published port is no edge',
      code: 'services:\n  parent:\n    image: nginx\n  app:\n    image: acme/app:1\n    ports:\n      - 3000:3000\n',
    },
    {
      name: 'an Airflow "webserver" is an app, not a proxy',
      code: 'services:\n  webserver:\n    image: apache/airflow:2.9.0\n    ports:\n      - 8080:8080\n  app:\n    image: acme/app:1\n    ports:\n      - 3000:3000\n',
    },
    { name: '!reset drops inherited ports', code: 'services:\n  db:\n    image: postgres:16\n    ports: !reset []\n' },
  ],
  invalid: [
    {
      name: 'a database on every interface, short syntax, quoted: the fix adds 127.0.0.1',
      code: db('      - "5432:5432" # for local tools\n'),
      errors: [
        {
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 19,
          ...DB('port 5432'),
          message:
            'Service "db" publishes port 5432 on every network interface, and a database should not be reachable from other machines. Bind it to 127.0.0.1, or drop the port and let other services reach it over the Compose network.',
          severity: 'warning',
          fixes: [LOOPBACK],
        },
      ],
      output: db('      - "127.0.0.1:5432:5432" # for local tools\n'),
    },
    {
      name: 'a container port alone, 0.0.0.0 and [::]',
      code: db('      - 5433\n      - 0.0.0.0:5434:5432\n      - "[::]:5435:5432/tcp"\n'),
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 13, ...DB('container port 5433 on a random host port') },
        { line: 6, column: 9, endLine: 6, endColumn: 26, ...DB('port 5434') },
        { line: 7, column: 10, endLine: 7, endColumn: 28, ...DB('port 5435') },
      ],
      output: db('      - 127.0.0.1::5433\n      - 127.0.0.1:5434:5432\n      - "127.0.0.1:5435:5432/tcp"\n'),
    },
    {
      name: 'a flow list: plain items are quoted by the fix',
      code: 'services:\n  db:\n    image: postgres:16\n    ports: [5432, "6543:5432"]\n',
      errors: [
        { line: 4, column: 13, endLine: 4, endColumn: 17 },
        { line: 4, column: 20, endLine: 4, endColumn: 29 },
      ],
      output: 'services:\n  db:\n    image: postgres:16\n    ports: ["127.0.0.1::5432", "127.0.0.1:6543:5432"]\n',
    },
    {
      name: 'a port from a default, and an address from a default (reported, no fix)',
      code: db('      - ${DB_PORT:-5432}:5432\n      - ${BIND:-0.0.0.0}:5433:5432\n'),
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 30, ...DB('port 5432'), fixes: [LOOPBACK] },
        { line: 6, column: 9, endLine: 6, endColumn: 35, ...DB('port 5433'), fixes: [] },
      ],
      output: db('      - 127.0.0.1:${DB_PORT:-5432}:5432\n      - ${BIND:-0.0.0.0}:5433:5432\n'),
    },
    {
      name: 'an address from .env',
      code: db('      - ${BIND}:5432:5432\n'),
      facts: { dotenv: { path: '/project/.env', text: 'BIND=0.0.0.0\n' } },
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 26, ...DB('port 5432'), fixes: [] }],
      output: null,
    },
    {
      name: 'a backend beside the edge proxy, long syntax: host_ip is added',
      code: `${EDGE}  backend:\n    image: acme/backend:2\n    ports:\n      - target: 8080\n        published: 8080\n`,
      errors: [
        {
          line: 9,
          column: 20,
          endLine: 9,
          endColumn: 24,
          messageId: 'behindProxy',
          data: { service: 'backend', published: 'port 8080', proxy: 'proxy' },
          message:
            'Service "backend" publishes port 8080 on every network interface, and it sits behind the edge proxy "proxy", which is the one service meant to be reachable. Bind it to 127.0.0.1, or drop the port and let other services reach it over the Compose network.',
        },
      ],
      output: `${EDGE}  backend:\n    image: acme/backend:2\n    ports:\n      - target: 8080\n        published: 8080\n        host_ip: 127.0.0.1\n`,
    },
    {
      name: 'a port range beside the edge proxy',
      code: `${EDGE}  media:\n    image: acme/media:1\n    ports:\n      - "9000-9010:9000-9010"\n`,
      errors: [
        {
          line: 8,
          column: 10,
          endLine: 8,
          endColumn: 29,
          messageId: 'behindProxy',
          data: { service: 'media', published: 'port 9000-9010', proxy: 'proxy' },
        },
      ],
      output: `${EDGE}  media:\n    image: acme/media:1\n    ports:\n      - "127.0.0.1:9000-9010:9000-9010"\n`,
    },
    {
      name: 'long syntax with host_ip 0.0.0.0',
      code: db('      - target: 5432\n        host_ip: 0.0.0.0\n        published: "5432"\n'),
      errors: [{ line: 7, column: 21, endLine: 7, endColumn: 25 }],
      output: db('      - target: 5432\n        host_ip: 127.0.0.1\n        published: "5432"\n'),
    },
    {
      name: 'admin tools and caches, by image',
      code: 'services:\n  pgadmin:\n    image: dpage/pgadmin4:8\n    ports:\n      - "5050:80"\n  cache:\n    image: redis:7\n    ports:\n      - 6379:6379\n',
      errors: [
        {
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 17,
          ...INTERNAL('pgadmin', 'port 5050', 'an admin interface or internal tool'),
        },
        {
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 18,
          ...INTERNAL('cache', 'port 6379', 'a cache or coordination store'),
        },
      ],
      output:
        'services:\n  pgadmin:\n    image: dpage/pgadmin4:8\n    ports:\n      - "127.0.0.1:5050:80"\n  cache:\n    image: redis:7\n    ports:\n      - 127.0.0.1:6379:6379\n',
    },
    {
      name: 'a database port on an image that does not say what it is',
      code: 'services:\n  kuma:\n    image: louislam/uptime-kuma:2\n    ports:\n      - "3307:3306"\n',
      errors: [
        {
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 19,
          ...INTERNAL('kuma', 'port 3307', 'a database'),
        },
      ],
      output: 'services:\n  kuma:\n    image: louislam/uptime-kuma:2\n    ports:\n      - "127.0.0.1:3307:3306"\n',
    },
  ],
});
