import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest's default on 2 cores is one worker (cores - 1), which leaves a core idle while a file waits on git,
    // a registry, a builder or a server. Three forks keep both cores busy; VITEST_MAX_WORKERS overrides it.
    maxWorkers: 3,
    reporters: ["default"],
  },
});
