import "@testing-library/jest-dom/vitest";
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
