// The configuration check on typical, large and hostile pastes: prints one line per input with
// its size, time, findings and problems, then the slowest. Run by `npm run bench`; alone with
// `npx tsx scripts/bench-config.ts`.
import { checkConfig } from '../lib/config/check';
import { CONFIG_RULES } from '../content/config-rules';
import { GOOD_DEBIAN_CONFIG } from '../content/config-rules/base';
import { isMain, parseCli } from './is-main.mjs';

const USAGE = `Usage: npx tsx scripts/bench-config.ts
Times the configuration check (lib/config) on a whole good configuration, 5 MB of vhosts, 5 MB of
one directive repeated, and hostile pastes (deep nesting, binary, one 5 MB line, 100,000 unclosed
sections). Prints figures; asserts nothing.`;

const vhost = (i: number) =>
  `<VirtualHost *:443>\n ServerName s${i}.example.com\n SSLEngine on\n SSLCertificateFile /etc/ssl/s${i}.pem\n SSLCertificateKeyFile /etc/ssl/s${i}.key\n <Location /a>\n  SSLVerifyClient require\n </Location>\n ProxyPass /api https://b${i}.example.com/\n  Header set X-Pad "${'x'.repeat(2400)}"\n</VirtualHost>\n`;

export const INPUTS: [string, () => string][] = [
  ['whole good Debian configuration', () => GOOD_DEBIAN_CONFIG],
  ['5 MB: 2,000 TLS vhosts with traps', () => Array.from({ length: 2000 }, (_, i) => vhost(i)).join('')],
  ['5 MB: one directive 330,000 times', () => 'SSLProtocol all\n'.repeat(330_000)],
  ['hostile: 64-deep sections × 3,000', () => ('<Location />\n'.repeat(64) + 'SSLVerifyClient require\n' + '</Location>\n'.repeat(64)).repeat(3000)],
  ['hostile: 5 MB of binary', () => Array.from({ length: 5_000_000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('')],
  ['hostile: one line of 5 MB', () => `SSLCipherSuite ${'A:'.repeat(2_500_000)}`],
  ['hostile: 100,000 unclosed sections', () => '<VirtualHost *:443>\n'.repeat(100_000)],
];

if (isMain(import.meta.url)) {
  parseCli(USAGE);
  let slowest = { name: '', ms: 0 };
  console.log(`Configuration check (${CONFIG_RULES.length} rules):`);
  for (const [name, make] of INPUTS) {
    const text = make();
    const t = performance.now();
    const r = checkConfig(text, CONFIG_RULES);
    const ms = performance.now() - t;
    if (ms > slowest.ms) slowest = { name, ms };
    console.log(`  ${name.padEnd(38)} ${(text.length / 1e6).toFixed(2).padStart(5)} MB ${ms.toFixed(0).padStart(6)} ms   ${r.findings.length} findings (+${r.stats.omitted} not listed), ${r.problems.length} problems, ${r.vhosts.length} vhosts`);
  }
  console.log(`  slowest: ${slowest.name}, ${slowest.ms.toFixed(0)} ms`);
}
