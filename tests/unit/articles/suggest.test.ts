import { describe, expect, it } from "vitest";
import { suggestName, unknownFieldMessage } from "../../../src/articles/suggest";

const FIELDS = [
  "title",
  "dek",
  "published",
  "updated",
  "byline",
  "images",
  "language",
  "slug",
  "draft",
] as const;

describe("suggestName", () => {
  it.each([
    ["publised", "published"],
    ["pubished", "published"],
    ["Published", "published"],
    ["TITLE", "title"],
    ["image", "images"],
    ["drafts", "draft"],
  ])("suggests the field an editor meant: %j → %j", (typo, meant) => {
    expect(suggestName(typo, FIELDS)).toBe(meant);
  });

  it.each(["xyzzy", "author", "summary", "tags"])(
    "suggests nothing for %j, which is not close to any field",
    (name) => {
      expect(suggestName(name, FIELDS)).toBeUndefined();
    },
  );

  it("suggests the field for two swapped letters in a short name", () => {
    expect(suggestName("titel", FIELDS)).toBe("title");
  });

  it("suggests nothing when there are no known names", () => {
    expect(suggestName("title", [])).toBeUndefined();
  });
});

describe("unknownFieldMessage", () => {
  it("asks 'did you mean' with the closest field", () => {
    expect(unknownFieldMessage("publised", FIELDS)).toBe(
      'unknown field "publised"; did you mean "published"?',
    );
  });

  it("quotes the unknown name as written", () => {
    expect(unknownFieldMessage("Publised", FIELDS)).toBe(
      'unknown field "Publised"; did you mean "published"?',
    );
  });

  it("lists the known fields when nothing is close", () => {
    expect(unknownFieldMessage("xyzzy", FIELDS)).toBe(
      'unknown field "xyzzy"; known fields are title, dek, published, updated, byline, images, language, slug, draft',
    );
  });
});
