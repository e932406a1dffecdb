// A throw-away PKI made with the openssl command: the certificates and keys every scenario needs.
// `openssl ca` signs everything so that validity dates can be set in the past or the future.
import fs from 'node:fs';
import path from 'node:path';
import { must, runSync } from './sh';

export const HOST = 'www.example.test';
export const OTHER_HOST = 'other.example.test';
export const BACKEND_HOST = 'backend.example.test';

export interface Pki {
  dir: string;
  /** the root the lab's clients trust */
  root: string;
  intermediate: string;
  /** a root no client trusts */
  privateRoot: string;
  clientCa: string;
  /** leaf name -> { cert, key } files; see makePki for the list */
  leaf: Record<string, { cert: string; key: string }>;
  files: Record<string, string>;
}

const ossl = (dir: string, args: string[]) => must(runSync('openssl', args, { cwd: dir }), `openssl ${args[0]}`);

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
}

function caConfig(dir: string, name: string): string {
  const home = path.join(dir, `${name}.db`);
  fs.mkdirSync(home, { recursive: true });
  fs.writeFileSync(path.join(home, 'index.txt'), '');
  // A serial from the name, not from chance: reruns print the same serials in AH02276 lines.
  const serial = 0x1000 + ([...name].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 0xe000, 7));
  fs.writeFileSync(path.join(home, 'serial'), `${serial.toString(16).toUpperCase()}\n`);
  const cnf = path.join(dir, `${name}.cnf`);
  fs.writeFileSync(
    cnf,
    [
      '[ca]',
      'default_ca = lab',
      '[lab]',
      `dir = ${home}`,
      'database = $dir/index.txt',
      'serial = $dir/serial',
      'new_certs_dir = $dir',
      'default_md = sha256',
      'policy = any',
      'unique_subject = no',
      'copy_extensions = none',
      'email_in_dn = no',
      '[any]',
      'commonName = supplied',
      'organizationName = optional',
      '',
    ].join('\n'),
  );
  return cnf;
}

interface LeafSpec {
  name: string;
  cn: string;
  /** subjectAltName DNS names; none = a CN-only certificate */
  san?: string[];
  issuer: 'intermediate' | 'privateRoot' | 'clientCa' | 'inspectionRoot';
  bits?: number;
  start?: Date;
  end?: Date;
  client?: boolean;
}

