import { describe, expect, it } from "vitest";
import { createCorrectionSchema } from "../../../../src/articles/schema/correction";
import { createWrittenDateSchema } from "../../../../src/articles/schema/fields";

const correction = createCorrectionSchema(createWrittenDateSchema("UTC"));

function messages(input: unknown): { path: PropertyKey[]; message: string }[] {
  const result = correction.safeParse(input);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((i) => ({ path: i.path, message: i.message }));
}

describe("createCorrectionSchema", () => {
  it("accepts a date and a text", () => {
    const parsed = correction.parse({ date: "2016-06-15", text: " The minister's name was misspelt. " });
    expect(parsed.text).toBe("The minister's name was misspelt.");
    expect(parsed.date).toMatchObject({ written: "2016-06-15", day: "2016-06-15" });
  });

  it("requires both the date and the text", () => {
    expect(messages({})).toEqual([
      { path: ["date"], message: "required: write a date like 2016-06-14 or 2016-06-14T09:30:00+08:00" },
      { path: ["text"], message: "required" },
    ]);
  });

  it("refuses unknown keys with a suggestion", () => {
    expect(messages({ date: "2016-06-15", text: "Fixed.", texts: "Fixed." })).toEqual([
      { path: [], message: 'unknown field "texts"; did you mean "text"?' },
    ]);
  });
});
