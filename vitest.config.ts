import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: { include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'lab/**/*.test.ts', 'components/**/*.test.ts'], testTimeout: 60_000 },
});
