import { describe, expect, it } from 'vitest';
import { adaptCommand } from './adapt';
import { SYSTEMS } from './systems';

const sys = (id: string) => SYSTEMS.find((s) => s.id === id)!;
const LOGS = '/var/log/apache2/*error.log /var/log/httpd/*error_log';

describe('a help command told in the chosen system', () => {
  it('names its error log and its control command', () => {
    expect(adaptCommand(`tail -f ${LOGS}`, sys('rhel-9'))).toBe('tail -f /var/log/httpd/ssl_error_log');
    expect(adaptCommand(`tail -f ${LOGS}`, sys('debian-12'))).toBe('tail -f /var/log/apache2/error.log');
    expect(adaptCommand('apachectl -S', sys('debian-12'))).toBe('apache2ctl -S');
    expect(adaptCommand('apachectl -t -D DUMP_VHOSTS', sys('docker-httpd'))).toBe('docker exec CONTAINER httpd -t -D DUMP_VHOSTS');
  });
  it('leaves alone what it cannot say better', () => {
    // FreeBSD's "service apache24 configtest" takes no httpd flags; Docker's log is no file.
    expect(adaptCommand('apachectl -S', sys('freebsd'))).toBe('apachectl -S');
    expect(adaptCommand(`tail -f ${LOGS}`, sys('docker-httpd'))).toBe(`tail -f ${LOGS}`);
  });
});
