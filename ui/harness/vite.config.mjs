// Builds the test harness (harness/index.html: the real App over the real core's test server) into
// harness/dist for the browser tests. `npm run test:browser` builds it and serves it.
import { defineConfig } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root: here,
  base: "./",
  plugins: [svelte({ configFile: fileURLToPath(new URL("../svelte.config.js", import.meta.url)) })],
  clearScreen: false,
  logLevel: "warn",
  server: { fs: { allow: [".."] } },
  build: { outDir: "dist", emptyOutDir: true, reportCompressedSize: false },
});
