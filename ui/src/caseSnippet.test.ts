// A case's text is shown as text: a snippet or a field holding HTML never becomes elements.
import { describe, expect, it } from "vitest";
import { render } from "@testing-library/svelte";
import CaseSnippet from "./components/CaseSnippet.svelte";

describe("CaseSnippet", () => {
  it("marks the hits and shows hostile HTML as text", () => {
    const { container } = render(CaseSnippet, {
      parts: [
        { text: "We tried <img src=x onerror=alert(1)> and ", hit: false },
        { text: "<script>boom()</script>ideas", hit: true },
        { text: " worked.", hit: false },
      ],
    });
    const p = container.querySelector('[data-testid="case-snippet"]');
    expect(p?.textContent).toBe("We tried <img src=x onerror=alert(1)> and <script>boom()</script>ideas worked.");
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("script")).toBeNull();
    const marks = container.querySelectorAll("mark");
    expect(marks).toHaveLength(1);
    expect(marks[0].textContent).toBe("<script>boom()</script>ideas");
  });
});
