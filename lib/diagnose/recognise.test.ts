import { line as fixtureLine } from './__fixtures__/lines';
import { describe, expect, it } from 'vitest';
import { recogniseLine } from './recognise';
import { connectionOf, parseLogLine, sslLibraryHint } from './logline';
import { decode3x, decodeBare, describe as describeCode } from './openssl';
import type { Token, TokenKind } from './types';

// Every line below is shaped the way the program in question really prints it: httpd 2.4's
// default ErrorLogFormat, httpd 2.2's, OpenSSL's ERR_error_string / ERR_print_errors, the
// browsers' error pages and the clients' messages. Decodings come from the OpenSSL packing
// rules (1.x: lib<<24 | func<<12 | reason; 3.x: lib<<23 | flags | reason).

const tokens = (line: string): Token[] => recogniseLine(line, 1);
const ofKind = (line: string, kind: TokenKind): Token[] => tokens(line).filter((t) => t.kind === kind);
/** The single token of that kind in the line (fails the test if there is not exactly one). */
function only(line: string, kind: TokenKind): Token {
  const found = ofKind(line, kind);
  expect(found, `${kind} tokens in: ${line}`).toHaveLength(1);
  return found[0]!;
}
/** Offsets must point at the pasted text, so the page can highlight the right characters. */
function expectSpan(line: string, t: Token, text: string) {
  expect(line.slice(t.start, t.end)).toContain(text);
  expect(t.start).toBe(line.indexOf(line.slice(t.start, t.end)));
}

