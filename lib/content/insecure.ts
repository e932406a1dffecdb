// Finds config lines that turn on what is unsafe today (SSLv2/SSLv3, RC4, export, NULL and
// anonymous ciphers). Such snippets may only appear marked `insecure`, beside a modern one.

const WEAK_CIPHER = /^(?:EXP|EXPORT)|RC4|NULL|^ADH|^SSLv2$|^DES-CBC-/;

export function insecureReasons(config: string): string[] {
  const reasons: string[] = [];
  for (const raw of config.split('\n')) {
    const hash = raw.indexOf('#');
    const line = (hash < 0 ? raw : raw.slice(0, hash)).trim();
    const [directive, ...args] = line.split(/\s+/);
    if (!directive) continue;
    const name = directive.toLowerCase();
    if (name === 'sslprotocol' || name === 'sslproxyprotocol') {
      for (const a of args) {
        const v = a.replace(/^\+/, '');
        if (!a.startsWith('-') && (v === 'SSLv2' || v === 'SSLv3')) reasons.push(`${directive} enables ${v}`);
      }
    }
    if (name === 'sslciphersuite' || name === 'sslproxyciphersuite') {
      for (const tok of args.join(':').split(/[:,\s]+/)) {
        if (!tok || tok.startsWith('!') || tok.startsWith('-')) continue;
        const v = tok.replace(/^\+/, '');
        if (WEAK_CIPHER.test(v)) reasons.push(`${directive} allows ${v}`);
      }
    }
  }
  return reasons;
}
