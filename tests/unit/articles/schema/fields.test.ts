import { describe, expect, it } from "vitest";
import {
  NameListSchema,
  TextSchema,
  WebUrlSchema,
  createWrittenDateSchema,
  strictObject,
} from "../../../../src/articles/schema/fields";

/** The one issue a schema reports for `input`, as path and message. */
function issue(
  schema: {
    safeParse(input: unknown): {
      success: boolean;
      error?: { issues: readonly { path: PropertyKey[]; message: string }[] };
    };
  },
  input: unknown,
) {
  const result = schema.safeParse(input);
  expect(result.success).toBe(false);
  const issues = result.error?.issues ?? [];
  expect(issues).toHaveLength(1);
  return { path: issues[0]?.path, message: issues[0]?.message };
}

describe("TextSchema", () => {
  it("trims text", () => {
    expect(TextSchema.parse("  Port Ellery ")).toBe("Port Ellery");
  });

  it("refuses empty and whitespace-only text", () => {
    expect(issue(TextSchema, "")).toEqual({ path: [], message: "must not be empty" });
    expect(issue(TextSchema, " \t ")).toEqual({ path: [], message: "must not be empty" });
  });

  it("says 'required' when the value is missing", () => {
    expect(issue(TextSchema, undefined).message).toBe("required");
  });

  it("says the value is empty for a key written with nothing after the colon (YAML null)", () => {
    expect(issue(TextSchema, null).message).toBe("is empty: write a value after the colon");
  });

  it("asks for quotes when YAML read the value as something other than text", () => {
    for (const input of [2016, true, ["a"]]) {
      expect(issue(TextSchema, input).message).toBe(
        "expected text; put a value that YAML reads as something else in quotes",
      );
    }
  });
});

describe("NameListSchema", () => {
  it("reads a decomposed accent and doubled spaces as the same name", () => {
    const decomposed = "Jose\u0301  \u00c1lvarez";
    expect(NameListSchema.parse([decomposed, "José Álvarez"])).toEqual(["José Álvarez"]);
    expect(NameListSchema.parse([decomposed])[0]).toBe("Jos\u00e9 \u00c1lvarez");
  });

  it("reads one name as a list of one", () => {
    expect(NameListSchema.parse("Marta Quill")).toEqual(["Marta Quill"]);
  });

  it("trims names and drops repeats, keeping the first order", () => {
    expect(
      NameListSchema.parse(["Marta Quill", " Tomás Ferreira", "Marta Quill ", "Tomás Ferreira"]),
    ).toEqual(["Marta Quill", "Tomás Ferreira"]);
  });

  it("points at an empty name in the list", () => {
    expect(issue(NameListSchema, ["Marta Quill", ""])).toEqual({ path: [1], message: "must not be empty" });
  });

  it("refuses a value that is neither a name nor a list", () => {
    expect(issue(NameListSchema, 42).message).toBe("expected a name or a list of names, e.g. [Gerry Shih]");
  });
});

describe("createWrittenDateSchema", () => {
  const date = createWrittenDateSchema("Asia/Tokyo");

  it("turns a written date into a WrittenDate in the given timezone", () => {
    expect(date.parse("2016-06-14")).toEqual({
      written: "2016-06-14",
      datetime: "2016-06-14",
      day: "2016-06-14",
      year: 2016,
      month: 6,
      date: 14,
      epochMs: Date.UTC(2016, 5, 13, 15),
    });
  });

  it("reports why a written date was refused", () => {
    expect(issue(date, "2016-02-30")).toEqual({
      path: [],
      message: '"2016-02-30" is not a day of the calendar',
    });
  });

  it("asks for a date when the value is missing or not text", () => {
    expect(issue(date, undefined).message).toBe(
      "required: write a date like 2016-06-14 or 2016-06-14T09:30:00+08:00",
    );
    expect(issue(date, 20160614).message).toBe(
      "expected a date like 2016-06-14 or 2016-06-14T09:30:00+08:00",
    );
  });
});

describe("WebUrlSchema", () => {
  it.each(["https://gazette.example.org/2016/06/story.html", "http://example.com", "HTTPS://EXAMPLE.ORG/A"])(
    "accepts %s",
    (url) => {
      expect(WebUrlSchema.parse(url)).toBe(url);
    },
  );

  it.each([
    "ftp://example.org/file",
    "gazette.example.org/story",
    "https://",
    "https://exa mple.org/",
    "javascript:alert(1)",
  ])("refuses %j", (url) => {
    expect(issue(WebUrlSchema, url).message).toBe("expected a web address starting with https:// or http://");
  });
});

describe("strictObject", () => {
  const schema = strictObject({ publisher: TextSchema, retrieved: TextSchema.optional() });

  it("refuses an unknown key, suggesting the closest known one", () => {
    const result = schema.safeParse({ publisher: "Gazette", retreived: "2024-04-27" });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toMatchObject([
      {
        code: "unrecognized_keys",
        keys: ["retreived"],
        path: [],
        message: 'unknown field "retreived"; did you mean "retrieved"?',
      },
    ]);
  });

  it("gives one message line per unknown key, in order", () => {
    const result = schema.safeParse({ publisher: "Gazette", publsher: "x", colour: "red" });
    expect(result.error?.issues[0]?.message.split("\n")).toEqual([
      'unknown field "publsher"; did you mean "publisher"?',
      'unknown field "colour"; known fields are publisher, retrieved',
    ]);
  });

  it("keeps the field schemas' own messages", () => {
    expect(issue(schema, { publisher: "" })).toEqual({ path: ["publisher"], message: "must not be empty" });
  });
});

describe("NameListSchema: slips", () => {
  it("refuses several names written as one, and suggests the list", () => {
    expect(issue(NameListSchema, "Gerry Shih, Ann Lee").message).toBe(
      '"Gerry Shih, Ann Lee" reads as several names in one: if it is one name, put it in quotes ("Gerry Shih, Ann Lee"); if it is several, write a list ([Gerry Shih, Ann Lee])',
    );
  });

  it("accepts a quoted name with a comma inside a list", () => {
    expect(NameListSchema.parse(["Smith, Jr."])).toEqual(["Smith, Jr."]);
  });

  it("says an empty value is empty", () => {
    expect(issue(NameListSchema, null).message).toBe(
      "is empty: write a value after the colon, or remove the line",
    );
  });
});