describe('Apache httpd error_log lines: AH codes, 2.4 and 2.2 formats', () => {
  const AH02261 =
    '[Mon Nov 23 10:15:30.492266 2026] [ssl:error] [pid 4242:tid 139871202] [client 192.0.2.10:50112] AH02261: Re-negotiation handshake failed, referer: https://app.example.org/';
  const DEBUG_WITH_SOURCE =
    '[Mon Nov 23 10:15:30.298608 2026] [ssl:debug] [pid 4242:tid 139871202] ssl_engine_kernel.c(570): [client 192.0.2.10:50112] AH02255: Changed client verification type will force renegotiation, referer: https://app.example.org/';
  const WITH_APR_STATUS =
    fixtureLine('apr-status');
  const STARTUP_NO_TID =
    '[Mon Nov 23 02:14:07.312118 2026] [ssl:emerg] [pid 2231] AH02565: Certificate and private key www.example.com:443:0 from /etc/pki/tls/certs/www.crt and /etc/pki/tls/private/www.key do not match';
  // AH02182 is reserved for examples: no httpd release logs it.
  const MADE_UP =
    '[Tue Mar 05 10:00:00.123456 2024] [ssl:warn] [pid 1234:tid 140000000000001] [client 203.0.113.5:51234] AH02182: an example message';
  const V22 = '[Mon Jan 12 10:00:00 2009] [error] [client 192.0.2.1] Re-negotiation handshake failed: Not accepted by client!?';
  const V22_NO_CLIENT =
    "[Mon Jan 12 10:00:00 2009] [warn] RSA server certificate CommonName (CN) `localhost' does NOT match server name!?";

  it('finds the AH code of a 2.4 line, with offsets pointing at it', () => {
    const t = only(AH02261, 'ah-code');
    expect(t.value).toBe('AH02261');
    expect(AH02261.slice(t.start, t.end)).toBe('AH02261');
    expect(t.line).toBe(1);
  });

  it('finds a code it has never heard of (AH02182) just the same', () => {
    const t = only(MADE_UP, 'ah-code');
    expect(t.value).toBe('AH02182');
    expect(MADE_UP.slice(t.start, t.end)).toBe('AH02182');
  });

  it('does not take a longer number or a word ending in AH for a code', () => {
    expect(ofKind('request id AH022611 was retried', 'ah-code')).toEqual([]);
    expect(ofKind('BLAH02261 is not a code', 'ah-code')).toEqual([]);
  });

  it('parses time, module, level, pid, tid, client, code and message of a 2.4 line', () => {
    expect(parseLogLine(AH02261, 7)).toMatchObject({
      line: 7,
      format: '2.4',
      time: 'Mon Nov 23 10:15:30.492266 2026',
      module: 'ssl',
      level: 'error',
      pid: '4242',
      tid: '139871202',
      client: '192.0.2.10:50112',
      code: 'AH02261',
      message: 'Re-negotiation handshake failed, referer: https://app.example.org/',
    });
  });

  it('parses the source file(line) that debug lines carry', () => {
    const l = parseLogLine(DEBUG_WITH_SOURCE, 1)!;
    expect(l.source).toBe('ssl_engine_kernel.c(570)');
    expect(l.level).toBe('debug');
    expect(l.code).toBe('AH02255');
    expect(l.client).toBe('192.0.2.10:50112');
    expect(l.message).toBe('Changed client verification type will force renegotiation, referer: https://app.example.org/');
  });

  it('keeps code and client when an APR status "(70014)End of file found:" stands before the client', () => {
    const l = parseLogLine(WITH_APR_STATUS, 1)!;
    expect(l.source).toBe('ssl_engine_io.c(1212)');
    expect(l.client).toBe('192.0.2.10:50112');
    expect(l.code).toBe('AH02007');
    expect(l.message).toBe(fixtureLine('ah02007-message'));
  });

  it('parses a startup line with a pid and no tid, and groups it by that pid', () => {
    const l = parseLogLine(STARTUP_NO_TID, 1)!;
    expect(l).toMatchObject({ format: '2.4', module: 'ssl', level: 'emerg', pid: '2231', code: 'AH02565' });
    expect(l.tid).toBeUndefined();
    expect(l.client).toBeUndefined();
    expect(connectionOf(l)).toBe('pid 2231');
  });

  it('groups 2.4 lines by pid:tid, so interleaved threads stay apart', () => {
    expect(connectionOf(parseLogLine(AH02261, 1)!)).toBe('pid 4242:tid 139871202');
  });

  it('recognises the 2.2 format (no module, no pid, no AH code) and groups it by client', () => {
    const l = parseLogLine(V22, 3)!;
    expect(l).toMatchObject({
      line: 3,
      format: '2.2',
      time: 'Mon Jan 12 10:00:00 2009',
      level: 'error',
      client: '192.0.2.1',
      message: 'Re-negotiation handshake failed: Not accepted by client!?',
    });
    expect(l.module).toBeUndefined();
    expect(l.pid).toBeUndefined();
    expect(l.code).toBeUndefined();
    expect(connectionOf(l)).toBe('client 192.0.2.1');
    expect(ofKind(V22, 'ah-code')).toEqual([]);
  });

  it('parses a 2.2 server line without a client', () => {
    const l = parseLogLine(V22_NO_CLIENT, 1)!;
    expect(l.format).toBe('2.2');
    expect(l.level).toBe('warn');
    expect(l.client).toBeUndefined();
    expect(l.message).toMatch(/^RSA server certificate CommonName/);
    expect(connectionOf(l)).toBe('server');
  });

  it('does not take an access-log line or prose for an error_log line', () => {
    expect(parseLogLine('192.0.2.1 - - [05/Mar/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 5120 "-" "curl/8.5.0"', 1)).toBeUndefined();
    expect(parseLogLine('[citation needed] the server failed', 1)).toBeUndefined();
  });

  describe('SSL Library Error lines', () => {
    const V24_HINT =
      '[Tue Mar 05 10:00:00.123456 2024] [ssl:info] [pid 1234:tid 140000000000001] [client 203.0.113.5:51234] SSL Library Error: error:140760FC:SSL routines:SSL23_GET_CLIENT_HELLO:unknown protocol -- speaking not SSL to HTTPS port!?';
    const V24_DATA_AND_HINT =
      '[Tue Sep 04 06:28:27.373327 2018] [ssl:emerg] [pid 62370] SSL Library Error: error:0906D06C:PEM routines:PEM_read_bio:no start line (Expecting: CERTIFICATE) -- Bad file contents or format - or even just a forgotten SSLCertificateKeyFile?';
    const V24_ALERT_DATA =
      '[Tue Mar 05 10:00:00.123456 2024] [ssl:info] [pid 1234:tid 140000000000001] [client 203.0.113.5:51234] SSL Library Error: error:14094418:SSL routines:ssl3_read_bytes:tlsv1 alert unknown ca (SSL alert number 48)';
    // httpd 2.2: "SSL Library Error: %lu %s %s" (decimal code, error string, annotation)
    const V22_SPEAKING =
      '[Mon Jan 12 10:00:00 2009] [error] [client 192.0.2.1] SSL Library Error: 336027900 error:140760FC:SSL routines:SSL23_GET_CLIENT_HELLO:unknown protocol speaking not SSL to HTTPS port!?';
    const V22_NO_START_LINE =
      '[Mon Jan 12 10:00:00 2009] [error] SSL Library Error: 151441516 error:0906D06C:PEM routines:PEM_read_bio:no start line Bad file contents or format - or even just a forgotten SSLCertificateKeyFile?';

    it('reads the 2.4 " -- hint" suffix', () => {
      expect(sslLibraryHint(parseLogLine(V24_HINT, 1)!.message)).toBe('speaking not SSL to HTTPS port!?');
      expect(sslLibraryHint(parseLogLine(V24_DATA_AND_HINT, 1)!.message)).toBe(
        'Bad file contents or format - or even just a forgotten SSLCertificateKeyFile?',
      );
    });

    it('reads the hint 2.2 appends after the error string', () => {
      const l = parseLogLine(V22_SPEAKING, 1)!;
      expect(l.format).toBe('2.2');
      expect(sslLibraryHint(l.message)).toBe('speaking not SSL to HTTPS port!?');
    });

    it('has no hint for lines without one, or for other messages', () => {
      expect(sslLibraryHint('SSL Library Error: error:140AD009:SSL routines:SSL_CTX_use_certificate_file:PEM lib')).toBeUndefined();
      expect(sslLibraryHint('AH02261: Re-negotiation handshake failed -- whatever')).toBeUndefined();
    });

    // Regression (was a bug): sslLibraryHint only knows 2.2 hints that start with speaking/probably/maybe/perhaps.
    // mod_ssl 2.2's annotation table also appends "Bad file contents or format - or even just a
    // forgotten SSLCertificateKeyFile?", "You entered an incorrect pass phrase!?", "Too restrictive
    // SSLCipherSuite or using DSA server certificate?", "Subject CN in certificate not server
    // name or identical to CA!?"... none of which is returned.
    it('reads every 2.2 hint, e.g. the "no start line" one', () => {
      expect(sslLibraryHint(parseLogLine(V22_NO_START_LINE, 1)!.message)).toBe(
        'Bad file contents or format - or even just a forgotten SSLCertificateKeyFile?',
      );
    });

    it('decodes the 2.2 line and keeps the printed reason without the hint', () => {
      const t = only(V22_SPEAKING, 'openssl-error');
      expect(t.value).toBe('error:140760FC');
      expect(t.keys).toEqual(['140760FC', 'unknown protocol', 'SSL23_GET_CLIENT_HELLO']);
    });

    // Regression (was a bug): the reason text of the openssl-error token keeps the "--" of mod_ssl 2.4's
    // " -- hint" suffix: the key is "unknown protocol --", so it never equals the knowledge
    // base's "unknown protocol" and the note prints a wrong reason.
    it('keeps the printed reason without the 2.4 " -- hint" suffix', () => {
      expect(only(V24_HINT, 'openssl-error').keys).toContain('unknown protocol');
    });

    // Regression (was a bug): the data mod_ssl 2.4 prints in parentheses after the reason ("(SSL alert number 48)",
    // "(Expecting: CERTIFICATE)") is glued into the reason key, and because the openssl-error
    // match covers it, the "SSL alert number 48" tls-alert token is dropped as overlapping.
    it('separates the reason from the "(SSL alert number N)" data and still reports the alert', () => {
      const t = only(V24_ALERT_DATA, 'openssl-error');
      expect(t.keys).toContain('tlsv1 alert unknown ca');
      expect(ofKind(V24_ALERT_DATA, 'tls-alert').map((a) => a.value)).toContain('alert 48');
    });
  });
});

