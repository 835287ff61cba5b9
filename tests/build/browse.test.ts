import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Element, Root } from "hast";
import { describe, expect, inject, it } from "vitest";
import { all, attr, hasPage, one, readPage, text } from "../support/html";

// The fixture site: tests/fixtures/site/articles, built under /archive with 2 articles a page.
// Public articles by day: 2013-07-04, 2014-11-20, 2015-03-09, 2016-06-03, 2016-06-14 (two),
// 2019-05-02, 2021-02-08, 2023-05-17, 2024-10-02 (written 22:45 at -04:00), 2024-10-20. The draft (2025-01-15) shares a byline, a
// topic and a place with them and must be in no count or list.
const dist = inject("fixtureDist");
const base = "/archive";

/** The link targets of the elements matching `selector`, without the base path. */
function hrefs(page: Root | Element, selector: string): string[] {
  return all(page, selector).map((a) => attr(a, "href").replace(/^\/archive(?=\/)/, ""));
}

/** Each entry of a period or label list as [name, count], with the name's link when it has one. */
function entries(page: Root, selector: string): [string, string, string?][] {
  return all(page, `${selector} > li`).map((li) => {
    const spans = all(li, ":scope > span");
    const link = all(li, ":scope > a")[0];
    const name = link ? text(link) : text(spans[0]!);
    const count = text(spans.at(-1)!);
    return link ? [name, count, attr(link, "href").replace(/^\/archive(?=\/)/, "")] : [name, count];
  });
}

const cardLinks = (page: Root) => hrefs(page, ".card-list .card__title a");

