// Every configuration rule, in the order findings of equal severity are listed.
import { certificateRules } from './certificates';
import { clientCertRules } from './client-certs';
import { moduleVersionRules } from './modules-versions';
import { protocolRules } from './protocol';
import { proxyRules } from './proxy';
import { sessionStaplingRules } from './sessions-stapling';
import type { ContentRule } from './types';
import { vhostRules } from './vhosts';

export const CONFIG_RULES: readonly ContentRule[] = [
  ...clientCertRules,
  ...certificateRules,
  ...protocolRules,
  ...vhostRules,
  ...sessionStaplingRules,
  ...proxyRules,
  ...moduleVersionRules,
];
