// A small PKI for the probe's tests, made with the openssl command in a temporary folder: a root,
// an intermediate, a client CA, and leaves that are good, expired, not yet valid, for another
// name, CN-only, self-signed, on a 1024-bit key, or naming an OCSP responder; plus a real OCSP
// response for the good leaf. Test support only (the probe itself never runs openssl).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const NAME = 'www.probe.test';
export const OTHER = 'other.probe.test';

export interface TestPki {
  dir: string;
  root: string;
  intermediate: string;
  clientCa: string;
  /** name -> PEM text of cert and key */
  leaf: Record<string, { cert: string; key: string }>;
  pem: (file: string) => string;
  /** a DER OCSP response ("good") for the leaf 'ocsp', signed by the intermediate */
  ocspGood: Buffer;
  cleanup: () => void;
}

const stamp = (d: Date) => `${d.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;

export function makeTestPki(): TestPki {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probe-pki-'));
  const f = (n: string) => path.join(dir, n);
  const ossl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const key = (name: string, bits = 2048) => ossl('genpkey', '-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${bits}`, '-out', f(`${name}.key`));
  const ext = (name: string, lines: string[]) => (fs.writeFileSync(f(`${name}.ext`), `[x]\n${lines.join('\n')}\n`), f(`${name}.ext`));
  const caExt = ['basicConstraints = critical, CA:TRUE', 'keyUsage = critical, keyCertSign, cRLSign', 'subjectKeyIdentifier = hash'];
  const selfSign = (name: string, cn: string, lines: string[]) => {
    key(name);
    ossl('req', '-x509', '-new', '-key', f(`${name}.key`), '-out', f(`${name}.pem`), '-days', '3650', '-subj', `/O=Probe Test/CN=${cn}`, '-extensions', 'x', '-config', ext(name, lines));
  };
  const caDb = (issuer: string) => {
    const home = f(`${issuer}.db`);
    if (!fs.existsSync(home)) {
      fs.mkdirSync(home);
      fs.writeFileSync(path.join(home, 'index.txt'), '');
      fs.writeFileSync(path.join(home, 'serial'), `${(0x1000 + issuer.length * 97).toString(16)}\n`);
      fs.writeFileSync(
        f(`${issuer}.cnf`),
        ['[ca]', 'default_ca = t', '[t]', `dir = ${home}`, 'database = $dir/index.txt', 'serial = $dir/serial', 'new_certs_dir = $dir', 'default_md = sha256', 'policy = any', 'unique_subject = no', 'copy_extensions = none', 'email_in_dn = no', '[any]', 'commonName = supplied', 'organizationName = optional', ''].join('\n'),
      );
    }
    return { cnf: f(`${issuer}.cnf`), index: path.join(home, 'index.txt') };
  };
  const sign = (issuer: string, name: string, cn: string, lines: string[], start: Date, end: Date) => {
    ossl('req', '-new', '-key', f(`${name}.key`), '-out', f(`${name}.csr`), '-subj', `/O=Probe Test/CN=${cn}`);
    ossl('ca', '-batch', '-notext', '-config', caDb(issuer).cnf, '-cert', f(`${issuer}.pem`), '-keyfile', f(`${issuer}.key`), '-in', f(`${name}.csr`), '-out', f(`${name}.pem`), '-extfile', ext(name, lines), '-extensions', 'x', '-startdate', stamp(start), '-enddate', stamp(end));
  };

  const day = 86_400_000;
  const now = Date.now();
  for (const [name, cn] of [['root', 'Probe Test Root CA'], ['client-ca', 'Probe Test Client CA']] as const) selfSign(name, cn, [...caExt, 'authorityKeyIdentifier = keyid']);
  key('intermediate');
  sign('root', 'intermediate', 'Probe Test Intermediate CA', [...caExt, 'authorityKeyIdentifier = keyid'], new Date(now - 30 * day), new Date(now + 3000 * day));

  const ok = [new Date(now - 2 * day), new Date(now + 90 * day)] as const;
  const leafExt = (san?: string[], extra: string[] = []) => ['basicConstraints = CA:FALSE', 'authorityKeyIdentifier = keyid', 'extendedKeyUsage = serverAuth', ...(san ? [`subjectAltName = ${san.map((n) => `DNS:${n}`).join(', ')}`] : []), ...extra];
  const specs: [string, string, string[] | undefined, readonly [Date, Date], number?, string[]?][] = [
    ['good', NAME, [NAME], ok],
    ['other', OTHER, [OTHER], ok],
    ['expired', NAME, [NAME], [new Date(now - 400 * day), new Date(now - 35 * day)]],
    ['not-yet-valid', NAME, [NAME], [new Date(now + 30 * day), new Date(now + 400 * day)]],
    ['wrong-name', 'shop.probe.test', ['shop.probe.test'], ok],
    ['cn-only', NAME, undefined, ok],
    ['weak', NAME, [NAME], ok, 1024],
    ['ocsp', NAME, [NAME], ok, 2048, ['authorityInfoAccess = OCSP;URI:http://127.0.0.1:9/ocsp']],
  ];
  for (const [name, cn, san, [start, end], bits, extra] of specs) {
    key(name, bits);
    sign('intermediate', name, cn, leafExt(san, extra), start, end);
  }
  selfSign('self-signed', NAME, ['basicConstraints = CA:FALSE', `subjectAltName = DNS:${NAME}`]);

  // A real OCSP answer for the 'ocsp' leaf, from the intermediate's own database.
  const db = caDb('intermediate');
  ossl('ocsp', '-issuer', f('intermediate.pem'), '-cert', f('ocsp.pem'), '-reqout', f('ocsp-req.der'), '-no_nonce');
  ossl('ocsp', '-index', db.index, '-CA', f('intermediate.pem'), '-rsigner', f('intermediate.pem'), '-rkey', f('intermediate.key'), '-reqin', f('ocsp-req.der'), '-respout', f('ocsp-resp.der'), '-ndays', '1');

  const read = (n: string) => fs.readFileSync(f(n), 'utf8');
  const leaf: TestPki['leaf'] = {};
  for (const n of [...specs.map((s) => s[0]), 'self-signed']) leaf[n] = { cert: read(`${n}.pem`), key: read(`${n}.key`) };
  leaf['client-ca'] = { cert: read('client-ca.pem'), key: read('client-ca.key') };
  return {
    dir,
    root: read('root.pem'),
    intermediate: read('intermediate.pem'),
    clientCa: read('client-ca.pem'),
    leaf,
    pem: read,
    ocspGood: fs.readFileSync(f('ocsp-resp.der')),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
