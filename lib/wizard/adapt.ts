import type { SystemView } from './systems';

/**
 * A help command or place written for Debian-style paths, told in the chosen system's: its
 * error log and its control command.
 */
export function adaptCommand(text: string, sys: SystemView): string {
  const log = sys.sslErrorLog ?? sys.errorLog;
  // The tree names both families' logs (Debian's and RHEL's) where no system is chosen.
  let out = /^(?:\/|[A-Z]:\\)/.test(log) ? text.replaceAll('/var/log/apache2/*error.log /var/log/httpd/*error_log', log).replaceAll('/var/log/apache2/error.log', log) : text;
  // Only a control command that takes httpd's own flags (not "service … configtest").
  if (/ (?:configtest|-t)$/.test(sys.configTest) && !/^(?:rc-)?service\b/.test(sys.configTest)) out = out.replace(/\bapache2?ctl\b/g, sys.configTest.replace(/ (?:configtest|-t)$/, ''));
  return out;
}
