import { defineConfig } from "vitest/config";

// Unit and integration tests on PGlite always; the integration suite again on PostgreSQL when
// TEST_DATABASE_URL names a server (CI starts one).
const integration = ["src/**/*.int.test.ts", "test/integration/**/*.test.ts"];
export default defineConfig({
  test: {
    globalSetup: ["test/helpers/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "pglite",
          include: [
            "src/**/*.test.ts",
            "tools/**/*.test.ts",
            "test/integration/**/*.test.ts",
            "test/process/**/*.test.ts",
          ],
          env: { JIKE_TEST_DB: "pglite" },
        },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              extends: true as const,
              test: { name: "postgres", include: integration, env: { JIKE_TEST_DB: "postgres" } },
            },
          ]
        : []),
    ],
  },
});
