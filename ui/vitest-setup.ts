import "@testing-library/jest-dom/vitest";
import { configure } from "@testing-library/svelte";
// Mounts and unmounts components around each test (vitest runs without globals).
import "@testing-library/svelte/vitest";

// jsdom has no Web Animations API; Svelte's animate:flip calls it when lists reorder.
// A stand-in that finishes at once keeps the DOM updates going.
if (!Element.prototype.animate) {
  Element.prototype.animate = function animate() {
    const animation = {
      onfinish: null as null | (() => void),
      oncancel: null,
      currentTime: 0,
      playState: "finished",
      finished: Promise.resolve(),
      cancel() {},
      finish() {
        this.onfinish?.();
      },
      play() {},
      pause() {},
    };
    queueMicrotask(() => animation.onfinish?.());
    return animation as unknown as Animation;
  };
}
if (!Element.prototype.getAnimations) {
  Element.prototype.getAnimations = () => [];
}

// The mirror behind a text field with underlines repeats the field's text, invisibly and hidden
// from screen readers (MarkedTextarea); queries by text should not find it.
// The tests wait on the real core over HTTP (src/test/server.mjs): on a loaded machine (the
// test command builds Rust on two cores meanwhile) a reply can take longer than the default
// 1 s of findBy/waitFor, which then fails a test whose UI is right.
configure({ defaultIgnore: 'script, style, [data-testid="mirror"], [data-testid="mirror"] *', asyncUtilTimeout: 5000 });
