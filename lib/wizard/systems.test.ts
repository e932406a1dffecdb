import { describe, expect, it } from 'vitest';
import { checkSystems, SYSTEM_PROBLEMS, SYSTEMS } from './systems';

describe('the systems table (content/wizard/systems.json)', () => {
  it('is valid, with distributions of each layout and their versions', () => {
    expect(SYSTEM_PROBLEMS).toEqual([]);
    const ids = SYSTEMS.map((s) => s.id);
    for (const id of ['debian-12', 'ubuntu-24.04', 'rhel-9', 'docker-httpd', 'windows-apachelounge', 'source']) expect(ids).toContain(id);
    const debian = SYSTEMS.find((s) => s.id === 'debian-12')!;
    const rhel = SYSTEMS.find((s) => s.id === 'rhel-9')!;
    // The layouts differ where administrators trip: the file, the enabling step, the logs, the reload.
    expect(debian).toMatchObject({ httpd: '2.4.71', openssl: '3.0', reload: 'systemctl reload apache2', errorLog: '/var/log/apache2/error.log' });
    expect(rhel).toMatchObject({ sslConfig: '/etc/httpd/conf.d/ssl.conf', reload: 'systemctl reload httpd', sslErrorLog: '/var/log/httpd/ssl_error_log' });
    for (const s of SYSTEMS) expect(s.sources.length, s.id).toBeGreaterThan(0);
  });

  it('names the system and the field of each problem', () => {
    const good = SYSTEMS[0]!;
    const { problems } = checkSystems({ systems: [{ ...good, httpd: '2.4.99' }, { ...good, id: 'x1', sources: [] }, good, good] });
    expect(problems).toEqual([
      expect.stringMatching(/system "debian-11": httpd: a version the snippets know/),
      expect.stringMatching(/system "x1": sources: at least one source/),
      expect.stringMatching(/system "debian-11" listed twice/),
    ]);
    expect(checkSystems({ nope: 1 }).problems).toEqual([expect.stringMatching(/expected \{"systems"/)]);
  });
});
