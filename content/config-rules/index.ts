// Every configuration rule, in the order findings of equal severity are listed.
import { clientCertRules } from './client-certs';
import type { ContentRule } from './types';

export const CONFIG_RULES: readonly ContentRule[] = [...clientCertRules];
