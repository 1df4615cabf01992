import { defineConfig } from "vitest/config";

// Browser journeys: a real `jike serve` process and Debian Chromium driven by playwright-core.
export default defineConfig({
  test: {
    name: "e2e",
    include: ["test/e2e/**/*.e2e.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
