/**
 * Tests run as CommonJS, transpiled file by file with esbuild
 * (test/support/esbuildTransform.cjs); type checking is `tsc --noEmit`,
 * which `npm test` runs beside jest (scripts/test.ts). Two workers: the suite
 * is meant to finish on a 2-core machine, where jest's default (cores − 1)
 * would run the files one by one.
 * `npm test` starts jest with --max-semi-space-size=64, which the workers
 * inherit: the emulator's builds make many short-lived objects, and the larger
 * young generation takes about 15 % off the integration tests' time.
 * Every server a test starts listens on a free port (port 0), and the browser
 * tests open their own contexts in the run's one chromium, which globalSetup
 * starts (test/support/sharedChromium.ts), so files do not collide.
 */
export default {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  maxWorkers: 2,
  globalSetup: "<rootDir>/test/support/globalSetup.ts",
  globalTeardown: "<rootDir>/test/support/globalTeardown.ts",
  reporters: ["default", "<rootDir>/test/support/summaryReporter.cjs"],
  transform: {
    "^.+\\.ts$": "<rootDir>/test/support/esbuildTransform.cjs",
  },
};
