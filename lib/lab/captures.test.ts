import { describe, expect, it } from 'vitest';
import { getEntries } from '../content/kb';
import { buildKbIndex } from '../content/kb-index';
import { loadLab } from './load';
import { labMisses, labSummary } from './summary';

// What the real-httpd lab recorded (content/lab/, rewritten by `npm run lab`, which `npm test`
// runs first): the engine must find each capture's entry, every fix must have been verified on the
// running server, and every 2.4 snippet must have passed `apache2 -t`.
const lab = loadLab();
const index = buildKbIndex(getEntries());

/** Scenarios with nothing to fix on the server: said here, not silently skipped. */
const NO_FIX: Record<string, string> = {
  'scanner-noise': 'nothing to fix: port checks and half-sent hellos are normal on a public port',
  'openssl-older-than-build': 'the fix is a package upgrade of the machine (matching libssl and apache2), outside the lab',
};

describe.skipIf(!lab.run)('the real-httpd lab', () => {
  it('ran enough scenarios, on a named httpd and OpenSSL, reproducing enough entries', () => {
    const s = labSummary(lab, index);
    expect(lab.run!.environment.httpd).toMatch(/^2\.4\.\d+$/);
    expect(lab.run!.environment.openssl).toMatch(/^\d+\.\d+\.\d+/);
    expect(s.scenarios).toBeGreaterThanOrEqual(35);
    expect(s.entriesReproduced).toBeGreaterThanOrEqual(45);
  });

  it('the engine puts the expected entry first on every real capture', () => {
    const misses = labMisses(lab, index).map((m) => `${m.file} captures[${m.capture}] (${m.source}): expected ${m.expected}, got ${m.got ?? 'nothing'}`);
    expect(misses).toEqual([]);
  });

  it('a capture ranked to another entry than its scenario says why, and so does one left unranked', () => {
    for (const s of lab.scenarios)
      for (const c of s.captures) {
        if (c.entry && c.entry !== s.entry) expect(c.because, `${s.id} ${c.source}`).toMatch(/\w{3}/);
        if (c.uninformative !== undefined) expect(c.uninformative, `${s.id} ${c.source}`).toMatch(/\w{3}/);
      }
  });

  it('most captures are ranked: "uninformative" stays the exception', () => {
    const all = lab.scenarios.flatMap((s) => s.captures);
    const ranked = all.filter((c) => !c.uninformative);
    expect(ranked.length / all.length).toBeGreaterThan(0.75);
  });

  it('every scenario but those listed here has a fix, verified on the running server', () => {
    for (const s of lab.scenarios) {
      if (NO_FIX[s.id]) {
        expect(s.fix, `${s.id} now has a fix: remove it from NO_FIX`).toBeUndefined();
        continue;
      }
      expect(s.fix, `${s.id} has no fix`).toBeDefined();
      expect(s.fix!.verified, `${s.id}: the fix did not make the failure go away`).toBe(true);
    }
  });

  it('the entries\' own fix snippets were tried on real failures', () => {
    const fromEntry = lab.scenarios.filter((s) => s.fix?.from === 'entry-snippet');
    expect(fromEntry.length).toBeGreaterThanOrEqual(15);
    for (const s of fromEntry) expect(s.fix!.verified, s.id).toBe(true);
  });

  it('every httpd 2.4 snippet of the knowledge base passed apache2 -t', () => {
    expect(lab.run!.snippets.checked).toBeGreaterThan(50);
    expect(lab.run!.snippets.failing).toEqual([]);
  });

  it('captures hold no temporary paths or ports of the run that made them', () => {
    for (const s of lab.scenarios)
      for (const c of s.captures) {
        const all = `${c.command}\n${c.text}`;
        expect(all, `${s.id} ${c.source}`).not.toMatch(/\/tmp\/handshake-lab-/);
        // Ports shown are the lab's stable ones (8080, 8443, 9443, 9444) or renumbered clients (50000+).
        const ports = [...all.matchAll(/127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1]));
        expect(ports.filter((p) => ![8080, 8443, 9443, 9444].includes(p) && !(p >= 50000 && p < 51000)), `${s.id} ${c.source}`).toEqual([]);
      }
  });
});
