import { describe, expect, it } from "vitest";
import { parseWrittenDate } from "../../../src/lib/dates";
import {
  buildNewsArticle,
  buildSocialMeta,
  openGraphLocale,
  parseRightsLine,
  serializeJsonLd,
  type StructuredArticle,
  type StructuredContext,
} from "../../../src/lib/structured-data";

const date = (value: string) => parseWrittenDate(value, "UTC");

const minimal: StructuredArticle = {
  title: "Parish notice board repainted",
  published: date("2014-11-20"),
  byline: [],
  topics: [],
  people: [],
  organizations: [],
  places: [],
  language: "en",
  corrections: [],
};

const context: StructuredContext = {
  url: "https://example.org/news/2014/11/20/notice/",
  description: "Volunteers repainted it.",
  site: { name: "Archive", url: "https://example.org/news/", locale: "en-GB" },
  timezone: "UTC",
  labelUrl: (kind, name) => `https://example.org/news/${kind}/${name.toLowerCase().replace(/\W+/g, "-")}/`,
  photos: [],
};

describe("buildNewsArticle", () => {
  it("describes an article with only the required fields, without empty properties", () => {
    expect(buildNewsArticle(minimal, context)).toEqual({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      "@id": "https://example.org/news/2014/11/20/notice/#article",
      url: "https://example.org/news/2014/11/20/notice/",
      mainEntityOfPage: { "@type": "WebPage", "@id": "https://example.org/news/2014/11/20/notice/" },
      headline: "Parish notice board repainted",
      description: "Volunteers repainted it.",
      inLanguage: "en",
      datePublished: "2014-11-20T00:00:00Z",
      dateModified: "2014-11-20T00:00:00Z",
      publisher: { "@type": "Organization", name: "Archive", url: "https://example.org/news/" },
    });
  });

  it("dates the last change by a correction made without `updated`", () => {
    const corrected = { ...minimal, corrections: [{ date: date("2014-12-01"), text: "Fixed a name." }] };
    expect(buildNewsArticle(corrected, context).dateModified).toBe("2014-12-01T00:00:00Z");
    const tags = buildSocialMeta(corrected, context);
    expect(tags.find((t) => t.property === "article:modified_time")?.content).toBe("2014-12-01T00:00:00Z");
    // A correction older than `updated` leaves `updated` as the last change.
    const updated = { ...corrected, updated: date("2015-01-05") };
    expect(buildNewsArticle(updated, context).dateModified).toBe("2015-01-05T00:00:00Z");
  });

  it("describes the lead photo, the source with its retrieved date, the rights and corrections", () => {
    const data = buildNewsArticle(
      {
        ...minimal,
        updated: date("2014-11-21T10:00:00+01:00"),
        source: { publisher: "Gazette", url: "https://gazette.example.net/a", retrieved: date("2024-05-06") },
        rights: "© 2014 Coastline News Service. All rights reserved.",
        corrections: [{ date: date("2014-11-21"), text: "Fixed a name." }],
      },
      {
        ...context,
        photos: [
          {
            url: "https://example.org/news/_astro/a.jpg",
            width: 800,
            height: 600,
            alt: "A",
            caption: "Cap",
            credit: "Cred",
          },
        ],
      },
    );
    expect(data).toMatchObject({
      dateModified: "2014-11-21T10:00:00+01:00",
      image: [
        {
          "@type": "ImageObject",
          url: "https://example.org/news/_astro/a.jpg",
          contentUrl: "https://example.org/news/_astro/a.jpg",
          width: 800,
          height: 600,
          description: "A",
          caption: "Cap",
          creditText: "Cred",
        },
      ],
      isBasedOn: {
        "@type": "CreativeWork",
        url: "https://gazette.example.net/a",
        publisher: { "@type": "Organization", name: "Gazette" },
        archivedAt: { "@type": "WebPage", url: context.url, dateCreated: "2024-05-06" },
      },
      copyrightNotice: "© 2014 Coastline News Service. All rights reserved.",
      copyrightYear: 2014,
      copyrightHolder: { "@type": "Organization", name: "Coastline News Service" },
      correction: [{ "@type": "CorrectionComment", text: "Fixed a name.", datePublished: "2014-11-21" }],
    });
  });
});

