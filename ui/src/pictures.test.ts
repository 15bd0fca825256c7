// Pictures through the UI: the project's logo and accent colour, a block's photo and caption.
// The backend is the real core (crates/test-server): pictures are real PNG files chosen through
// the test server's dialog answer, checked, stored and thumbnailed by the core; every Edit
// asserted is what crossed to it, every id and size the core's.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import App from "./App.svelte";
import type { AppError, Edit, ImageRef, OpenedProject } from "./lib/bindings";
import * as backend from "./lib/backend";
import { block, opened, section } from "./test/fixtures";
import { connect, heldBack, menuHandler, png, real, useRealCore, type RealCore } from "./test/backend";

vi.mock("./lib/backend", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./lib/backend")>()),
  ...(await import("./test/backend")).mockedFunctions,
}));

useRealCore();

const applyEdit = vi.mocked(backend.applyEdit);
const pictureThumbnail = vi.mocked(backend.pictureThumbnail);

const focus = block({ id: 1, kind: "benefit", title: "Sharper focus", body: "Fewer meetings." });
const acme = block({ id: 3, kind: "story", title: "Acme did it", organisation: "Acme Ltd" });

function project(): OpenedProject {
  return opened("/home/ana/Pilot.casewright", {
    title: "Four-day week pilot",
    sections: [section({ id: 10, title: "Opportunity", blocks: [focus] }), section({ id: 20, title: "Proof", blocks: [acme] })],
  });
}

let core: RealCore;

async function start(initial = project(), before?: () => Promise<void>) {
  core = await connect(backend, initial);
  await before?.();
  render(App);
  await screen.findByTestId("storyboard");
}

const inspector = () => screen.getByTestId("inspector");
const button = (name: string | RegExp) => within(inspector()).getByRole("button", { name });
const field = (label: string) => within(inspector()).getByLabelText(label) as HTMLInputElement;
const card = (title: string) => screen.getAllByTestId("block").find((c) => within(c).getByTestId("block-title").textContent?.trim() === title)!;
const lastEdit = () => applyEdit.mock.calls[applyEdit.mock.calls.length - 1]?.[0] as Edit;
/** The pictures the core added, as it answered each add_picture_dialog. */
const added = () => core.answered("add_picture_dialog") as (ImageRef | null)[];
/** Adds a real picture to the project behind the UI's back and gives it to the story "Acme did it" with `caption`. */
async function acmePhoto(caption: string, [width, height] = [480, 640]) {
  await core.choose("before.png", png(width, height));
  const image = await core.invoke<ImageRef>("add_picture_dialog");
  await core.prepare([{ op: "updateBlock", block: { ...core.block("Acme did it"), photo: { image, caption } } }]);
  return image;
}

beforeEach(() => {
  vi.clearAllMocks();
});