describe('OpenSSL error strings in their three generations', () => {
  const V10 =
    '[Mon Jan 12 10:00:00 2009] [error] [client 192.0.2.1] SSL Library Error: 336027900 error:140760FC:SSL routines:SSL23_GET_CLIENT_HELLO:unknown protocol';
  const V11 = '139770473268544:error:1408F10B:SSL routines:ssl3_get_record:wrong version number:../ssl/record/ssl3_record.c:332:';
  const V3 =
    '[Tue Mar 05 10:00:00.123456 2024] [ssl:info] [pid 1234:tid 140000000000001] SSL Library Error: error:0A00010B:SSL routines::wrong version number';

  it('1.0.x: error:140760FC:SSL routines:SSL23_GET_CLIENT_HELLO:unknown protocol', () => {
    const t = only(V10, 'openssl-error');
    expect(t.value).toBe('error:140760FC');
    expect(t.keys).toEqual(['140760FC', 'unknown protocol', 'SSL23_GET_CLIENT_HELLO']);
    // lib 0x14 = 20, func 0x076 = 118, reason 0x0FC = 252 (SSL_R_UNKNOWN_PROTOCOL)
    expect(t.note).toMatch(/^OpenSSL 1\.0\.x: SSL routines \(20\), function 118, reason 252\b/);
    expectSpan(V10, t, 'error:140760FC');
  });

  it('1.1.x: error:1408F10B:SSL routines:ssl3_get_record:wrong version number (ERR_print_errors form)', () => {
    const t = only(V11, 'openssl-error');
    expect(t.value).toBe('error:1408F10B');
    expect(t.keys).toEqual(['1408F10B', 'wrong version number', 'ssl3_get_record']);
    // func 0x08F = 143 (ssl3_get_record), reason 0x10B = 267 (SSL_R_WRONG_VERSION_NUMBER)
    expect(t.note).toMatch(/^OpenSSL 1\.0\.2\/1\.1\.x: SSL routines \(20\), function 143, reason 267\b/);
  });

  it('3.x: error:0A00010B:SSL routines::wrong version number has no function', () => {
    const t = only(V3, 'openssl-error');
    expect(t.value).toBe('error:0A00010B');
    expect(t.keys).toEqual(['0A00010B', 'wrong version number']);
    // 0x0A00010B >> 23 = 20, reason & 0x7FFFFF = 0x10B = 267
    expect(t.note).toMatch(/^OpenSSL 3\.x: SSL routines \(20\), reason 267\b/);
    expect(t.note).not.toMatch(/function/);
  });

  it('upper-cases a lower-case hex code, so one code has one value', () => {
    expect(only('error:0a00010b:SSL routines::wrong version number', 'openssl-error').value).toBe('error:0A00010B');
  });

  it('14094410: reason 1040 is TLS alert 40, and the attached "SSL alert number 40" is a token too', () => {
    const line =
      '140736120526784:error:14094410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure:ssl/record/rec_layer_s3.c:1544:SSL alert number 40';
    const t = only(line, 'openssl-error');
    expect(t.keys).toEqual(['14094410', 'sslv3 alert handshake failure', 'ssl3_read_bytes']);
    expect(t.note).toMatch(/SSL routines \(20\), function 148, reason 1040 = TLS alert 40 handshake_failure/);
    expect(only(line, 'tls-alert').value).toBe('alert 40');
  });

  it('0A000410: the same alert in the 3.x packing, with the 3.6 "ssl/tls alert" text', () => {
    const t = only('error:0A000410:SSL routines::ssl/tls alert handshake failure', 'openssl-error');
    expect(t.keys).toEqual(['0A000410', 'ssl/tls alert handshake failure']);
    expect(t.note).toMatch(/^OpenSSL 3\.x: SSL routines \(20\), reason 1040 = TLS alert 40 handshake_failure/);
  });

  it('80000002: the 3.x system flag means library 2 and errno 2', () => {
    const t = only('error:80000002:system library::No such file or directory', 'openssl-error');
    expect(t.keys).toEqual(['80000002', 'No such file or directory']);
    expect(t.note).toMatch(/^OpenSSL 3\.x: system library \(2\), reason 2\b/);
    expect(decode3x(0x80000002)).toMatchObject({ generation: '3.x', lib: 2, reason: 2 });
  });

  it('0A0C0100: library 20 with the fatal flag set', () => {
    const d = decode3x(0x0a0c0100);
    expect(d.lib).toBe(20);
    expect(d.fatal).toBe(true);
    expect(decode3x(0x0a00010b).fatal).toBe(false);
  });

  // Regression (was a bug): decode3x drops the ERR_RFLAG_COMMON bit (0x2 << 18). 0A0C0100 is SSL + fatal + common
  // reason 256 = ERR_R_MALLOC_FAILURE "malloc failure" (ERR_GET_REASON = 0xC0100 = 786688), but
  // the decoding reads "SSL routines (20), reason 256", and SSL's own reason 256 is
  // SSL_R_MISSING_FATAL "missing fatal": the note names the wrong reason.
  it('0A0C0100 decodes as a COMMON reason (malloc failure), not SSL reason 256', () => {
    const d = decode3x(0x0a0c0100);
    const text = describeCode(d);
    expect(d.reason === 0xc0100 || /common/i.test(text)).toBe(true);
  });

  it('decodeBare gives both readings, the one whose library exists first, and they differ', () => {
    const [first, second] = decodeBare('14094410');
    expect(first).toMatchObject({ generation: '1.x', lib: 20, libName: 'SSL routines', func: 148, reason: 1040, alert: 40 });
    expect(second).toMatchObject({ generation: '3.x', lib: 40 });
    expect(second!.libName).toBeUndefined();

    const [a, b] = decodeBare('0A000410');
    expect(a).toMatchObject({ generation: '3.x', lib: 20, libName: 'SSL routines', reason: 1040, alert: 40 });
    expect(b).toMatchObject({ generation: '1.x', lib: 10 });
    expect(describeCode(a!)).not.toBe(describeCode(b!));

    expect(decodeBare('80000002')[0]).toMatchObject({ generation: '3.x', lib: 2, libName: 'system library', reason: 2 });
  });

  it('a bare packed code in a message gets a note with both readings', () => {
    const line = 'SSL handshake with www.example.com failed, error code 0x1408F10B';
    const t = only(line, 'openssl-error');
    expect(t.value).toBe('error:1408F10B');
    expect(t.keys).toEqual(['1408F10B']);
    const [r1, r2] = decodeBare('1408F10B');
    expect(r1).toMatchObject({ generation: '1.x', lib: 20, func: 143, reason: 267 });
    expect(t.note).toBe(`bare code, ${describeCode(r1!)} | or | ${describeCode(r2!)}`);
  });

  // Regression (was a bug): a bare code made only of decimal digits is skipped as "a plain decimal number" even
  // when it is written 0x14094410, which can only be hex. 14094410 (alert 40) and 14090086
  // (certificate verify failed) are among the most pasted codes and have no letter in them.
  it('a 0x-prefixed code without hex letters (0x14094410) is still a packed code', () => {
    const t = only('SSL handshake with www.example.com failed, error code 0x14094410', 'openssl-error');
    expect(t.value).toBe('error:14094410');
  });

  it('does not read a plain decimal number after "error" as a packed code', () => {
    expect(ofKind('SSL Library Error: 336027900 happened', 'openssl-error')).toEqual([]);
  });

  it('140760EB ... unknown protocol (an inconsistent paste): trusts the printed text', () => {
    // 140760EB is reason 235 (tried to use unsupported cipher); the familiar "unknown protocol"
    // is 140760FC. The words are what the user saw, so they stay a lookup key.
    const t = only(fixtureLine('openssl-140760eb'), 'openssl-error');
    expect(t.keys).toContain('unknown protocol');
    expect(t.keys).toContain('SSL23_GET_CLIENT_HELLO');
    expect(t.note).toMatch(/reason 235\b/);
    expect(t.note).toContain('printed reason: "unknown protocol"');
  });

  it('SSL23_GET_CLIENT_HELLO:unknown protocol pasted without the error: prefix is a function token', () => {
    const t = only('SSL23_GET_CLIENT_HELLO:unknown protocol', 'openssl-function');
    expect(t.value).toBe('SSL23_GET_CLIENT_HELLO');
    expect(t.keys).toEqual(['unknown protocol']);
  });

  // Regression (was a bug): OpenSSL 3.x ERR_print_errors (openssl s_client, Node 18+, curl verbose) fills the
  // function field with the C function name ("ssl3_get_record") although the code uses the 3.x
  // packing. generationOfShape calls that 1.1.x and decode1x reads 0A00010B as "library 10",
  // which does not exist. The printed library "SSL routines" (20) fits only the 3.x reading.
  it('3.x ERR_print_errors output with a function name still decodes as 3.x, library 20', () => {
    const line =
      'Error: write EPROTO 40E7B5F7A27F0000:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:355:';
    const t = only(line, 'openssl-error');
    expect(t.note).toMatch(/^OpenSSL 3\.x: SSL routines \(20\), reason 267\b/);
  });
});

