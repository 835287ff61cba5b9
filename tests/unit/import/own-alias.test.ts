import { describe, expect, it } from "vitest";
import { ownAlias } from "../../../src/import/formats/own-alias";

describe("ownAlias", () => {
  const own = ["courier.example.org"];
  it("keeps the old address of a story on the archive's own site, as a browser shows it", () => {
    expect(ownAlias("https://www.courier.example.org/news/ferry/", own)).toEqual(["/news/ferry/"]);
    expect(ownAlias("https://courier.example.org/2016/06/14/%E6%B8%AF%E5%8F%A3/", own)).toEqual([
      "/2016/06/14/港口/",
    ]);
  });

  it("gives none for another site, a query, the home page, or an address an alias cannot hold", () => {
    expect(ownAlias("https://elsewhere.example/news/ferry/", own)).toEqual([]);
    expect(ownAlias("https://courier.example.org/?p=41", own)).toEqual([]);
    expect(ownAlias("https://courier.example.org/", own)).toEqual([]);
    expect(ownAlias("https://courier.example.org/old%20page/", own)).toEqual([]);
    expect(ownAlias("https://courier.example.org/archive/2016/06/harbour-light/", own)).toEqual([]);
    expect(ownAlias("https://courier.example.org/page/2/", own)).toEqual([]);
    expect(ownAlias("not a link", own)).toEqual([]);
    expect(ownAlias(undefined, own)).toEqual([]);
  });
});