describe("branding", () => {
  it("chooses a logo (one SetBranding, the accent kept), shows its thumbnail, and removes it", async () => {
    await start(opened("/home/ana/Pilot.casewright", { title: "Pilot", sections: [section({ id: 10, title: "Opportunity" })], accent: "#7A1F5C" }));
    const group = screen.getByTestId("branding-group");
    expect(within(group).getByText("No logo. A logo goes on the briefing's cover.")).toBeInTheDocument();

    await core.choose("logo.png", png(640, 480));
    await fireEvent.click(button("Choose logo…"));
    await waitFor(() => expect(applyEdit).toHaveBeenCalledTimes(1));
    const [logo] = added();
    expect(logo).toMatchObject({ width: 640, height: 480 });
    expect(lastEdit()).toEqual({ op: "setBranding", logo, accent: "#7A1F5C" });
    const img = await within(group).findByRole("img", { name: "The organisation's logo" });
    expect(pictureThumbnail.mock.calls).toEqual([[logo!.id]]);
    await waitFor(() => expect(img.getAttribute("src")).toBe(core.answered("picture_thumbnail")[0]));
    expect(img.getAttribute("src")).toMatch(/^data:image\//);
    expect(within(group).getByTestId("picture-frame").style.aspectRatio).toBe("640 / 480");
    // Removed once the choice is saved (a Remove pressed before that is the next test's case).
    await waitFor(() => expect(core.answered("apply_edit")).toHaveLength(1));

    await fireEvent.click(button("Remove"));
    await waitFor(() => expect(applyEdit).toHaveBeenCalledTimes(2));
    expect(lastEdit()).toEqual({ op: "setBranding", logo: null, accent: "#7A1F5C" });
    expect(within(group).queryByRole("img")).toBeNull();
    expect(button("Choose logo…")).toHaveFocus();
    // Thumbnails are kept by id: the logo coming back with Undo is not asked for again.
    await fireEvent.click(document.querySelector<HTMLButtonElement>("#undo")!);
    expect(await within(group).findByRole("img", { name: "The organisation's logo" })).toBeInTheDocument();
    expect(pictureThumbnail).toHaveBeenCalledTimes(1);
  });

  it("sends Remove pressed while the chosen logo's edit is still on its way, once its reply is in", async () => {
    await start(opened("/home/ana/Pilot.casewright", { title: "Pilot", sections: [section({ id: 10, title: "Opportunity" })], accent: "#7A1F5C" }));
    await core.choose("logo.png", png(640, 480));
    const chosen = heldBack(real.applyEdit);
    applyEdit.mockImplementationOnce(chosen.fn);
    await fireEvent.click(button("Choose logo…"));
    await within(screen.getByTestId("branding-group")).findByRole("img", { name: "The organisation's logo" });
    await waitFor(() => expect(button("Remove")).toBeEnabled());
    await fireEvent.click(button("Remove"));
    chosen.release();
    await waitFor(() => expect(applyEdit).toHaveBeenCalledTimes(2));
    expect(lastEdit()).toEqual({ op: "setBranding", logo: null, accent: "#7A1F5C" });
    await waitFor(() => expect(core.answered("apply_edit")).toHaveLength(2));
    expect((await core.current()).project.logo).toBeNull();
    expect(within(screen.getByTestId("branding-group")).queryByRole("img")).toBeNull();
  });

  it("sends a typed accent once typing pauses, as #RRGGBB, keeping the logo; the picker shows it", async () => {
    await start();
    vi.useFakeTimers();
    try {
      await fireEvent.input(field("Accent colour"), { target: { value: "#7a1f5c" } });
      await vi.advanceTimersByTimeAsync(599);
      expect(applyEdit).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(applyEdit).toHaveBeenCalledTimes(1);
      expect(lastEdit()).toEqual({ op: "setBranding", logo: null, accent: "#7A1F5C" });
    } finally {
      vi.useRealTimers();
    }
    await waitFor(() => expect(core.project().accent).toBe("#7A1F5C"));
    // The text stays as typed: the reply means the same colour.
    expect(field("Accent colour").value).toBe("#7a1f5c");
    expect((within(inspector()).getByLabelText("Pick the accent colour") as HTMLInputElement).value).toBe("#7a1f5c");
  });

  it("says when the accent is not a colour and sends nothing, even on blur", async () => {
    await start();
    await fireEvent.input(field("Accent colour"), { target: { value: "#7a1f5" } });
    await fireEvent.blur(field("Accent colour"));
    expect(within(inspector()).getByText("Enter a colour as #RRGGBB, such as #0B5C85.")).toBeInTheDocument();
    expect(field("Accent colour")).toHaveAttribute("aria-invalid", "true");
    expect(applyEdit).not.toHaveBeenCalled();
    expect(field("Accent colour").value).toBe("#7a1f5");
  });

  it("applies a colour from the picker when it is closed, and Clear goes back to the theme's", async () => {
    await start();
    const picker = within(inspector()).getByLabelText("Pick the accent colour") as HTMLInputElement;
    expect(picker.value).toBe("#0b5c85");
    expect(button("Clear")).toBeDisabled();
    await fireEvent.input(picker, { target: { value: "#2f855a" } });
    expect(field("Accent colour").value).toBe("#2F855A");
    await fireEvent.change(picker);
    expect(applyEdit).toHaveBeenCalledTimes(1);
    expect(lastEdit()).toEqual({ op: "setBranding", logo: null, accent: "#2F855A" });

    await waitFor(() => expect(button("Clear")).toBeEnabled());
    await fireEvent.click(button("Clear"));
    await waitFor(() => expect(applyEdit).toHaveBeenCalledTimes(2));
    expect(lastEdit()).toEqual({ op: "setBranding", logo: null, accent: null });
    expect(field("Accent colour").value).toBe("");
  });
});

describe("a block's photo", () => {
  it("chooses a photo at once (sending typed text first), marks the card, and saves the caption after the pause", async () => {
    await start();
    await fireEvent.click(card("Acme did it"));
    await fireEvent.input(field("Organisation"), { target: { value: "Acme Group" } });
    await core.choose("photo.png", png(640, 480));
    await fireEvent.click(button("Choose photo…"));
    await waitFor(() => expect(applyEdit).toHaveBeenCalledTimes(2));
    const [typed, chosen] = applyEdit.mock.calls.map(([edit]) => edit);
    const acme = core.block("Acme did it");
    const [image] = added();
    expect(image).toMatchObject({ width: 640, height: 480 });
    expect(typed).toEqual({ op: "updateBlock", block: { ...acme, organisation: "Acme Group" } });
    expect(chosen).toEqual({ op: "updateBlock", block: { ...acme, organisation: "Acme Group", photo: { image, caption: "" } } });

    await waitFor(() => expect(within(card("Acme did it")).getByRole("img", { name: "Has a photo" })).toBeInTheDocument());
    expect(card("Acme did it")).toHaveAccessibleName("Story: Acme did it, has a photo");
    expect(within(card("Sharper focus")).queryByTestId("photo-indicator")).toBeNull();
    const group = screen.getByTestId("photo-group");
    expect(await within(group).findByRole("img", { name: "The block's photo (not described yet)" })).toBeInTheDocument();
    expect(button("Replace…")).toBeInTheDocument();

    vi.useFakeTimers();
    try {
      await fireEvent.input(field("Caption and description"), { target: { value: "The Acme team at the line" } });
      await vi.advanceTimersByTimeAsync(600);
    } finally {
      vi.useRealTimers();
    }
    expect(applyEdit).toHaveBeenCalledTimes(3);
    expect((lastEdit() as Extract<Edit, { op: "updateBlock" }>).block.photo).toEqual({ image, caption: "The Acme team at the line" });
    expect(within(group).getByRole("img", { name: "The Acme team at the line" })).toBeInTheDocument();
  });

  it("replaces the photo keeping the caption, and removes it with its caption", async () => {
    await start(opened("/home/ana/Pilot.casewright", { title: "Pilot", sections: [section({ id: 20, title: "Proof", blocks: [acme] })] }), async () => {
      await acmePhoto("Night shift", [480, 640]);
    });
    await fireEvent.click(card("Acme did it"));
    expect(field("Caption and description").value).toBe("Night shift");
    expect(within(screen.getByTestId("photo-group")).getByTestId("picture-frame").style.aspectRatio).toBe("480 / 640");

    await core.choose("after.png", png(640, 480, [47, 133, 90]));
    await fireEvent.click(button("Replace…"));
    await waitFor(() => expect(applyEdit).toHaveBeenCalledTimes(1));
    const [replaced] = added();
    expect(replaced).toMatchObject({ width: 640, height: 480 });
    expect((lastEdit() as Extract<Edit, { op: "updateBlock" }>).block.photo).toEqual({ image: replaced, caption: "Night shift" });

    await waitFor(() => expect(button("Remove")).toBeEnabled());
    await fireEvent.click(button("Remove"));
    await waitFor(() => expect(applyEdit).toHaveBeenCalledTimes(2));
    expect((lastEdit() as Extract<Edit, { op: "updateBlock" }>).block.photo).toBeNull();
    expect(within(inspector()).queryByLabelText("Caption and description")).toBeNull();
    await waitFor(() => expect(within(card("Acme did it")).queryByTestId("photo-indicator")).toBeNull());
    expect(button("Choose photo…")).toHaveFocus();
  });

  it("shows a refused picture in the error banner and changes nothing; a cancelled dialog does nothing", async () => {
    await start();
    await fireEvent.click(card("Sharper focus"));
    // A text file chosen as a photo: the core reads its bytes and refuses it.
    await core.choose("notes.txt", "Remember to ask about the night shift.\n");
    await fireEvent.click(button("Choose photo…"));
    const alert = await screen.findByRole("alert");
    const refusal = core.refusals()[0].error as AppError;
    expect(refusal.message).toMatch(/notes\.txt/);
    expect(alert).toHaveTextContent(`Could not add the picture. ${refusal.message}`);
    expect(alert).toHaveAttribute("data-code", refusal.code);
    expect(applyEdit).not.toHaveBeenCalled();
    expect(within(card("Sharper focus")).queryByTestId("photo-indicator")).toBeNull();

    // No dialog answer queued: the dialog is cancelled.
    await fireEvent.click(button("Choose photo…"));
    await waitFor(() => expect(backend.addPictureDialog).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(button("Choose photo…")).toBeEnabled());
    expect(added()).toEqual([null]);
    expect(applyEdit).not.toHaveBeenCalled();
  });

  it("asks for thumbnails again after another project is opened (its ids are other pictures)", async () => {
    await start(opened("/home/ana/Pilot.casewright", { title: "Pilot", sections: [section({ id: 20, title: "Proof", blocks: [acme] })] }), async () => {
      await acmePhoto("Acme", [640, 480]);
    });
    await fireEvent.click(card("Acme did it"));
    await within(inspector()).findByRole("img", { name: "Acme" });
    expect(pictureThumbnail).toHaveBeenCalledTimes(1);

    // A copy of the file under another name: the same picture ids, other pictures as far as the UI knows.
    await core.copy(core.run.path, "Other.casewright");
    await core.dialog("Other.casewright");
    menuHandler(backend)({ action: "open" });
    await waitFor(() => expect(backend.setWindowTitle).toHaveBeenLastCalledWith("Other.casewright — Casewright"));
    await fireEvent.click(card("Acme did it"));
    await within(inspector()).findByRole("img", { name: "Acme" });
    expect(pictureThumbnail).toHaveBeenCalledTimes(2);
  });
});
