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

/**
 * One realistic section of a policy. Each section's words differ (address, days, versions), as a
 * real policy's do: repeated paragraphs would let caches keyed by text answer for the whole document.
 */
function policySection(i: number): string {
  return `## Section ${i}

Please report vulnerabilities privately by email to security-${i}@example.org. We acknowledge every report
within ${1 + (i % 5)} business days and send a first assessment within ${5 + (i % 11)} business days. See
https://example.org/security/${i} for our advisories, and do not open a public issue.

| Version | Supported |
| ------- | --------- |
| ${i}.3.x   | ✅        |
| < ${i}.3   | ❌        |

- Critical in ${i}.3.x: fixed within ${2 + (i % 7)} days
- High in ${i}.3.x: fixed within ${20 + (i % 40)} days

`;
}

/** A policy of about `bytes` bytes made of realistic sections, no two alike. */
export function syntheticPolicy(bytes: number): string {
  const parts = ['# Security Policy\n\n'];
  let length = parts[0].length;
  for (let i = 0; length < bytes; i++) {
    const part = policySection(i);
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

/** A `.env` file of `entries` plain settings. */
export function syntheticDotenv(entries: number): string {
  return Array.from({ length: entries }, (_, i) => `SETTING_${i}=value-${i}\n`).join('');
}

/** A `.env` file where each value repeats the one before and adds a character: long chains of references. */
export function dotenvChain(entries: number): string {
  const lines = ['V0=start'];
  for (let i = 1; i < entries; i++) lines.push(`V${i}=\${V${i - 1}}x`);
  return `${lines.join('\n')}\n`;
}

/** A security.txt with `fields` Contact lines. */
export function syntheticSecurityTxt(fields: number): string {
  const lines = Array.from({ length: fields }, (_, i) => `Contact: mailto:security-${i}@example.org`);
  return `${lines.join('\n')}\nExpires: 2099-01-01T00:00:00Z\n`;
}

/** A policy that is one long run of email addresses: the contact scanner's worst shape. */
export function policyAddresses(count: number): string {
  return `# Security\n\n${Array.from({ length: count }, (_, i) => `write to a${i}@example${i}.org`).join(' ')}\n`;
}

/** A Compose file whose every service sets its own password: one credential verdict each. */
export function composeCredentials(services: number): string {
  const lines = ['services:'];
  for (let i = 0; i < services; i++) {
    lines.push(`  s${i}:`, '    image: postgres:16', '    environment:', `      POSTGRES_PASSWORD: pw-${i}-Zq8kL2vB9x`);
  }
  return `${lines.join('\n')}\n`;
}
