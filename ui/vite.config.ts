import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";

export default defineConfig({
  plugins: [svelte()],
  // Relative asset URLs: the desktop shell serves dist/ from its own protocol.
  base: "./",
  // Vitest runs in Node; make Svelte resolve its browser build so components can mount.
  resolve: process.env.VITEST ? { conditions: ["browser"] } : undefined,
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
    // The bundled fonts live outside ui/ (assets/fonts at the repo root).
    fs: { allow: [".", "../assets/fonts"] },
  },
  build: { outDir: "dist", emptyOutDir: true },
  test: {
    environment: "jsdom",
    setupFiles: ["./vitest-setup.ts"],
    // browser-tests/ run in real Chromium (npm run test:browser), not in jsdom.
    include: ["src/**/*.test.ts"],
    // Room for several waits on the real core (each up to 5 s, vitest-setup.ts) in one test.
    testTimeout: 20000,
  },
});