describe("buildNewsArticle authors", () => {
  it("names the people of the byline with their pages, else the agency", () => {
    expect(
      buildNewsArticle({ ...minimal, byline: ["Ann Lee"], agency: "Fixture Wire" }, context).author,
    ).toEqual([{ "@type": "Person", name: "Ann Lee", url: "https://example.org/news/authors/ann-lee/" }]);
    expect(buildNewsArticle({ ...minimal, agency: "Fixture Wire" }, context).author).toEqual([
      {
        "@type": "Organization",
        name: "Fixture Wire",
        url: "https://example.org/news/agencies/fixture-wire/",
      },
    ]);
  });
});

describe("parseRightsLine", () => {
  it("finds the year and holder of common rights lines, and nothing in other text", () => {
    expect(parseRightsLine("© 2016 The Associated Press. All rights reserved.")).toEqual({
      year: 2016,
      holder: "The Associated Press",
    });
    expect(parseRightsLine("Copyright 2001, Kellsport Gazette")).toEqual({
      year: 2001,
      holder: "Kellsport Gazette",
    });
    expect(parseRightsLine("(c) Fixture Wire")).toEqual({ holder: "Fixture Wire" });
    expect(parseRightsLine("Public domain")).toEqual({});
  });
});

describe("serializeJsonLd", () => {
  it("cannot end its script element or open a comment, and parses back to the same text", () => {
    const hostile = `</script><script>alert(1)</script> <!-- & \u2028 \u2029 "q" 'a' שלום`;
    const json = serializeJsonLd({ headline: hostile });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual({ headline: hostile });
  });
});

describe("openGraphLocale", () => {
  it("writes language_TERRITORY, as Open Graph reads it", () => {
    expect(openGraphLocale("en-GB", "en-GB")).toBe("en_GB");
    expect(openGraphLocale("pt-BR", "en-GB")).toBe("pt_BR");
    expect(openGraphLocale("zh-Hant-TW", "en-GB")).toBe("zh_TW");
  });

  it("gives a bare language the site's territory when it is the site's language, else its likeliest one", () => {
    expect(openGraphLocale("en", "en-GB")).toBe("en_GB");
    expect(openGraphLocale("en", "en-US")).toBe("en_US");
    expect(openGraphLocale("fr", "en-GB")).toBe("fr_FR");
    expect(openGraphLocale("ar", "en-GB")).toBe("ar_EG");
    expect(openGraphLocale("zh-Hans", "en-GB")).toBe("zh_CN");
  });
});

describe("buildSocialMeta", () => {
  it("gives Open Graph article tags and a Twitter card, large when there is a photo", () => {
    const tags = buildSocialMeta(
      { ...minimal, byline: ["Ann Lee"], topics: ["harbours"], section: "Local" },
      {
        ...context,
        photos: [{ url: "https://example.org/news/_astro/a.jpg", width: 800, height: 600, alt: "A" }],
      },
    );
    const get = (key: string) => tags.filter((t) => (t.property ?? t.name) === key).map((t) => t.content);
    expect(get("og:type")).toEqual(["article"]);
    expect(get("og:url")).toEqual([context.url]);
    expect(get("og:locale")).toEqual(["en_GB"]);
    expect(get("og:image")).toEqual(["https://example.org/news/_astro/a.jpg"]);
    expect(get("article:published_time")).toEqual(["2014-11-20T00:00:00Z"]);
    expect(get("article:author")).toEqual(["https://example.org/news/authors/ann-lee/"]);
    expect(get("article:tag")).toEqual(["harbours"]);
    expect(get("twitter:card")).toEqual(["summary_large_image"]);
    expect(buildSocialMeta(minimal, context).find((t) => t.name === "twitter:card")?.content).toBe("summary");
  });
});