describe('TLS alerts', () => {
  it('"SSL alert number 40" decodes to handshake_failure', () => {
    const line = '140735207908296:error:14094410:SSL routines:SSL3_READ_BYTES:sslv3 alert handshake failure:s3_pkt.c:1472:SSL alert number 40';
    const t = only(line, 'tls-alert');
    expect(t.value).toBe('alert 40');
    expect(t.keys).toEqual(['handshake_failure', 'handshake failure']);
    expect(t.note).toBe('TLS alert 40: handshake_failure');
    expect(line.slice(t.start, t.end)).toBe('SSL alert number 40');
  });

  it('"SSL alert number 48" decodes to unknown_ca, 112 to unrecognized_name', () => {
    expect(only('4047B5F7A27F0000:error:0A000418:SSL routines:ssl3_read_bytes:tlsv1 alert unknown ca:../ssl/record/rec_layer_s3.c:1605:SSL alert number 48', 'tls-alert').keys).toContain('unknown ca');
    expect(only('ssl3_read_bytes:tlsv1 unrecognized name:ssl/record/rec_layer_s3.c:1543:SSL alert number 112', 'tls-alert').keys).toContain('unrecognized name');
  });

  it('"sslv3 alert handshake failure" (Python, OpenSSL 1.1.1)', () => {
    const line = 'ssl.SSLError: [SSL: SSLV3_ALERT_HANDSHAKE_FAILURE] sslv3 alert handshake failure (_ssl.c:1129)';
    const t = only(line, 'tls-alert');
    expect(t.value).toBe('sslv3 alert handshake failure');
    expect(t.keys).toEqual(['handshake failure']);
    expect(only(line, 'openssl-reason').value).toBe('sslv3 alert handshake failure');
  });

  it('"tlsv1 alert unknown ca" (Python)', () => {
    const t = only('ssl.SSLError: [SSL: TLSV1_ALERT_UNKNOWN_CA] tlsv1 alert unknown ca (_ssl.c:1006)', 'tls-alert');
    expect(t.value).toBe('tlsv1 alert unknown ca');
    expect(t.keys).toEqual(['unknown ca']);
  });

  it('"ssl/tls alert handshake failure" (OpenSSL 3.6 text)', () => {
    const t = only('ssl.SSLError: [SSL: SSLV3_ALERT_HANDSHAKE_FAILURE] ssl/tls alert handshake failure (_ssl.c:1010)', 'tls-alert');
    expect(t.value).toBe('ssl/tls alert handshake failure');
    expect(t.keys).toEqual(['handshake failure']);
  });
});

