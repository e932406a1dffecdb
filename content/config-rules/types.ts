// A configuration rule as content: the trap, the entry that explains it, the check, and a realistic
// bad configuration with its fixed form. The tests run every rule on both (the bad one must give
// this rule's finding, the fixed one no finding at all), and the lab loads every fixed form with
// `apache2 -t`, so an example cannot drift from what httpd accepts.
import type { ConfigRule } from '../../lib/config/check';
import type { Versions } from '../../lib/config/model';

export interface RuleExample {
  /** what the example shows, in a few words */
  name: string;
  /** a configuration with the trap: the rule must report it */
  bad: string;
  /** the same configuration fixed: no rule may report anything */
  fixed: string;
  /** 1-based line of `bad` the finding must point at */
  line: number;
  /** the server context around the example, when EXAMPLE_BASE is not it (a rule about Listen or the session cache) */
  base?: string;
  /** versions the example assumes (httpd -V would say) */
  versions?: Versions;
  /** `apachectl -M` output to paste with both */
  modules?: string;
  /** `apachectl -M` output pasted with the bad form instead of `modules` (a module missing there) */
  badModules?: string;
  /** the fixed form cannot be loaded by the lab as it stands (it names hosts or modules the lab has not) */
  labSkip?: string;
}

export interface ContentRule extends ConfigRule {
  examples: RuleExample[];
}
