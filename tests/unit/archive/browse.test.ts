import { describe, expect, it } from "vitest";
import {
  allMonthDays,
  findRelated,
  firstDayOfWeek,
  groupByDate,
  groupByMonthDay,
  monthCalendar,
  neighboursOf,
  yearRange,
} from "../../../src/archive/browse";
import { parseWrittenDate } from "../../../src/lib/dates";

interface Fake {
  id: string;
  data: {
    published: ReturnType<typeof parseWrittenDate>;
    topics: string[];
    people: string[];
    places: string[];
  };
}

function article(id: string, published: string, labels: Partial<Omit<Fake["data"], "published">> = {}): Fake {
  return {
    id,
    data: {
      published: parseWrittenDate(published, "UTC"),
      topics: labels.topics ?? [],
      people: labels.people ?? [],
      places: labels.places ?? [],
    },
  };
}

const ids = (list: readonly Fake[]) => list.map((a) => a.id);

describe("groupByDate", () => {
  // Newest first, as the archive list is.
  const articles = [
    article("c", "2016-06-14T23:30:00-05:00"),
    article("b", "2016-06-14T08:00:00+02:00"),
    article("a", "2016-06-03"),
    article("old", "2014-03-09"),
  ];

  it("groups by the day as written, oldest period first, keeping the list's order inside", () => {
    const years = groupByDate(articles);
    expect(years.map((y) => [y.year, y.count])).toEqual([
      [2014, 1],
      [2016, 3],
    ]);
    const june = years[1]!.months[0]!;
    expect([june.year, june.month]).toEqual([2016, 6]);
    expect(ids(june.articles)).toEqual(["c", "b", "a"]);
    expect(june.days.map((d) => [d.day, ids(d.articles)])).toEqual([
      [3, ["a"]],
      [14, ["c", "b"]],
    ]);
  });

  it("leaves out empty periods and gives nothing for no articles", () => {
    expect(groupByDate(articles)[0]!.months.map((m) => m.month)).toEqual([3]);
    expect(groupByDate([])).toEqual([]);
  });
});

describe("neighboursOf and yearRange", () => {
  it("gives the neighbouring items, none past either end", () => {
    expect(neighboursOf(["a", "b", "c"], 1)).toEqual({ previous: "a", next: "c" });
    expect(neighboursOf(["a", "b", "c"], 0)).toEqual({ next: "b" });
    expect(neighboursOf(["a"], 0)).toEqual({});
  });

  it("spans the first to the last year with the gaps", () => {
    expect(yearRange([{ year: 2019 }, { year: 2016 }])).toEqual([2016, 2017, 2018, 2019]);
    expect(yearRange([])).toEqual([]);
  });
});

describe("monthCalendar", () => {
  it("lays a month out in weeks from Monday", () => {
    // June 2016 began on a Wednesday and has 30 days.
    const weeks = monthCalendar(2016, 6);
    expect(weeks).toHaveLength(5);
    expect(weeks[0]).toEqual([null, null, 1, 2, 3, 4, 5]);
    expect(weeks[4]).toEqual([27, 28, 29, 30, null, null, null]);
  });

  it("starts weeks on Sunday when asked, and knows leap years", () => {
    expect(monthCalendar(2016, 6, 7)[0]).toEqual([null, null, null, 1, 2, 3, 4]);
    expect(
      monthCalendar(2024, 2)
        .flat()
        .filter((d) => d !== null),
    ).toHaveLength(29);
    expect(
      monthCalendar(2023, 2)
        .flat()
        .filter((d) => d !== null),
    ).toHaveLength(28);
    // February 2021 began on a Monday and fills exactly four weeks.
    expect(monthCalendar(2021, 2)).toHaveLength(4);
  });

  it("takes the first day of the week from the locale", () => {
    expect(firstDayOfWeek("en-GB")).toBe(1);
    expect(firstDayOfWeek("en-US")).toBe(7);
  });
});

describe("findRelated", () => {
  it("ranks by shared topics, people and places, then closeness in time, then the newer", () => {
    const base = article("base", "2020-06-01", { topics: ["a", "b"], people: ["P"], places: ["X"] });
    const three = article("three", "2010-01-01", { topics: ["a", "b"], people: ["P"] });
    const oneNear = article("one-near", "2020-05-01", { topics: ["a"] });
    const oneFar = article("one-far", "2000-01-01", { places: ["X"] });
    const oneAfter = article("one-after", "2020-07-01", { topics: ["b"] });
    const none = article("none", "2020-06-01", { topics: ["z"] });
    const related = findRelated([base, three, oneNear, oneFar, oneAfter, none]);
    // Each of the rest shares one label: one-after (30 days away) is nearer than one-near (31).
    expect(ids(related.get(base)!)).toEqual(["three", "one-after", "one-near", "one-far"]);
    expect(ids(related.get(none)!)).toEqual([]);
  });

  it("gives at most the limit, never the article itself", () => {
    const list = Array.from({ length: 8 }, (_, i) =>
      article(`n${i}`, `2020-01-0${i + 1}`, { topics: ["t"] }),
    );
    const related = findRelated(list, 5);
    expect(ids(related.get(list[0]!)!)).toEqual(["n1", "n2", "n3", "n4", "n5"]);
    for (const [a, others] of related) expect(others).not.toContain(a);
  });

  it("compares a label held by many articles only with the nearest in time", () => {
    // 200 articles a day apart share one topic: the related ones are the nearest days.
    const list = Array.from({ length: 200 }, (_, i) =>
      article(`d${i}`, new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10), { topics: ["t"] }),
    );
    const related = findRelated(list, 4);
    expect(ids(related.get(list[100]!)!)).toEqual(["d101", "d99", "d102", "d98"]);
  });
});

describe("findRelated on a large label", () => {
  it("scores a candidate on every label it shares, even one far away in time", () => {
    // 200 articles between them share one topic each; "far" shares both topics and a person.
    const base = article("base", "2020-01-01", { topics: ["a", "b"], people: ["P"] });
    const far = article("far", "2021-01-01", { topics: ["a", "b"], people: ["P"] });
    const between = Array.from({ length: 200 }, (_, i) =>
      article(`m${i}`, new Date(Date.UTC(2020, 0, 2 + i)).toISOString().slice(0, 10), {
        topics: [i % 2 === 0 ? "a" : "b"],
      }),
    );
    const related = findRelated([base, ...between, far], 5);
    expect(ids(related.get(base)!)).toEqual(["far", "m0", "m1", "m2", "m3"]);
  });
});

describe("on this day grouping", () => {
  it("has every day of a leap year", () => {
    const days = allMonthDays();
    expect(days).toHaveLength(366);
    expect(days[0]).toBe("01-01");
    expect(days).toContain("02-29");
    expect(days.at(-1)).toBe("12-31");
  });

  it("groups by month and day across years, in the given order", () => {
    const groups = groupByMonthDay([
      article("2019", "2019-06-14"),
      article("2016", "2016-06-14T23:30:00-05:00"),
      article("other", "2016-06-15"),
    ]);
    expect(ids(groups.get("06-14")!)).toEqual(["2019", "2016"]);
    expect(ids(groups.get("06-15")!)).toEqual(["other"]);
    expect(groups.get("01-01")).toEqual([]);
  });
});