describe('X509 verification errors', () => {
  it('openssl s_client "verify error:num=20:..."', () => {
    const t = only('verify error:num=20:unable to get local issuer certificate', 'verify-error');
    expect(t.value).toBe('unable to get local issuer certificate');
    expect(t.keys).toEqual(['verify 20']);
  });

  it('openssl s_client "Verify return code: 21 (...)"', () => {
    const t = only('    Verify return code: 21 (unable to verify the first certificate)', 'verify-error');
    expect(t.value).toBe('unable to verify the first certificate');
    expect(t.keys).toEqual(['verify 21']);
  });

  it('mod_ssl "Certificate Verification: Error (20): ..." beside its AH code', () => {
    const line =
      '[Wed Oct 11 14:32:52.123456 2023] [ssl:info] [pid 4711:tid 140100000000001] [client 198.51.100.7:40112] AH02039: Certificate Verification: Error (20): unable to get local issuer certificate';
    expect(tokens(line).map((t) => [t.kind, t.value])).toEqual([
      ['ah-code', 'AH02039'],
      ['verify-error', 'unable to get local issuer certificate'],
    ]);
    expect(only(line, 'verify-error').keys).toEqual(['verify 20']);
  });

  it('"Verify return code: 0 (ok)" is success and produces nothing', () => {
    expect(tokens('    Verify return code: 0 (ok)')).toEqual([]);
    expect(tokens('verify error:num=0:ok')).toEqual([]);
  });
});

