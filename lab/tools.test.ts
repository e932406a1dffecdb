import { describe, expect, it } from 'vitest';
import { installHint } from './tools';

describe('installHint', () => {
  it('says what is missing, why it was not installed, how to install it, and what runs without it', () => {
    const h = installHint(['apache2', 'chromium'], 'installing them needs root');
    expect(h).toMatch(/needs apache2, chromium, and installing them needs root/);
    expect(h).toContain('sudo apt-get install -y apache2 chromium');
    expect(h).toMatch(/npm run test:unit/);
    expect(h).toMatch(/npm run test:e2e/);
  });
});
