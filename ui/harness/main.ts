// The editor in a plain browser: the real App, with Tauri's IPC carried to the real core's test
// server (crates/test-server) on the port in the page's `?core=` query (harness/real.ts). The
// harness is only the transport; tests drive the page and read `window.harness` (what the UI sent
// and the core answered).
import { mount } from "svelte";
import "../src/app.css";
import App from "../src/App.svelte";
import { startRealCore, type RealHarness } from "./real";

declare global {
  interface Window {
    harness: RealHarness;
  }
}

const params = new URLSearchParams(location.search);
const port = Number(params.get("core"));
if (!Number.isInteger(port) || port <= 0) {
  throw new Error("harness/index.html needs ?core=PORT: the port of the real core's test server (browser-tests/support.mjs startCore())");
}
window.harness = startRealCore(port, Number(params.get("delay") ?? 0));

const target = document.getElementById("app");
if (!target) throw new Error("harness/index.html has no #app element");
mount(App, { target });