describe('Browser errors', () => {
  it.each([
    ['Chrome console', 'GET https://www.example.com/api/accounts net::ERR_SSL_PROTOCOL_ERROR', 'ERR_SSL_PROTOCOL_ERROR'],
    ['Chrome interstitial', 'Your connection is not private  NET::ERR_CERT_AUTHORITY_INVALID', 'ERR_CERT_AUTHORITY_INVALID'],
    ['Chrome page', 'www.example.com uses an unsupported protocol. ERR_SSL_VERSION_OR_CIPHER_MISMATCH', 'ERR_SSL_VERSION_OR_CIPHER_MISMATCH'],
    ['Firefox', 'Error code: SSL_ERROR_RX_RECORD_TOO_LONG', 'SSL_ERROR_RX_RECORD_TOO_LONG'],
    ['Firefox', 'Error code: SEC_ERROR_UNKNOWN_ISSUER', 'SEC_ERROR_UNKNOWN_ISSUER'],
    ['Firefox', 'Error code: MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT', 'MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT'],
    ['Firefox', 'The connection to www.example.com was interrupted while the page was loading. Error code: PR_CONNECT_RESET_ERROR', 'PR_CONNECT_RESET_ERROR'],
    ['IE 11', fixtureLine('ie-0x4c7'), '0x4c7'],
    ['IE 11', 'SCRIPT7002: XMLHttpRequest: Network Error 0x2ef3, Could not complete the operation due to error 00002ef3.', '0x2ef3'],
    ['IE 11', 'SCRIPT7002: XMLHttpRequest: Network Error 0x2f7d, Could not complete the operation due to error 00002f7d.', '0x2f7d'],
    ['IE 11 upper-case', fixtureLine('ie-0x4c7').replace('0x4c7', '0x4C7'), '0x4c7'],
  ])('%s: %s', (_who, line, value) => {
    const t = only(line, 'browser-error');
    expect(t.value).toBe(value);
    expect(line.slice(t.start, t.end).toLowerCase()).toContain(value.toLowerCase());
    expect(tokens(line)).toHaveLength(1); // not counted twice by another family
  });

  it('WinINet 12157 (ERROR_INTERNET_SECURITY_CHANNEL_ERROR)', () => {
    const found = ofKind('Request failed: WinINet error 12157 (ERROR_INTERNET_SECURITY_CHANNEL_ERROR)', 'browser-error');
    expect(found.map((t) => t.value)).toEqual(['12157', 'ERROR_INTERNET_SECURITY_CHANNEL_ERROR']);
    expect(found[0]!.note).toBe('WinINet/WinHTTP error number');
  });

  it('a bare number without an error word is not a WinINet code', () => {
    expect(tokens('Content-Length: 12157')).toEqual([]);
  });
});

