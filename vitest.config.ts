import { defineConfig } from "vitest/config";

/** `npm test`: unit tests and the build test; nothing here needs a browser. */
export default defineConfig({
  test: {
    include: [
      "tests/unit/**/*.test.ts",
      "tests/content/**/*.test.ts",
      "tests/cli/**/*.test.ts",
      "tests/build/**/*.test.ts",
      "tests/tools/**/*.test.ts",
    ],
    globalSetup: ["tests/build/global-setup.ts"],
    // Some tests build a small site; a busy CI machine can take a minute for one.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