describe("the archive by date", () => {
  it("shows every year with its count and a timeline with a title and the numbers as text", async () => {
    const page = await readPage(dist, "/archive/");
    expect(text(one(page, "h1"))).toBe("Archive by date");
    expect(entries(page, ".period-list")).toEqual([
      ["2024", "3 articles", "/archive/2024/"],
      ["2023", "1 article", "/archive/2023/"],
      ["2021", "1 article", "/archive/2021/"],
      ["2019", "1 article", "/archive/2019/"],
      ["2016", "3 articles", "/archive/2016/"],
      ["2015", "1 article", "/archive/2015/"],
      ["2014", "1 article", "/archive/2014/"],
      ["2013", "2 articles", "/archive/2013/"],
    ]);
    const svg = one(page, "svg[role=group]");
    expect(text(one(page, `#${attr(svg, "ariaLabelledBy")}`))).toBe("Articles per year");
    expect(text(one(page, `#${attr(svg, "ariaDescribedBy")}`))).toBe(
      "2013: 2; 2014: 1; 2015: 1; 2016: 3; 2017: 0; 2018: 0; 2019: 1; 2020: 0; 2021: 1; 2022: 0; 2023: 1; 2024: 3",
    );
    expect(all(svg, "rect:not(.bar-chart__target)")).toHaveLength(12);
    // Each year with articles is a link to its page; the empty years are not.
    expect(all(svg, "a").map((a) => [attr(a, "ariaLabel"), attr(a, "href")])).toEqual([
      ["2013: 2 articles", "/archive/archive/2013/"],
      ["2014: 1 article", "/archive/archive/2014/"],
      ["2015: 1 article", "/archive/archive/2015/"],
      ["2016: 3 articles", "/archive/archive/2016/"],
      ["2019: 1 article", "/archive/archive/2019/"],
      ["2021: 1 article", "/archive/archive/2021/"],
      ["2023: 1 article", "/archive/archive/2023/"],
      ["2024: 3 articles", "/archive/archive/2024/"],
    ]);
  });

  it("shows a year's months with counts, linking only those with articles, and skips empty years", async () => {
    const page = await readPage(dist, "/archive/2016/");
    expect(text(one(page, "h1"))).toBe("2016");
    // Twelve small calendars; a month with articles leads to its page, each day with some to its own.
    const months = all(page, "table.calendar--small").map((table) => {
      const caption = one(table, "caption");
      const link = all(caption, "a")[0];
      return [text(one(caption, ".calendar__count")), link && attr(link, "href"), all(table, "td a").length];
    });
    expect(months).toHaveLength(12);
    expect(months[5]).toEqual(["3 articles", "/archive/archive/2016/06/", 2]);
    expect(months.filter((m) => m[1] !== undefined)).toHaveLength(1);
    expect(months[0]).toEqual(["0 articles", undefined, 0]);
    expect(hrefs(page, "table.calendar--small td a")).toEqual([
      "/archive/2016/06/03/",
      "/archive/2016/06/14/",
    ]);
    expect(hrefs(page, ".period-nav a")).toEqual(["/archive/2015/", "/archive/2019/"]);
    expect(all(page, ".period-nav a").map((a) => text(a))).toEqual(["← 2015", "2019 →"]);
    expect(hasPage(dist, "/archive/2017/")).toBe(false);
    expect(hasPage(dist, "/archive/2018/")).toBe(false);
    const y2019 = await readPage(dist, "/archive/2019/");
    expect(hrefs(y2019, ".period-nav a")).toEqual(["/archive/2016/", "/archive/2021/"]);
  });

  it("lists a year's headlines after its calendars, newest first, paginated at …/page/N/", async () => {
    const first = await readPage(dist, "/archive/2016/");
    const second = await readPage(dist, "/archive/2016/page/2/");
    expect(cardLinks(first)).toEqual(["/2016/06/14/late-evening-filing/", "/2016/06/14/morning-briefing/"]);
    expect(cardLinks(second)).toEqual(["/2016/06/03/early-june-notice/"]);
    expect(text(one(first, "h2.list-heading"))).toBe("Articles, page 1 of 2");
    expect(hrefs(first, '.pagination a[rel="next"]')).toEqual(["/archive/2016/page/2/"]);
    expect(hrefs(second, '.pagination a[rel="prev"]')).toEqual(["/archive/2016/"]);
    // The calendars are the year's first page; its later pages are headlines only.
    expect(all(second, "table.calendar--small")).toHaveLength(0);
    expect(text(one(second, "title"))).toContain("2016, page 2 of 2");
    expect(hasPage(dist, "/archive/2019/page/2/")).toBe(false);
  });

  it("draws a month as a calendar from Monday, linking the days that have articles", async () => {
    const page = await readPage(dist, "/archive/2016/06/");
    expect(text(one(page, "h1"))).toBe("June 2016");
    expect(all(page, ".calendar thead th").map((th) => text(th))).toEqual([
      "Mon",
      "Tue",
      "Wed",
      "Thu",
      "Fri",
      "Sat",
      "Sun",
    ]);
    const rows = all(page, ".calendar tbody tr").map((tr) => all(tr, "td").map((td) => text(td)));
    // 1 June 2016 was a Wednesday; 30 June a Thursday.
    expect(rows[0]).toEqual(["", "", "1", "2", "3", "4", "5"]);
    expect(rows.at(-1)).toEqual(["27", "28", "29", "30", "", "", ""]);
    expect(hrefs(page, ".calendar a")).toEqual(["/archive/2016/06/03/", "/archive/2016/06/14/"]);
    expect(all(page, ".calendar a").map((a) => attr(a, "ariaLabel"))).toEqual([
      "3 June 2016: 1 article",
      "14 June 2016: 2 articles",
    ]);
  });

  it("lists a month's articles newest first, paginated, and steps to the nearest months with articles", async () => {
    const first = await readPage(dist, "/archive/2016/06/");
    const second = await readPage(dist, "/archive/2016/06/page/2/");
    expect(cardLinks(first)).toEqual(["/2016/06/14/late-evening-filing/", "/2016/06/14/morning-briefing/"]);
    expect(cardLinks(second)).toEqual(["/2016/06/03/early-june-notice/"]);
    expect(text(one(first, ".pagination [aria-current]"))).toBe("Page 1 of 2");
    expect(hrefs(first, '.pagination a[rel="next"]')).toEqual(["/archive/2016/06/page/2/"]);
    expect(hrefs(second, '.pagination a[rel="prev"]')).toEqual(["/archive/2016/06/"]);
    expect(hasPage(dist, "/archive/2016/06/page/1/")).toBe(false);
    expect(hrefs(first, ".period-nav a")).toEqual(["/archive/2015/03/", "/archive/2019/05/"]);
    expect(hasPage(dist, "/archive/2016/05/")).toBe(false);
  });

  it("shows a month with one article without pagination, between its neighbours", async () => {
    const page = await readPage(dist, "/archive/2019/05/");
    expect(cardLinks(page)).toEqual(["/2019/05/02/harbour-light-returns/"]);
    expect(all(page, ".pagination")).toEqual([]);
    expect(hrefs(page, ".calendar a")).toEqual(["/archive/2019/05/02/"]);
    expect(hrefs(page, ".period-nav a")).toEqual(["/archive/2016/06/", "/archive/2021/02/"]);
    expect(hrefs(page, ".breadcrumbs a")).toEqual(["/archive/", "/archive/2019/", "/archive/2019/05/"]);
  });

  it("lists a day's articles by the day as written, and steps to the nearest days with articles", async () => {
    const page = await readPage(dist, "/archive/2016/06/14/");
    expect(text(one(page, "h1"))).toBe("14 June 2016");
    expect(cardLinks(page)).toEqual(["/2016/06/14/late-evening-filing/", "/2016/06/14/morning-briefing/"]);
    expect(hrefs(page, ".period-nav a")).toEqual(["/archive/2016/06/03/", "/archive/2019/05/02/"]);
    // 22:45 at -04:00 on 2 October is 3 October in UTC; the archive keeps the written day.
    const october = await readPage(dist, "/archive/2024/10/02/");
    expect(cardLinks(october)).toEqual(["/2024/10/02/moved-story/"]);
    expect(hasPage(dist, "/archive/2024/10/03/")).toBe(false);
    expect(hasPage(dist, "/archive/2016/06/15/")).toBe(false);
  });
});

