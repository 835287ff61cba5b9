import { describe, expect, it } from "vitest";
import { LocalImagePathSchema, createImageSchema } from "../../../../src/articles/schema/image";

const image = createImageSchema(LocalImagePathSchema);

function messages(input: unknown): { path: PropertyKey[]; message: string }[] {
  const result = image.safeParse(input);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((i) => ({ path: i.path, message: i.message }));
}

const REMOTE =
  "expected a path relative to the article file, e.g. ./images/photo.jpg; for a photo the archive does not hold, leave out src and keep the caption and credit";

describe("LocalImagePathSchema", () => {
  it.each(["./images/bridge.jpg", "images/bridge.jpg", "../shared/bridge.png", "bridge.webp"])(
    "accepts %j",
    (path) => {
      expect(LocalImagePathSchema.parse(path)).toBe(path);
    },
  );

  it.each([
    "https://images.example.net/bridge.jpg",
    "http://images.example.net/bridge.jpg",
    "//images.example.net/bridge.jpg",
    "/images/bridge.jpg",
    "data:image/png;base64,iVBORw0KGgo=",
    "file:///home/editor/bridge.jpg",
  ])("refuses %j", (path) => {
    const result = LocalImagePathSchema.safeParse(path);
    expect(result.error?.issues.map((i) => i.message)).toEqual([REMOTE]);
  });
});

describe("createImageSchema", () => {
  it("accepts a held photo with src and alt", () => {
    expect(image.parse({ src: "./images/a.jpg", alt: "The pier at dusk", credit: "M. Quill" })).toEqual({
      src: "./images/a.jpg",
      alt: "The pier at dusk",
      credit: "M. Quill",
    });
  });

  it("accepts a photo the archive does not hold, recorded by caption or credit only", () => {
    expect(image.parse({ caption: "Crowds on the pier" })).toEqual({ caption: "Crowds on the pier" });
    expect(image.parse({ credit: "Handout" })).toEqual({ credit: "Handout" });
  });

  it("requires alt whenever src is given", () => {
    expect(messages({ src: "./images/a.jpg", caption: "The pier" })).toEqual([
      {
        path: ["alt"],
        message: "required whenever src is given: describe the photo for readers who cannot see it",
      },
    ]);
  });

  it("refuses an image with neither src nor caption nor credit", () => {
    expect(messages({ alt: "The pier" })).toEqual([
      {
        path: [],
        message: "an image needs a src, or a caption or credit recording the photo the archive does not hold",
      },
    ]);
  });

  it("refuses a remote src", () => {
    expect(messages({ src: "https://images.example.net/a.jpg", alt: "The pier" })).toEqual([
      { path: ["src"], message: REMOTE },
    ]);
  });

  it("refuses unknown keys with a suggestion", () => {
    expect(messages({ caption: "The pier", credti: "Handout" })).toEqual([
      { path: [], message: 'unknown field "credti"; did you mean "credit"?' },
    ]);
  });
});
