import { describe, expect, it } from 'vitest';
import { formatTarget, isHostName, parseTarget } from './target';

describe('parseTarget', () => {
  it.each([
    ['www.example.com', { host: 'www.example.com', port: 443, ip: false }],
    ['www.example.com:8443', { host: 'www.example.com', port: 8443, ip: false }],
    ['localhost', { host: 'localhost', port: 443, ip: false }],
    ['xn--bcher-kva.example:443', { host: 'xn--bcher-kva.example', port: 443, ip: false }],
    ['www.example.com.', { host: 'www.example.com.', port: 443, ip: false }],
    ['192.0.2.1', { host: '192.0.2.1', port: 443, ip: true }],
    ['192.0.2.1:8443', { host: '192.0.2.1', port: 8443, ip: true }],
    ['[2001:db8::1]', { host: '2001:db8::1', port: 443, ip: true }],
    ['[::1]:8443', { host: '::1', port: 8443, ip: true }],
    ['  www.example.com  ', { host: 'www.example.com', port: 443, ip: false }],
  ])('%s', (input, want) => {
    expect(parseTarget(input)).toEqual(want);
  });

  it.each([
    ['', /No target/],
    ['https://www.example.com/path', /not a URL: for https:\/\/www\.example\.com\/path write www\.example\.com$/],
    ['www.example.com/path', /Not a host/],
    ['user@www.example.com', /Not a host/],
    ['www.example.com:0', /Not a port: "0"/],
    ['www.example.com:65536', /Not a port/],
    ['www.example.com:https', /Not a port: "https"/],
    ['www.example.com:', /Not a port: ""/],
    ['2001:db8::1', /in brackets, with the port after them: \[2001:db8::1\]:443/],
    ['[2001:db8::1', /Not an IPv6 address in brackets/],
    ['[www.example.com]:443', /Not an IPv6 address in brackets/],
    ['256.1.1.1', /Not an IPv4 address/],
    ['1.2.3', /Not an IPv4 address/],
    ['-bad.example.com', /Not a host name/],
    ['bad_.example..com', /Not a host name/],
    ['a b', /Not a host/],
    [`${'a'.repeat(64)}.example`, /Not a host name/],
  ])('refuses %j', (input, message) => {
    const r = parseTarget(input);
    expect(r).toHaveProperty('error');
    expect((r as { error: string }).error).toMatch(message);
  });

  it('formats back with brackets for IPv6', () => {
    expect(formatTarget({ host: '::1', port: 443 })).toBe('[::1]:443');
    expect(formatTarget({ host: 'www.example.com', port: 8443 })).toBe('www.example.com:8443');
  });

  it('host names', () => {
    expect(isHostName('www.example.com')).toBe(true);
    expect(isHostName('127.0.0.1')).toBe(false);
    expect(isHostName('a'.repeat(63))).toBe(true);
    expect(isHostName(`${'a.'.repeat(127)}ab`)).toBe(false); // 256 characters
  });
});
