import { describe, expect, it } from "vitest";
import { createWrittenDateSchema } from "../../../../src/articles/schema/fields";
import { createSourceSchema } from "../../../../src/articles/schema/source";

const source = createSourceSchema(createWrittenDateSchema("UTC"));

function messages(input: unknown): { path: PropertyKey[]; message: string }[] {
  const result = source.safeParse(input);
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((i) => ({ path: i.path, message: i.message }));
}

describe("createSourceSchema", () => {
  it("accepts a publisher alone", () => {
    expect(source.parse({ publisher: "Port Ellery Gazette" })).toEqual({ publisher: "Port Ellery Gazette" });
  });

  it("reads the retrieval day as a written date", () => {
    const parsed = source.parse({
      publisher: "Port Ellery Gazette",
      url: "https://gazette.example.org/a.html",
      retrieved: "2024-04-27",
    });
    expect(parsed.url).toBe("https://gazette.example.org/a.html");
    expect(parsed.retrieved).toMatchObject({ day: "2024-04-27", year: 2024, month: 4, date: 27 });
  });

  it("requires the publisher", () => {
    expect(messages({ url: "https://gazette.example.org/a.html" })).toEqual([
      { path: ["publisher"], message: "required" },
    ]);
  });

  it("requires a web address for url", () => {
    expect(messages({ publisher: "Gazette", url: "gazette.example.org/a.html" })).toEqual([
      { path: ["url"], message: "expected a web address starting with https:// or http://" },
    ]);
  });

  it("refuses a retrieval day that is not a date", () => {
    expect(messages({ publisher: "Gazette", retrieved: "last spring" })[0]?.path).toEqual(["retrieved"]);
  });

  it("refuses unknown keys with a suggestion", () => {
    expect(messages({ publisher: "Gazette", retreived: "2024-04-27" })).toEqual([
      { path: [], message: 'unknown field "retreived"; did you mean "retrieved"?' },
    ]);
  });
});