describe("browsing by label", () => {
  it("indexes topics alphabetically with counts that leave the draft out", async () => {
    const page = await readPage(dist, "/topics/");
    expect(text(one(page, "h1"))).toBe("Topics");
    expect(entries(page, ".label-list")).toEqual([
      ["corrections", "1 article", "/topics/corrections/"],
      ["ferries", "1 article", "/topics/ferries/"],
      ["ferries & ports <tag>", "1 article", "/topics/ferries-and-ports-tag/"],
      ["harbour-works", "2 articles", "/topics/harbour-works/"],
      ["heritage", "1 article", "/topics/heritage/"],
      ["night-desk", "2 articles", "/topics/night-desk/"],
      ['quote"mark ]]>', "1 article", "/topics/quote-mark/"],
      ["testing", "6 articles", "/topics/testing/"],
      ["transport", "2 articles", "/topics/transport/"],
    ]);
    expect(hasPage(dist, "/topics/secret-draft-topic/")).toBe(false);
  });

  it("pages a topic's articles newest first with rel links and a visible page count", async () => {
    const pages = await Promise.all(
      ["/topics/testing/", "/topics/testing/2/", "/topics/testing/3/"].map((p) => readPage(dist, p)),
    );
    expect(pages.flatMap(cardLinks)).toEqual([
      "/2024/10/20/ferry-timetable/",
      "/2024/10/02/moved-story/",
      "/2023/05/17/arabic-bulletin/",
      "/2021/02/08/corrected-report/",
      "/2016/06/14/late-evening-filing/",
      "/2016/06/14/morning-briefing/",
    ]);
    expect(text(one(pages[1]!, "h1"))).toBe("testing");
    expect(text(one(pages[1]!, ".pagination [aria-current]"))).toBe("Page 2 of 3");
    expect(hrefs(pages[1]!, '.pagination a[rel="prev"]')).toEqual(["/topics/testing/"]);
    expect(hrefs(pages[1]!, '.pagination a[rel="next"]')).toEqual(["/topics/testing/3/"]);
    expect(hasPage(dist, "/topics/testing/1/")).toBe(false);
    expect(hasPage(dist, "/topics/testing/4/")).toBe(false);
  });

  it("gives names with accents and other scripts ASCII slugs, and counts without the draft", async () => {
    const authors = await readPage(dist, "/authors/");
    expect(entries(authors, ".label-list")).toEqual([
      ["Ann Lee", "1 article", "/authors/ann-lee/"],
      ["陈静", "1 article", "/authors/chenjing/"],
      ["José Álvarez", "2 articles", "/authors/jose-alvarez/"],
      ["Lars Nilsson", "1 article", "/authors/lars-nilsson/"],
      ["Maria Okafor", "1 article", "/authors/maria-okafor/"],
      ['O\'Brien "Bobby" </script>', "1 article", "/authors/o-brien-bobby-script/"],
      ["Priya Raman", "1 article", "/authors/priya-raman/"],
      ["Rosa Delgado", "1 article", "/authors/rosa-delgado/"],
      ["سارة الخطيب", "1 article", "/authors/srh-lkhtyb/"],
      ["Tomás Ferreira", "1 article", "/authors/tomas-ferreira/"],
      ["Zoë <Ünal> & Søn", "1 article", "/authors/zoe-unal-and-son/"],
      ["Zoë Ångström", "2 articles", "/authors/zoe-angstrom/"],
    ]);
    const jose = await readPage(dist, "/authors/jose-alvarez/");
    expect(text(one(jose, "h1"))).toBe("José Álvarez");
    expect(cardLinks(jose)).toEqual(["/2019/05/02/harbour-light-returns/", "/2016/06/14/morning-briefing/"]);
    const places = await readPage(dist, "/places/");
    expect(entries(places, ".label-list")).toEqual([
      ["Amman", "2 articles", "/places/amman/"],
      ["Beijing", "2 articles", "/places/beijing/"],
      ["Brannock Island", "1 article", "/places/brannock-island/"],
      ["China", "2 articles", "/places/china/"],
      ["Kellsport", "2 articles", "/places/kellsport/"],
      ["Kraków", "1 article", "/places/krakow/"],
      ["Łódź", "1 article", "/places/lodz/"],
      ["القدس", "1 article", "/places/lqds/"],
      ["New York", "1 article", "/places/new-york/"],
      ["Queens", "2 articles", "/places/queens/"],
    ]);
    // Filed under the initial of the address, so a name in another script has a place too.
    expect(all(places, ".letter h2").map((h) => text(h))).toEqual(["A", "B", "C", "K", "L", "N", "Q"]);
  });

  it("has an index for every kind of label, each linking to the others", async () => {
    const expected: Record<string, [string, string, string?][]> = {
      sections: [
        ['News & "Views" </script>', "1 article", "/sections/news-and-views-script/"],
        ["Transport", "1 article", "/sections/transport/"],
        ["World", "1 article", "/sections/world/"],
      ],
      agencies: [
        ["Coastline News Service", "1 article", "/agencies/coastline-news-service/"],
        ["Fixture Wire", "2 articles", "/agencies/fixture-wire/"],
        ["Wire & Co <Ltd> ]]>", "1 article", "/agencies/wire-and-co-ltd/"],
      ],
      people: [
        ["Ama Mensah", "2 articles", "/people/ama-mensah/"],
        ['Ana "La Jefa" Ruiz </script>', "1 article", "/people/ana-la-jefa-ruiz-script/"],
        ["Ines Varga", "1 article", "/people/ines-varga/"],
        ["Rosa Delgado", "1 article", "/people/rosa-delgado/"],
        ["Zoë Ångström", "1 article", "/people/zoe-angstrom/"],
      ],
      organizations: [
        ["Fixture Wire", "1 article", "/organizations/fixture-wire/"],
        ["Kellsport Harbour Board", "1 article", "/organizations/kellsport-harbour-board/"],
        ["Smith & Sons </script>", "1 article", "/organizations/smith-and-sons-script/"],
      ],
    };
    for (const [kind, list] of Object.entries(expected)) {
      const page = await readPage(dist, `/${kind}/`);
      expect(entries(page, ".label-list"), kind).toEqual(list);
      expect(hrefs(page, ".browse-nav a")).toEqual([
        "/archive/",
        "/sections/",
        "/topics/",
        "/authors/",
        "/agencies/",
        "/places/",
        "/people/",
        "/organizations/",
      ]);
    }
  });
});

