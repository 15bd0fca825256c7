// Global settings of svelte-dnd-action for Casewright.
import { setKeyboardDragTrigger } from "svelte-dnd-action";

/** Cards and columns slide into place unless the person asked for less motion. */
export const flipDurationMs =
  typeof window !== "undefined" && window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ? 0 : 150;

// Space picks up and drops (the WAI-ARIA sortable-list practice); Enter stays free to open a
// block in the inspector.
setKeyboardDragTrigger("space");

const LIBRARY_ALERT_ID = "dnd-action-aria-alert";
let observer: MutationObserver | null = null;

function quiet(element: Element) {
  element.removeAttribute("role");
  element.setAttribute("aria-hidden", "true");
}

/**
 * The zones run with autoAriaDisabled (Casewright announces moves itself, with block titles
 * and section names), yet the library still adds an empty, invisible role="alert" element to
 * the page. Left alone it would be the first alert on the page, in front of the app's own
 * error banner, so it is stripped of its role whenever the library (re)creates it.
 */
export function quietDndLiveRegion(): void {
  if (typeof document === "undefined") return;
  const existing = document.getElementById(LIBRARY_ALERT_ID);
  if (existing) quiet(existing);
  if (observer) return;
  observer = new MutationObserver(() => {
    const element = document.getElementById(LIBRARY_ALERT_ID);
    if (element?.hasAttribute("role")) quiet(element);
  });
  observer.observe(document.body, { childList: true });
}
