import { defineConfig } from "vitest/config";

/** `npm test`: unit tests and the build test; nothing here needs a browser. */
export default defineConfig({
  test: {
    include: [
      "tests/unit/**/*.test.ts",
      "tests/content/**/*.test.ts",
      "tests/cli/**/*.test.ts",
      "tests/build/**/*.test.ts",
    ],
    globalSetup: ["tests/build/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 300_000,
  },
});