export function makePki(dir: string): Pki {
  fs.mkdirSync(dir, { recursive: true });
  const f = (n: string) => path.join(dir, n);
  const day = 86_400_000;
  // Dates from midnight UTC: reruns on one day print the same validity dates.
  const now = Math.floor(Date.now() / day) * day;
  const key = (name: string, bits = 2048) => ossl(dir, ['genpkey', '-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${bits}`, '-out', f(`${name}.key`)]);
  const ext = (name: string, lines: string[]) => {
    fs.writeFileSync(f(`${name}.ext`), `[x]\n${lines.join('\n')}\n`);
    return f(`${name}.ext`);
  };
  const selfSign = (name: string, cn: string, extra: string[]) => {
    key(name);
    ossl(dir, ['req', '-x509', '-new', '-key', f(`${name}.key`), '-out', f(`${name}.pem`), '-days', '3650', '-subj', `/O=Handshake Lab/CN=${cn}`, '-extensions', 'x', '-config', ext(name, extra)]);
  };
  const caExt = ['basicConstraints = critical, CA:TRUE', 'keyUsage = critical, keyCertSign, cRLSign', 'subjectKeyIdentifier = hash'];

  // Roots: the trusted one, a private one nobody trusts, and a CA for client certificates.
  for (const [name, cn] of [['root', 'Handshake Lab Root CA'], ['private-root', 'Handshake Lab Private CA'], ['client-ca', 'Handshake Lab Client CA'], ['other-client-ca', 'Some Other Client CA'], ['inspection-root', 'Example Corp TLS Inspection CA']] as const)
    selfSign(name, cn, [...caExt, 'authorityKeyIdentifier = keyid']);
  // req -x509 needs distinguished_name in its config; the ext file only has [x], so add it.
  const sign = (issuer: string, csr: string, out: string, extFile: string, start: Date, end: Date) =>
    ossl(dir, ['ca', '-batch', '-notext', '-config', caConfig(dir, `${issuer}-${path.basename(out)}`), '-cert', f(`${issuer}.pem`), '-keyfile', f(`${issuer}.key`), '-in', csr, '-out', out, '-extfile', extFile, '-extensions', 'x', '-startdate', stamp(start), '-enddate', stamp(end)]);

  key('intermediate');
  ossl(dir, ['req', '-new', '-key', f('intermediate.key'), '-out', f('intermediate.csr'), '-subj', '/O=Handshake Lab/CN=Handshake Lab Intermediate CA']);
  sign('root', f('intermediate.csr'), f('intermediate.pem'), ext('intermediate', [...caExt, 'authorityKeyIdentifier = keyid']), new Date(now - 30 * day), new Date(now + 3000 * day));

  const ok = { start: new Date(now - 2 * day), end: new Date(now + 90 * day) };
  const specs: LeafSpec[] = [
    { name: 'good', cn: HOST, san: [HOST, 'example.test'], issuer: 'intermediate' },
    { name: 'other', cn: OTHER_HOST, san: [OTHER_HOST], issuer: 'intermediate' },
    { name: 'backend', cn: BACKEND_HOST, san: [BACKEND_HOST, 'IP:127.0.0.1'], issuer: 'intermediate' },
    { name: 'expired', cn: HOST, san: [HOST], issuer: 'intermediate', start: new Date(now - 400 * day), end: new Date(now - 35 * day) },
    { name: 'not-yet-valid', cn: HOST, san: [HOST], issuer: 'intermediate', start: new Date(now + 30 * day), end: new Date(now + 400 * day) },
    { name: 'wrong-name', cn: 'shop.example.test', san: ['shop.example.test'], issuer: 'intermediate' },
    { name: 'wildcard', cn: '*.example.test', san: ['*.example.test'], issuer: 'intermediate' },
    { name: 'cn-only', cn: HOST, issuer: 'intermediate' },
    { name: 'weak-1024', cn: HOST, san: [HOST], issuer: 'intermediate', bits: 1024 },
    { name: 'private', cn: HOST, san: [HOST], issuer: 'privateRoot' },
    // what a TLS-inspecting proxy forges for the site, signed by its own root
    { name: 'intercepted', cn: HOST, san: [HOST], issuer: 'inspectionRoot' },
    { name: 'client', cn: 'alice', issuer: 'clientCa', client: true },
    { name: 'client-expired', cn: 'bob', issuer: 'clientCa', client: true, start: new Date(now - 400 * day), end: new Date(now - 35 * day) },
    { name: 'client-other-ca', cn: 'mallory', issuer: 'clientCa', client: true },
    { name: 'client-weak', cn: 'carol', issuer: 'clientCa', client: true, bits: 1024 },
  ];
  const leaf: Pki['leaf'] = {};
  for (const s of specs) {
    key(s.name, s.bits);
    ossl(dir, ['req', '-new', '-key', f(`${s.name}.key`), '-out', f(`${s.name}.csr`), '-subj', `/O=Handshake Lab/CN=${s.cn}`]);
    const lines = ['basicConstraints = CA:FALSE', 'authorityKeyIdentifier = keyid', `extendedKeyUsage = ${s.client ? 'clientAuth' : 'serverAuth'}`];
    if (s.san) lines.push(`subjectAltName = ${s.san.map((n) => (n.startsWith('IP:') ? n : `DNS:${n}`)).join(', ')}`);
    const issuer = s.name === 'client-other-ca' ? 'other-client-ca' : ({ privateRoot: 'private-root', clientCa: 'client-ca', inspectionRoot: 'inspection-root', intermediate: 'intermediate' } as const)[s.issuer];
    sign(issuer, f(`${s.name}.csr`), f(`${s.name}.pem`), ext(s.name, lines), s.start ?? ok.start, s.end ?? ok.end);
    leaf[s.name] = { cert: f(`${s.name}.pem`), key: f(`${s.name}.key`) };
  }

  // Self-signed leaf: its own issuer, with the right names.
  selfSign('self-signed', HOST, ['basicConstraints = CA:FALSE', `subjectAltName = DNS:${HOST}`]);
  leaf['self-signed'] = { cert: f('self-signed.pem'), key: f('self-signed.key') };

  const read = (n: string) => fs.readFileSync(f(n), 'utf8');
  const write = (n: string, s: string) => (fs.writeFileSync(f(n), s), f(n));
  const files: Record<string, string> = {
    fullchain: write('fullchain.pem', read('good.pem') + read('intermediate.pem')),
    'wrong-order': write('wrong-order.pem', read('intermediate.pem') + read('good.pem')),
    'backend-fullchain': write('backend-fullchain.pem', read('backend.pem') + read('intermediate.pem')),
    'client-bundle': write('client-bundle.pem', read('client.pem') + read('client.key')),
    'client-expired-bundle': write('client-expired-bundle.pem', read('client-expired.pem') + read('client-expired.key')),
    'client-other-ca-bundle': write('client-other-ca-bundle.pem', read('client-other-ca.pem') + read('client-other-ca.key')),
    'client-weak-bundle': write('client-weak-bundle.pem', read('client-weak.pem') + read('client-weak.key')),
    'trusted-bundle': write('trusted-bundle.pem', read('root.pem')),
    // a CA bundle from before the lab root existed: other roots, not this one
    'inspection-root': f('inspection-root.pem'),
    'outdated-bundle': write('outdated-bundle.pem', read('other-client-ca.pem') + read('private-root.pem')),
    // A key that belongs to another certificate.
    'mismatched-key': f('other.key'),
  };
  ossl(dir, ['x509', '-in', f('good.pem'), '-outform', 'DER', '-out', f('good.der')]);
  files.der = f('good.der');
  ossl(dir, ['pkey', '-in', f('good.key'), '-aes256', '-passout', 'pass:lab-secret', '-out', f('good-encrypted.key')]);
  files['encrypted-key'] = f('good-encrypted.key');
  // 1024-bit Diffie-Hellman parameters, PKCS#3 as `openssl dhparam` writes them (a few seconds).
  ossl(dir, ['dhparam', '-out', f('dh1024.pem'), '1024']);
  files.dh1024 = f('dh1024.pem');
  // Everything world-readable: httpd runs as an unprivileged user in the lab.
  for (const n of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, n), fs.statSync(path.join(dir, n)).isDirectory() ? 0o755 : 0o644);

  return { dir, root: f('root.pem'), intermediate: f('intermediate.pem'), privateRoot: f('private-root.pem'), clientCa: f('client-ca.pem'), leaf, files };
}
