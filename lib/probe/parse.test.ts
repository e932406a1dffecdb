// The probe's readers of bytes: DER (certificates, names, OCSP responses) and the server's side of
// a TLS ≤ 1.2 handshake. Certificates and OCSP answers come from the openssl command.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeCert, issuedByNext, pemCertificates, splitSan } from './cert';
import { certDetails, children, DerError, nameToString, ocspSummary, readTlv } from './der';
import { parseServerFlight } from './wire';

let dir: string;
const f = (n: string) => path.join(dir, n);
const ossl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
const der = (n: string) => pemCertificates(fs.readFileSync(f(n), 'utf8'))[0]!;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probe-parse-'));
  const selfSigned = (name: string, keyArgs: string[], ext: string[], subj = `/O=Parse Test/CN=${name}`) => {
    ossl('genpkey', ...keyArgs, '-out', f(`${name}.key`));
    fs.writeFileSync(f(`${name}.ext`), `[x]\n${ext.join('\n')}\n`);
    ossl('req', '-x509', '-new', '-utf8', '-key', f(`${name}.key`), '-out', f(`${name}.pem`), '-days', '30', '-subj', subj, '-extensions', 'x', '-config', f(`${name}.ext`));
  };
  selfSigned('ec', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], ['subjectAltName = DNS:a.test, DNS:b.test, IP:192.0.2.1, IP:2001:db8::1', 'authorityInfoAccess = OCSP;URI:http://ocsp.test/, caIssuers;URI:http://ca.test/i.der']);
  selfSigned('ed', ['-algorithm', 'ED25519'], ['basicConstraints = critical, CA:TRUE']);
  selfSigned('staple', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], ['tlsfeature = status_request', 'subjectAltName = DNS:s.test']);
  selfSigned('utf8', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], [], '/C=DE/O=Bücher GmbH/OU=IT/CN=Ünïcode CA');
  // A CA database with one revoked leaf, and an OCSP answer about it.
  selfSigned('ca', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'], ['basicConstraints = critical, CA:TRUE', 'keyUsage = critical, keyCertSign, cRLSign']);
  fs.mkdirSync(f('db'));
  fs.writeFileSync(f('db/index.txt'), '');
  fs.writeFileSync(f('db/serial'), '1000\n');
  fs.writeFileSync(f('ca.cnf'), ['[ca]', 'default_ca = t', '[t]', `dir = ${f('db')}`, 'database = $dir/index.txt', 'serial = $dir/serial', 'new_certs_dir = $dir', 'default_md = sha256', 'policy = any', 'unique_subject = no', '[any]', 'commonName = supplied', ''].join('\n'));
  ossl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', f('leaf.key'));
  ossl('req', '-new', '-key', f('leaf.key'), '-out', f('leaf.csr'), '-subj', '/CN=leaf.test');
  ossl('ca', '-batch', '-notext', '-config', f('ca.cnf'), '-cert', f('ca.pem'), '-keyfile', f('ca.key'), '-in', f('leaf.csr'), '-out', f('leaf.pem'), '-days', '10');
  ossl('ca', '-config', f('ca.cnf'), '-cert', f('ca.pem'), '-keyfile', f('ca.key'), '-revoke', f('leaf.pem'));
  ossl('ocsp', '-issuer', f('ca.pem'), '-cert', f('leaf.pem'), '-reqout', f('req.der'), '-no_nonce');
  ossl('ocsp', '-index', f('db/index.txt'), '-CA', f('ca.pem'), '-rsigner', f('ca.pem'), '-rkey', f('ca.key'), '-reqin', f('req.der'), '-respout', f('revoked.der'), '-ndays', '2');
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('certificates', () => {
  it('signature algorithms as OpenSSL names them', () => {
    expect(certDetails(der('ec.pem')).signatureAlgorithm).toBe('ecdsa-with-SHA256');
    expect(certDetails(der('ed.pem')).signatureAlgorithm).toBe('ED25519');
    expect(certDetails(der('staple.pem')).signatureAlgorithm).toBe('sha256WithRSAEncryption');
  });

  it('OCSP Must-Staple (TLS Feature status_request)', () => {
    expect(certDetails(der('staple.pem')).mustStaple).toBe(true);
    expect(certDetails(der('ec.pem')).mustStaple).toBe(false);
  });

  it('describes keys, names, SANs and access URIs', () => {
    const ec = describeCert(der('ec.pem'));
    expect(ec).toMatchObject({ subject: 'O=Parse Test, CN=ec', selfSigned: true, key: { type: 'EC', curve: 'prime256v1' }, ocspUris: ['http://ocsp.test/'], caIssuers: ['http://ca.test/i.der'] });
    expect(ec.san).toEqual(['DNS:a.test', 'DNS:b.test', 'IP Address:192.0.2.1', 'IP Address:2001:DB8:0:0:0:0:0:1']);
    expect(describeCert(der('ed.pem'))).toMatchObject({ key: { type: 'Ed25519' }, ca: true });
    expect(describeCert(der('leaf.pem'))).toMatchObject({ subject: 'CN=leaf.test', selfSigned: false, san: [] });
    expect(issuedByNext([der('leaf.pem'), der('ca.pem')])).toEqual([true]);
    expect(issuedByNext([der('leaf.pem'), der('ec.pem')])).toEqual([false]);
  });

  it('names with UTF-8 text', () => {
    const cert = der('utf8.pem');
    expect(describeCert(cert).subject).toBe('C=DE, O=Bücher GmbH, OU=IT, CN=Ünïcode CA');
    // The same name read by der.ts (as a CertificateRequest's CA name is): the TBSCertificate's
    // subject, after [0] version (absent in a v1 certificate), serial, signature, issuer, validity.
    const tbs = children(cert, children(cert, readTlv(cert, 0))[0]!);
    const at = tbs[0]!.tag === 0xa0 ? 5 : 4;
    expect(nameToString(cert.subarray(tbs[at - 1]!.next, tbs[at]!.end))).toBe('C=DE, O=Bücher GmbH, OU=IT, CN=Ünïcode CA');
  });

  it('splits a SAN list', () => {
    expect(splitSan('DNS:a.test, IP Address:192.0.2.1')).toEqual(['DNS:a.test', 'IP Address:192.0.2.1']);
    expect(splitSan(undefined)).toEqual([]);
  });

  it('refuses what is not DER', () => {
    expect(() => certDetails(new Uint8Array([0x30, 0x82, 0xff]))).toThrow(DerError);
    expect(() => nameToString(new Uint8Array([0x31, 0x00]))).toThrow(DerError);
    expect(() => ocspSummary(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]))).toThrow(DerError);
  });
});