describe("links on an article", () => {
  it("links its byline, agency, topics, people, organisations and places to their pages", async () => {
    const page = await readPage(dist, "/2016/06/14/late-evening-filing/");
    expect(hrefs(page, ".article__meta .byline a")).toEqual(["/authors/rosa-delgado/"]);
    expect(hrefs(page, ".article__meta .agency a")).toEqual(["/agencies/fixture-wire/"]);
    expect(hrefs(page, ".article__terms a")).toEqual([
      "/topics/testing/",
      "/topics/night-desk/",
      "/people/rosa-delgado/",
      "/people/ama-mensah/",
      "/organizations/fixture-wire/",
      "/places/new-york/",
      "/places/queens/",
    ]);
    const several = await readPage(dist, "/2021/02/08/corrected-report/");
    expect(text(one(several, ".article__meta .byline [data-pagefind-meta]"))).toBe(
      "Lars Nilsson, Priya Raman and Ann Lee",
    );
    expect(hrefs(several, ".article__meta .byline a")).toEqual([
      "/authors/lars-nilsson/",
      "/authors/priya-raman/",
      "/authors/ann-lee/",
    ]);
  });

  it("links its day, month and year in the archive, and the articles before and after it", async () => {
    const page = await readPage(dist, "/2016/06/14/late-evening-filing/");
    const aside = one(page, "aside.article-links");
    expect(hrefs(page, 'nav[aria-label="This date in the archive"] a')).toEqual([
      "/archive/2016/06/14/",
      "/archive/2016/06/",
      "/archive/2016/",
    ]);
    expect(hrefs(aside, 'a[rel="prev"]')).toEqual(["/2016/06/14/morning-briefing/"]);
    expect(hrefs(aside, 'a[rel="next"]')).toEqual(["/2019/05/02/harbour-light-returns/"]);
    const oldest = await readPage(dist, "/2013/07/04/harbour-exhibition-zh/");
    expect(all(oldest, 'aside a[rel="prev"]')).toEqual([]);
    const newest = await readPage(dist, "/2024/11/05/ferry-figures-explained/");
    expect(all(newest, 'aside a[rel="next"]')).toEqual([]);
  });

  it("shows up to five related articles, most shared labels first, then the closest in time", async () => {
    const page = await readPage(dist, "/2016/06/14/late-evening-filing/");
    // The morning briefing shares two topics, a person and a place; the others share "testing",
    // in order of distance in time.
    expect(hrefs(page, ".related a")).toEqual([
      "/2016/06/14/morning-briefing/",
      "/2021/02/08/corrected-report/",
      "/2023/05/17/arabic-bulletin/",
      "/2024/10/02/moved-story/",
      "/2024/10/20/ferry-timetable/",
    ]);
    const alone = await readPage(dist, "/2014/11/20/feeds-required-only/");
    expect(all(alone, ".related")).toEqual([]);
  });
});

