import { describe, expect, it } from "vitest";
import { bylineNames } from "../../../src/import/byline-names";

describe("bylineNames", () => {
  it.each([
    ["By Ann Lee and Bo Chen", ["Ann Lee", "Bo Chen"]],
    ["Ann Lee, Bo Chen and Cy Dunn", ["Ann Lee", "Bo Chen", "Cy Dunn"]],
    ["Ann Lee & Bo Chen", ["Ann Lee", "Bo Chen"]],
    ["desk@gazette.example.org (Tomás Ferreira)", ["Tomás Ferreira"]],
    ["  ", []],
  ])("%s", (text, names) => {
    expect(bylineNames(text)).toEqual(names);
  });
});
