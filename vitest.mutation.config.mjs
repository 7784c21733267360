import { defineConfig } from 'vitest/config';

/**
 * The tests `npm run test:mutation` runs against each mutant (see stryker.config.mjs for the modules mutated): the
 * fast tests of those modules, run from source. Stryker narrows each mutant further to the files that import the
 * mutated module (vitest's related mode). Tests of the built bundle, the browser and the playground stay out: a
 * mutant never reaches dist/, and they take seconds each. No build step.
 */
export default defineConfig({
  test: {
    include: [
      'test/core/domain.test.ts',
      'test/core/models.test.ts',
      'test/core/parse.test.ts',
      'test/core/roster.test.ts',
      'test/core/roster-exports.test.ts',
      'test/core/tiers.test.ts',
      'test/functions.test.ts',
      'test/allocation.test.ts',
      'test/plan/*.test.ts',
    ],
    testTimeout: 20_000,
    reporters: ['default', './scripts/mutation-load-failures.mjs'],
  },
});