describe('OCSP responses', () => {
  it('a revoked certificate', () => {
    const s = ocspSummary(fs.readFileSync(f('revoked.der')));
    expect(s).toMatchObject({ responseStatus: 'successful', certStatus: 'revoked' });
    expect(s.revokedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(s.nextUpdate!) - Date.parse(s.thisUpdate!)).toBe(2 * 86_400_000);
  });

  it('a response without a status (tryLater)', () => {
    expect(ocspSummary(new Uint8Array([0x30, 0x03, 0x0a, 0x01, 0x03]))).toEqual({ responseStatus: 'tryLater' });
  });
});

// A tiny DER and TLS writer for hand-made server flights.
const tlv = (tag: number, ...parts: Uint8Array[]): Uint8Array => {
  const body = Buffer.concat(parts);
  const len = body.length < 128 ? [body.length] : body.length < 256 ? [0x81, body.length] : [0x82, body.length >> 8, body.length & 255];
  return Buffer.concat([Buffer.from([tag, ...len]), body]);
};
const dn = (...attrs: [string, string][]) =>
  tlv(0x30, ...attrs.map(([o, v]) => tlv(0x31, tlv(0x30, tlv(0x06, Buffer.from(o === 'CN' ? [0x55, 0x04, 0x03] : [0x55, 0x04, 0x0a])), tlv(0x0c, Buffer.from(v))))));
