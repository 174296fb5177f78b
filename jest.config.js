/**
 * Tests run as CommonJS through ts-jest's transpiler (type checking is
 * `tsc --noEmit`, run first by `npm test`), so no experimental VM flags are needed.
 */
export default {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  reporters: ["default", "<rootDir>/test/support/summaryReporter.cjs"],
  transform: {
    "^.+\\.ts$": [
      "ts-jest",
      {
        tsconfig: {
          module: "commonjs",
          moduleResolution: "node10",
          isolatedModules: true,
          ignoreDeprecations: "6.0",
          types: ["node", "google-apps-script"],
        },
      },
    ],
  },
};
