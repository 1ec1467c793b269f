/** Synthetic documents of a given size, for scaling and latency measurements. */

/** A Compose file with `services` services of ten lines each, some with findings. */
export function syntheticCompose(services: number): string {
  const lines = ['services:'];
  for (let i = 0; i < services; i++) {
    lines.push(
      `  service-${i}:`,
      `    image: registry.example.com/app-${i}:1.${i % 10}.0`,
      '    environment:',
      `      APP_MODE: production`,
      `      DB_PASSWORD: ${i % 5 === 0 ? 'changeme' : '${DB_PASSWORD:?set it}'}`,
      `      CACHE_URL: redis://cache-${i}:6379`,
      '    ports:',
      `      - "127.0.0.1:${10000 + (i % 50000)}:80"`,
      '    volumes:',
      i % 7 === 0 ? '      - /var/run/docker.sock:/var/run/docker.sock' : `      - data-${i}:/data`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const SECTION = `## Reporting a Vulnerability

Please report vulnerabilities privately by email to security@example.org. We acknowledge every report
within 3 business days and send a first assessment within 10 business days. See
https://example.org/security for our advisories, and do not open a public issue.

| Version | Supported |
| ------- | --------- |
| 2.3.x   | ✅        |
| < 2.3   | ❌        |

- Critical: fixed within 7 days
- High: fixed within 30 days

`;

/** A policy of about `bytes` bytes made of repeated, realistic sections. */
export function syntheticPolicy(bytes: number): string {
  const parts = ['# Security Policy\n\n'];
  let length = parts[0].length;
  for (let i = 0; length < bytes; i++) {
    const part = SECTION.replace('## Reporting a Vulnerability', `## Section ${i}`);
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}