const u = (n: number, bytes: number) => Buffer.from(Array.from({ length: bytes }, (_, i) => (n >> (8 * (bytes - 1 - i))) & 255));
const msg = (type: number, body: Uint8Array) => Buffer.concat([Buffer.from([type]), u(body.length, 3), body]);
const record = (type: number, body: Uint8Array, version = 0x0303) => Buffer.concat([Buffer.from([type]), u(version, 2), u(body.length, 2), body]);
const serverHello = (version: number) => msg(2, Buffer.concat([u(version, 2), Buffer.alloc(32), Buffer.from([0]), u(0xc02f, 2), Buffer.from([0])]));
const certificate = (ders: Uint8Array[]) => {
  const list = Buffer.concat(ders.map((d) => Buffer.concat([u(d.length, 3), d])));
  return msg(11, Buffer.concat([u(list.length, 3), list]));
};
const certRequest = (names: Uint8Array[], sigalgs: boolean) => {
  const cas = Buffer.concat(names.map((n) => Buffer.concat([u(n.length, 2), n])));
  return msg(13, Buffer.concat([Buffer.from([2, 1, 64]), sigalgs ? Buffer.concat([u(4, 2), u(0x0401, 2), u(0x0403, 2)]) : Buffer.alloc(0), u(cas.length, 2), cas]));
};

describe('the server flight of a TLS ≤ 1.2 handshake', () => {
  it('the chain in the order sent, and the CA names of a certificate request', () => {
    const a = der('leaf.pem');
    const b = der('ca.pem');
    const flight = Buffer.concat([serverHello(0x0303), certificate([a, b]), certRequest([dn(['O', 'Parse Test'], ['CN', 'Client CA']), dn(['CN', 'Other CA'])], true), msg(14, Buffer.alloc(0))]);
    // Split across records at awkward places, as servers do with large chains.
    const r = parseServerFlight(Buffer.concat([record(22, flight.subarray(0, 50)), record(22, flight.subarray(50, 51)), record(22, flight.subarray(51))]));
    expect(r.version).toBe(0x0303);
    expect(r.certificates!.map((c) => Buffer.from(c).equals(Buffer.from(a)) || Buffer.from(c).equals(Buffer.from(b)))).toEqual([true, true]);
    expect(Buffer.from(r.certificates![0]!).equals(Buffer.from(a))).toBe(true);
    expect(r.certificateRequest).toEqual({ types: [1, 64], caNames: ['O=Parse Test, CN=Client CA', 'CN=Other CA'] });
  });

  it('TLS 1.0/1.1 certificate requests carry no signature algorithms', () => {
    const r = parseServerFlight(record(22, Buffer.concat([serverHello(0x0301), certRequest([dn(['CN', 'Old CA'])], false)]), 0x0301));
    expect(r.certificateRequest?.caNames).toEqual(['CN=Old CA']);
  });

  it('an empty CA list', () => {
    const r = parseServerFlight(record(22, Buffer.concat([serverHello(0x0303), certRequest([], true)])));
    expect(r.certificateRequest).toEqual({ types: [1, 64], caNames: [] });
  });

  it('stops at ChangeCipherSpec (encrypted after it) and at a cut-short capture', () => {
    const flight = Buffer.concat([record(22, serverHello(0x0303)), record(20, Buffer.from([1])), record(22, certificate([der('leaf.pem')]))]);
    expect(parseServerFlight(flight).certificates).toBeUndefined();
    const whole = record(22, Buffer.concat([serverHello(0x0303), certificate([der('leaf.pem')])]));
    expect(parseServerFlight(whole.subarray(0, whole.length - 10)).certificates).toBeUndefined();
    expect(parseServerFlight(whole).certificates).toHaveLength(1);
  });

  it('an alert in clear', () => {
    expect(parseServerFlight(record(21, Buffer.from([2, 70]))).alert).toEqual([2, 70]);
  });

  it('bytes that are not TLS: a plain HTTP answer', () => {
    expect(parseServerFlight(Buffer.from('HTTP/1.1 400 Bad Request\r\nServer: Apache\r\n\r\n'))).toEqual({ notTls: 'HTTP/1.1 400 Bad Request' });
    expect(parseServerFlight(Buffer.from('SSH-2.0-OpenSSH_9.2\r\n'))).toEqual({ notTls: 'SSH-2.0-OpenSSH_9.2' });
    expect(parseServerFlight(Buffer.alloc(0))).toEqual({});
  });
});
