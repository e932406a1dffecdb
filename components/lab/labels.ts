import type { Capture, LabEnvironment, LabScenario } from '@/lib/lab/types';

/** "Apache httpd 2.4.71 + OpenSSL 3.0.19, Debian GNU/Linux 12 (bookworm)": where the lab ran. */
export function environmentText(env: LabEnvironment): string {
  return `Apache httpd ${env.httpd} + OpenSSL ${env.openssl}, ${env.os}`;
}

const CLIENTS: Record<Exclude<Capture['source'], 'server-log' | 'startup'>, string> = {
  curl: 'curl',
  'openssl-s_client': 'openssl s_client',
  node: 'Node',
  chromium: 'Chromium',
};

/** What a capture is, as a reader would name it; the server's own output says at which LogLevel. */
export function captureLabel(c: Capture, s: LabScenario, env: LabEnvironment): string {
  if (c.source === 'server-log') return `Server error log (LogLevel ${s.logLevel})`;
  if (c.source === 'startup') return `Server start-up and error log (LogLevel ${s.logLevel})`;
  const version = c.source === 'curl' ? env.curl : c.source === 'node' ? env.node : c.source === 'chromium' ? env.chromium : env.openssl;
  return `${CLIENTS[c.source]} ${version}`;
}

/** A fix may be a client command rather than a configuration (e.g. "use https://"). */
export function looksLikeCommand(text: string): boolean {
  return /^(?:\$ )?(?:curl|openssl|node|wget|chromium|echo)\b/.test(text.trimStart());
}