describe('Clients: curl, wget, openssl s_client, Java, Python, Node, Go, nginx, HAProxy', () => {
  it.each([
    ['35', 'curl: (35) Unknown SSL protocol error in connection to www.example.com:443 ', 'Unknown SSL protocol error in connection to www.example.com:443'],
    ['51', "curl: (51) SSL: no alternative certificate subject name matches target host name 'www.example.org'", "SSL: no alternative certificate subject name matches target host name 'www.example.org'"],
    ['56', 'curl: (56) OpenSSL SSL_read: Connection reset by peer, errno 104', 'OpenSSL SSL_read: Connection reset by peer, errno 104'],
    ['58', "curl: (58) unable to set private key file: 'client.key' type PEM", "unable to set private key file: 'client.key' type PEM"],
    ['60', 'curl: (60) SSL certificate problem: unable to get local issuer certificate', 'SSL certificate problem: unable to get local issuer certificate'],
  ])('curl exit code %s with its message', (code, line, message) => {
    const t = only(line, 'client-error');
    expect(t.value).toBe(`curl (${code})`);
    expect(t.keys).toEqual([message]);
  });

  // Regression (was a bug): when curl's message contains another recognised token (an OpenSSL error string,
  // OpenSSL's SSL_ERROR_SYSCALL, a schannel SEC_E_ code), the curl match overlaps it and is
  // dropped, so the exit code, the thing the user knows the failure by, is lost. (The
  // SSL_ERROR_SYSCALL here is also filed as a Firefox browser-error, which it is not.)
  it('curl (35) survives an OpenSSL detail in its message', () => {
    expect(ofKind('curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to www.example.com:443 ', 'client-error').map((t) => t.value)).toContain('curl (35)');
    expect(ofKind('curl: (35) error:0A000410:SSL routines::ssl/tls alert handshake failure', 'client-error').map((t) => t.value)).toContain('curl (35)');
  });

  it('wget "Unable to establish SSL connection."', () => {
    expect(only('Unable to establish SSL connection.', 'client-error').value).toBe('Unable to establish SSL connection');
  });

  it('openssl s_client: the handshake error, the verify error, and silence for the rest', () => {
    const session = [
      'CONNECTED(00000003)',
      'depth=0 CN = www.example.com',
      'verify error:num=20:unable to get local issuer certificate',
      '140736120526784:error:14094410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure:ssl/record/rec_layer_s3.c:1544:SSL alert number 40',
      '---',
      'no peer certificate available',
      '    Verify return code: 0 (ok)',
    ];
    const all = session.flatMap((l, i) => recogniseLine(l, i + 1));
    expect(all.map((t) => [t.line, t.kind, t.value])).toEqual([
      [3, 'verify-error', 'unable to get local issuer certificate'],
      [4, 'openssl-error', 'error:14094410'],
      [4, 'tls-alert', 'alert 40'],
    ]);
  });

  it('Java: SSLHandshakeException, PKIX path building failed', () => {
    const line =
      'javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target';
    expect(ofKind(line, 'client-error').map((t) => t.value)).toEqual([
      'javax.net.ssl.SSLHandshakeException',
      'PKIX path building failed',
      'unable to find valid certification path to requested target',
    ]);
  });

  it('Python: SSLCertVerificationError with [SSL: CERTIFICATE_VERIFY_FAILED]', () => {
    const line =
      'ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)';
    expect(only(line, 'client-error').value).toBe('ssl.SSLCertVerificationError');
    const r = only(line, 'openssl-reason');
    expect(r.value).toBe('certificate verify failed');
    expect(r.keys).toEqual(['CERTIFICATE_VERIFY_FAILED']);
  });

  it('Python: [SSL: WRONG_VERSION_NUMBER] reads as "wrong version number"', () => {
    const line = 'ssl.SSLError: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)';
    const r = only(line, 'openssl-reason');
    expect(r.value).toBe('wrong version number');
    expect(r.keys).toEqual(['WRONG_VERSION_NUMBER']);
    expect(line.slice(r.start, r.end)).toBe('[SSL: WRONG_VERSION_NUMBER]');
  });

  it('Node: UNABLE_TO_VERIFY_LEAF_SIGNATURE on the code line of the error', () => {
    const pasted = [
      'Error: unable to verify the first certificate',
      '    at TLSSocket.onConnectSecure (node:_tls_wrap:1674:34) {',
      "  code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'",
      '}',
    ];
    const all = pasted.flatMap((l, i) => recogniseLine(l, i + 1));
    expect(all.map((t) => [t.line, t.kind, t.value])).toEqual([[3, 'client-error', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE']]);
  });

  it('Node: ERR_TLS_CERT_ALTNAME_INVALID is a client error, not a Chrome one', () => {
    const t = only("Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: Host: www.example.org. is not in the cert's altnames: DNS:example.com", 'client-error');
    expect(t.value).toBe('ERR_TLS_CERT_ALTNAME_INVALID');
    expect(ofKind("Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match", 'browser-error')).toEqual([]);
  });

  it('Node (OpenSSL 1.1.1): EPROTO and the OpenSSL error behind it', () => {
    const line =
      'Error: write EPROTO 140244190234432:error:1408F10B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:332:';
    expect(tokens(line).map((t) => [t.kind, t.value])).toEqual([
      ['client-error', 'EPROTO'],
      ['openssl-error', 'error:1408F10B'],
    ]);
  });

  it('Go: x509 and tls errors keep their text', () => {
    expect(only('Get "https://www.example.com/": x509: certificate signed by unknown authority', 'client-error').value).toBe(
      'x509: certificate signed by unknown authority',
    );
    expect(only('Get "https://www.example.com:80/": tls: first record does not look like a TLS handshake', 'client-error').value).toBe(
      'tls: first record does not look like a TLS handshake',
    );
  });

  const NGINX =
    '2024/03/05 10:00:00 [crit] 1234#1234: *5 SSL_do_handshake() failed (SSL: error:0A00010B:SSL routines::wrong version number) while SSL handshaking to upstream, client: 192.0.2.1, server: _, request: "GET / HTTP/1.1", upstream: "https://10.0.0.1:443/", host: "www.example.com"';

  it('nginx: SSL_do_handshake() failed with the upstream OpenSSL error decoded', () => {
    expect(only(NGINX, 'client-error').value).toBe('SSL_do_handshake() failed');
    const t = only(NGINX, 'openssl-error');
    expect(t.value).toBe('error:0A00010B');
    expect(t.keys[0]).toBe('0A00010B');
    expect(t.note).toMatch(/^OpenSSL 3\.x: SSL routines \(20\), reason 267\b/);
  });

  // Regression (was a bug): the reason capture runs on to the next ":" so nginx's closing parenthesis and the rest
  // of its sentence become the reason: key and note say
  // "wrong version number) while SSL handshaking to upstream, client".
  it('nginx: the reason text stops at the closing parenthesis', () => {
    expect(only(NGINX, 'openssl-error').keys).toContain('wrong version number');
  });

  it('HAProxy: SSL handshake failure', () => {
    const line = 'Mar  5 10:00:00 lb haproxy[1234]: 192.0.2.1:51234 [05/Mar/2024:10:00:00.123] https-in/1: SSL handshake failure';
    expect(only(line, 'client-error').value).toBe('SSL handshake failure');
  });
});

describe('HTTP status pages', () => {
  it('421 Misdirected Request (httpd page title)', () => {
    const t = only('<title>421 Misdirected Request</title>', 'http-status');
    expect(t.value).toBe('421');
    expect(t.keys).toEqual(['421 Misdirected Request']);
  });

  it('400 Bad Request (httpd page title)', () => {
    const t = only('<title>400 Bad Request</title>', 'http-status');
    expect(t.value).toBe('400');
    expect(t.keys).toEqual(['400 Bad Request']);
  });

  it('a status number in an access-log line is not a status page', () => {
    expect(tokens('192.0.2.1 - - [05/Mar/2024:10:00:00 +0000] "GET / HTTP/1.1" 400 226 "-" "curl/8.5.0"')).toEqual([]);
  });
});

describe('Noise produces no tokens', () => {
  it.each([
    '192.0.2.1 - - [05/Mar/2024:10:00:00 +0000] "GET /index.html HTTP/1.1" 200 5120 "-" "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"',
    '198.51.100.7 - alice [05/Mar/2024:10:00:01 +0000] "POST /api/v2/accounts HTTP/1.1" 201 87 "https://app.example.org/" "Mozilla/5.0"',
    'We moved the site to a new server last week and since then some visitors cannot log in.',
    'Any idea what is going on? Thanks in advance!',
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(document.cookie)>',
    '',
    '    ',
  ])('%j', (line) => {
    expect(tokens(line)).toEqual([]);
  });
});

describe('Windows statuses and the words of other clients', () => {
  it('a Schannel status by hex is named, and by name carries its hex', () => {
    const curl = 'curl: (60) schannel: SEC_E_UNTRUSTED_ROOT (0x80090325) - The certificate chain was issued by an authority that is not trusted.';
    const byName = ofKind(curl, 'client-error').find((t) => t.value === 'SEC_E_UNTRUSTED_ROOT')!;
    expect(byName.keys).toEqual(['0x80090325']);
    const dotnet = ' ---> System.ComponentModel.Win32Exception (0x80090326): The message received was unexpected or badly formatted.';
    const t = only(dotnet, 'client-error');
    expect(t).toMatchObject({ value: 'SEC_E_ILLEGAL_MESSAGE', keys: ['0x80090326'] });
    expectSpan(dotnet, t, '0x80090326');
    expect(only('Unknown error (0x80092012) - The revocation function was unable to check revocation', 'client-error').value).toBe('CRYPT_E_NO_REVOCATION_CHECK');
    // A status this site does not decode is still a token, said to be unknown to it.
    expect(only('HRESULT 0x8009ffff', 'client-error')).toMatchObject({ value: '0x8009ffff', note: expect.stringMatching(/not one this site decodes/) });
  });

  it.each([
    ['Java', 'javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure', 'Received fatal alert: handshake_failure'],
    ['Java', 'javax.net.ssl.SSLHandshakeException: Remote host terminated the handshake', 'Remote host terminated the handshake'],
    ['Java', 'java.security.cert.CertificateException: No subject alternative DNS name matching www.example.com found.', 'No subject alternative DNS name matching www.example.com found'],
    ['Java', 'javax.net.ssl.SSLHandshakeException: The server selected protocol version TLS10 is not accepted by client preferences [TLS13, TLS12]', 'The server selected protocol version TLS10 is not accepted by client preferences'],
    ['Python', "ssl.SSLEOFError: [SSL: UNEXPECTED_EOF_WHILE_READING] EOF occurred in violation of protocol (_ssl.c:1006)", 'EOF occurred in violation of protocol'],
    ['Node', 'Error: Client network socket disconnected before secure TLS connection was established', 'Client network socket disconnected before secure TLS connection was established'],
    ['.NET', 'The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch', 'RemoteCertificateNameMismatch'],
    ['PHP', 'PHP Warning:  file_get_contents(): SSL operation failed with code 1. OpenSSL Error messages:', 'SSL operation failed with code 1'],
    ['Ruby', 'SSL_connect returned=1 errno=0 peeraddr=192.0.2.10:443 state=error: certificate verify failed (unable to get local issuer certificate) (OpenSSL::SSL::SSLError)', 'SSL_connect returned=1 errno=0'],
    ['wget', "ERROR: cannot verify www.example.com's certificate, issued by 'CN=Example Issuing CA,O=Example':", "cannot verify www.example.com's certificate"],
    ['Go', 'Get "https://www.example.com:8080/": http: server gave HTTP response to HTTPS client', 'http: server gave HTTP response to HTTPS client'],
  ])('%s: %s', (_who, text, phrase) => {
    const found = ofKind(text, 'client-error').map((t) => t.value);
    expect(found).toContain(phrase);
  });
});