describe("on this day", () => {
  it("writes one small file per day of the year, newest first, without drafts", async () => {
    const june14 = JSON.parse(await readFile(join(dist, "on-this-day/06-14.json"), "utf8")) as unknown;
    expect(june14).toEqual([
      {
        title: "A story filed late in the evening, New York time",
        href: `${base}/2016/06/14/late-evening-filing/`,
        year: 2016,
        date: "14 June 2016",
        lang: "en",
        dir: "ltr",
      },
      {
        title: "Morning briefing from the ferry office",
        href: `${base}/2016/06/14/morning-briefing/`,
        year: 2016,
        date: "14 June 2016",
        lang: "en",
        dir: "ltr",
      },
    ]);
    expect(JSON.parse(await readFile(join(dist, "on-this-day/01-15.json"), "utf8"))).toEqual([]);
    expect(JSON.parse(await readFile(join(dist, "on-this-day/02-29.json"), "utf8"))).toEqual([]);
  });

  it("gives the home page a hidden section, after its first two articles, that a script fills from today's file", async () => {
    const home = await readPage(dist, "/");
    const item = one(home, ".card-list > li.on-this-day");
    expect(item.properties.hidden).toBe(true);
    expect(attr(item, "dataSrc")).toBe(`${base}/on-this-day/MM-DD.json`);
    expect(text(one(item, "section h2"))).toBe("On this day");
    expect(all(home, ".card-list > li").indexOf(item)).toBe(2);
    expect(all(await readPage(dist, "/page/2/"), ".on-this-day")).toEqual([]);
  });
});
