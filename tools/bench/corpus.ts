import { slugifyName } from "../../src/lib/slugs";
import { articlePath, pad2 } from "../../src/lib/urls";

/**
 * A synthetic archive for the benchmark: invented words, names and places, deterministic from a
 * seed. Article `i` depends only on the seed and `i` (each article has its own random stream), so
 * the corpus of size N is the first N articles of any larger one: prefix-stable.
 */

/** A random number generator: each call returns a float in [0, 1). */
export type Random = () => number;

/** sfc32 seeded from a string through cyrb128: small, fast and good enough for synthetic data. */
export function createRandom(seed: string): Random {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  let a = (h1 ^ h2 ^ h3 ^ h4) >>> 0;
  let b = (h2 ^ h1) >>> 0;
  let c = (h3 ^ h1) >>> 0;
  let d = (h4 ^ h1) >>> 0;
  const next: Random = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

/** A whole number in [min, max]. */
function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** One element of a non-empty list, uniformly. */
function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/**
 * Draws indexes 0…n-1 with probability proportional to 1/(rank+1)^exponent: index 0 is the most
 * frequent, as the commonest word of a language is.
 */
export function createZipfSampler(n: number, exponent: number): (random: Random) => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let rank = 0; rank < n; rank++) {
    total += 1 / Math.pow(rank + 1, exponent);
    cumulative[rank] = total;
  }
  return (random) => {
    const target = random() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Distinct items drawn from `sample` until there are `n` (by slug, so two never share a label page). */
function distinct(n: number, random: Random, sample: (random: Random) => string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (let tries = 0; out.length < n; tries++) {
    if (tries > n * 50) throw new Error(`could not invent ${n} distinct values`);
    const value = sample(random);
    const key = slugifyName(value);
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}

const ONSETS = [
  "b",
  "c",
  "d",
  "f",
  "g",
  "h",
  "j",
  "k",
  "l",
  "m",
  "n",
  "p",
  "r",
  "s",
  "t",
  "v",
  "w",
  "z",
  "br",
  "ch",
  "cl",
  "dr",
  "fl",
  "gr",
  "kr",
  "pl",
  "pr",
  "sh",
  "st",
  "th",
  "tr",
  "",
  "",
  "",
];
const VOWELS = ["a", "e", "i", "o", "u", "a", "e", "o", "ai", "ea", "ou", "io"];
const CODAS = ["", "", "", "", "n", "r", "l", "s", "m", "t", "nd", "rk", "st"];

/** One pronounceable syllable. */
function syllable(random: Random): string {
  return pick(random, ONSETS) + pick(random, VOWELS) + pick(random, CODAS);
}

/** An invented word of `min`–`max` syllables, at least two letters, most starting with a consonant. */
function inventWord(random: Random, min: number, max: number): string {
  let word = "";
  const count = randomInt(random, min, max);
  for (let i = 0; i < count; i++) word += syllable(random);
  return word.length < 2 || (/^[aeiou]{2}/.test(word) && random() < 0.8)
    ? inventWord(random, min, max)
    : word;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Everything the articles draw from: invented words and names, fixed by the seed alone. */
export interface CorpusLexicon {
  /** Words by frequency rank: index 0 is the commonest (and among the shortest). */
  words: string[];
  bylines: string[];
  /** Places: datelines and the `places` field. */
  places: string[];
  people: string[];
  organizations: string[];
  agencies: string[];
  /** Topics by frequency rank. */
  topics: string[];
  sections: string[];
}

/** Sizes of the invented lexicon. */
export const LEXICON_SIZES = {
  words: 30_000,
  bylines: 400,
  places: 300,
  people: 3_000,
  organizations: 400,
  agencies: 8,
  topics: 60,
} as const;

/** Sections are plain English desk names, as any newspaper has. */
const SECTIONS = [
  "World",
  "Politics",
  "Business",
  "Science",
  "Health",
  "Culture",
  "Sport",
  "Technology",
  "Environment",
  "Local",
];

const ORGANIZATION_FORMS: ((name: string) => string)[] = [
  (n) => `Ministry of ${n}`,
  (n) => `${n} Council`,
  (n) => `${n} Holdings`,
  (n) => `${n} Institute`,
  (n) => `${n} Union`,
  (n) => `Bank of ${n}`,
  (n) => `${n} Foundation`,
];
const AGENCY_FORMS: ((name: string) => string)[] = [
  (n) => `${n} Press`,
  (n) => `${n} News Service`,
  (n) => `${n} Wire`,
];

const personName = (random: Random): string =>
  `${capitalize(inventWord(random, 1, 3))} ${capitalize(inventWord(random, 2, 3))}`;

/** The words and names of a corpus; the same seed always gives the same lexicon. */
function createLexicon(seed: string): CorpusLexicon {
  const random = createRandom(`${seed}:lexicon`);
  const invented = distinct(LEXICON_SIZES.words, random, (r) => inventWord(r, 1, 4));
  // Common words tend to be short, as in any language: rank by length plus some noise.
  const words = invented
    .map((word) => ({ word, key: word.length + random() * 4 }))
    .sort((a, b) => a.key - b.key)
    .map((entry) => entry.word);
  return {
    words,
    bylines: distinct(LEXICON_SIZES.bylines, random, personName),
    places: distinct(LEXICON_SIZES.places, random, (r) =>
      r() < 0.2
        ? `${capitalize(inventWord(r, 1, 2))} ${capitalize(inventWord(r, 2, 3))}`
        : capitalize(inventWord(r, 2, 3)),
    ),
    people: distinct(LEXICON_SIZES.people, random, personName),
    organizations: distinct(LEXICON_SIZES.organizations, random, (r) =>
      pick(r, ORGANIZATION_FORMS)(capitalize(inventWord(r, 2, 3))),
    ),
    agencies: distinct(LEXICON_SIZES.agencies, random, (r) =>
      pick(r, AGENCY_FORMS)(capitalize(inventWord(r, 2, 2))),
    ),
    topics: distinct(LEXICON_SIZES.topics, random, (r) =>
      r() < 0.25 ? `${inventWord(r, 1, 2)}-${inventWord(r, 2, 3)}` : inventWord(r, 2, 4),
    ),
    sections: SECTIONS,
  };
}

/** First day of the 30 years the articles are spread over (UTC). */
const FIRST_DAY_MS = Date.UTC(1996, 0, 1);
/** Days in 1996-01-01 … 2025-12-31. */
const DAYS = Math.round((Date.UTC(2026, 0, 1) - FIRST_DAY_MS) / 86_400_000);
/** Offsets written on date-times; a quarter of articles carry a bare date. */
const OFFSETS = [
  "Z",
  "+00:00",
  "-05:00",
  "-08:00",
  "+01:00",
  "+02:00",
  "+05:30",
  "+08:00",
  "+09:00",
  "-03:00",
];
/** Most articles are in English; a few in other languages, as an international archive has. */
const LANGUAGES: [string, number][] = [
  ["fr", 0.02],
  ["es", 0.02],
  ["de", 0.01],
];

/** A calendar day as an article's date is written (its own local date). */
export interface CorpusDay {
  year: number;
  month: number;
  date: number;
}

function dayAt(offsetDays: number): CorpusDay {
  const d = new Date(FIRST_DAY_MS + offsetDays * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() };
}

function writeDay({ year, month, date }: CorpusDay): string {
  return `${year}-${pad2(month)}-${pad2(date)}`;
}

/** A plain YAML scalar when it is safely one, otherwise a double-quoted one. */
function yamlScalar(value: string): string {
  return /^[A-Za-z][A-Za-z0-9 .,'-]*[A-Za-z0-9.]$/.test(value) &&
    !/^(true|false|null|yes|no|on|off|y|n)$/i.test(value) &&
    !value.includes(": ") &&
    !value.includes(" #")
    ? value
    : JSON.stringify(value);
}

function yamlList(values: readonly string[]): string {
  return `[${values.map(yamlScalar).join(", ")}]`;
}

/** The address-making part of an article, which other articles link to. */
export interface ArticleHead {
  index: number;
  title: string;
  slug: string;
  published: CorpusDay;
  /** Root-relative URL path, `/YYYY/MM/DD/<slug>/`. */
  path: string;
}

/** A corpus generator: the lexicon and samplers made once, then articles by index. */
export interface CorpusGenerator {
  seed: string;
  lexicon: CorpusLexicon;
  /** Title, slug and date of article `index`, without its body. */
  head(index: number): ArticleHead;
  /** The whole file of article `index`: its path under the articles folder and its Markdown. */
  article(index: number): { path: string; content: string };
  /** A word common in every corpus of this seed, to search for. */
  commonWord(): string;
}

/** Options of a corpus generator. */
export interface CorpusOptions {
  /**
   * Articles from index `from` on are dated `day` instead of their own random date, all else
   * unchanged: a day's news added to the corpus of `from` articles (links among them stay valid,
   * as every article's address comes from the same dates).
   */
  redated?: { from: number; day: CorpusDay };
}

/** Makes the generator for `seed`: build it once, then ask for as many articles as needed. */
export function createCorpusGenerator(seed: string, options: CorpusOptions = {}): CorpusGenerator {
  const { redated } = options;
  const lexicon = createLexicon(seed);
  const wordRank = createZipfSampler(lexicon.words.length, 1.05);
  const topicRank = createZipfSampler(lexicon.topics.length, 1);
  const bylineRank = createZipfSampler(lexicon.bylines.length, 0.8);
  const placeRank = createZipfSampler(lexicon.places.length, 0.9);
  const personRank = createZipfSampler(lexicon.people.length, 0.9);
  const orgRank = createZipfSampler(lexicon.organizations.length, 0.9);
  const word = (random: Random): string => lexicon.words[wordRank(random)] as string;
  const some = (
    random: Random,
    items: readonly string[],
    rank: (r: Random) => number,
    min: number,
    max: number,
  ): string[] => {
    const count = randomInt(random, min, max);
    const chosen = new Set<string>();
    for (let i = 0; i < count * 3 && chosen.size < count; i++) chosen.add(items[rank(random)] as string);
    return [...chosen];
  };
  const words = (random: Random, min: number, max: number): string[] => {
    const count = randomInt(random, min, max);
    const out: string[] = [];
    for (let i = 0; i < count; i++) out.push(word(random));
    return out;
  };

  const head = (index: number): ArticleHead => {
    const random = createRandom(`${seed}:${index}:head`);
    const titleWords = words(random, 5, 11);
    const title = capitalize(titleWords.join(" "));
    const slug = `${titleWords.slice(0, 6).join("-")}-${index}`;
    const drawn = dayAt(Math.floor(random() * DAYS));
    const published = redated && index >= redated.from ? { ...redated.day } : drawn;
    return { index, title, slug, published, path: articlePath({ published, slug }) };
  };

  const sentence = (random: Random): string => `${capitalize(words(random, 6, 24).join(" "))}.`;

  const body = (random: Random, index: number): string => {
    const paragraphs: string[] = [];
    const count = randomInt(random, 6, 15);
    // About one article in four has a subheading, one in five a link to an earlier article.
    const subheadingAt = random() < 0.25 ? randomInt(random, 2, count - 1) : -1;
    const linkAt = index > 0 && random() < 0.2 ? randomInt(random, 0, count - 1) : -1;
    for (let p = 0; p < count; p++) {
      if (p === subheadingAt) paragraphs.push(`## ${capitalize(words(random, 2, 5).join(" "))}`);
      const sentences: string[] = [];
      const n = randomInt(random, 2, 6);
      for (let s = 0; s < n; s++) sentences.push(sentence(random));
      if (p === linkAt) {
        const target = head(randomInt(random, 0, index - 1));
        sentences.push(`See also [${words(random, 2, 4).join(" ")}](${target.path}).`);
      }
      paragraphs.push(sentences.join(" "));
    }
    return paragraphs.join("\n\n");
  };

  const article = (index: number): { path: string; content: string } => {
    const h = head(index);
    const random = createRandom(`${seed}:${index}:body`);
    const day = writeDay(h.published);
    const timed = random() < 0.75;
    const publishedText = timed
      ? `${day}T${pad2(randomInt(random, 0, 23))}:${pad2(randomInt(random, 0, 59))}:00${pick(random, OFFSETS)}`
      : day;
    const agency = lexicon.agencies[Math.floor(Math.pow(random(), 2) * lexicon.agencies.length)] as string;
    const dateline = lexicon.places[placeRank(random)] as string;
    const lines = [
      "---",
      `title: ${yamlScalar(h.title)}`,
      `dek: ${yamlScalar(sentence(random))}`,
      `published: ${publishedText}`,
    ];
    // A day or more later: a bare date on the same day could fall before a timed `published`.
    if (random() < 0.1)
      lines.push(`updated: ${writeDay(dayAt(dayOffset(h.published) + randomInt(random, 1, 30)))}`);
    lines.push(
      `byline: ${yamlList(some(random, lexicon.bylines, bylineRank, 1, 2))}`,
      `agency: ${yamlScalar(agency)}`,
      `dateline: ${yamlScalar(dateline)}`,
      `section: ${pick(random, lexicon.sections)}`,
      `topics: ${yamlList(some(random, lexicon.topics, topicRank, 1, 4))}`,
    );
    const people = some(random, lexicon.people, personRank, 0, 5);
    if (people.length > 0) lines.push(`people: ${yamlList(people)}`);
    const organizations = some(random, lexicon.organizations, orgRank, 0, 3);
    if (organizations.length > 0) lines.push(`organizations: ${yamlList(organizations)}`);
    lines.push(
      `places: ${yamlList([...new Set([dateline, ...some(random, lexicon.places, placeRank, 0, 2)])])}`,
    );
    const images = randomInt(random, 0, 2);
    if (images > 0) {
      lines.push("images:");
      for (let i = 0; i < images; i++) {
        lines.push(
          `  - caption: ${yamlScalar(sentence(random))}`,
          `    credit: ${yamlScalar(`${pick(random, lexicon.bylines)}/${agency}`)}`,
        );
      }
    }
    if (random() < 0.3) {
      lines.push(
        "source:",
        `  publisher: ${yamlScalar(agency)}`,
        `  url: https://${slugifyName(agency)}.example/${h.published.year}/${h.slug}.html`,
        `  retrieved: ${writeDay(dayAt(Math.min(DAYS - 1, dayOffset(h.published) + randomInt(random, 0, 3000))))}`,
      );
    }
    lines.push(`rights: ${yamlScalar(`© ${h.published.year} ${agency}. All rights reserved.`)}`);
    const roll = random();
    let threshold = 0;
    for (const [tag, share] of LANGUAGES) {
      threshold += share;
      if (roll < threshold) {
        lines.push(`language: ${tag}`);
        break;
      }
    }
    if (random() < 0.02) lines.push(`aliases: [/news/${h.published.year}/${h.slug}.html]`);
    if (random() < 0.03) {
      lines.push(
        "corrections:",
        `  - date: ${writeDay(dayAt(dayOffset(h.published) + randomInt(random, 1, 60)))}`,
        `    text: ${yamlScalar(`An earlier version misspelled the name ${pick(random, lexicon.people)}.`)}`,
      );
    }
    lines.push("---", "", body(random, index), "");
    return {
      path: `${h.published.year}/${pad2(h.published.month)}/${h.slug}.md`,
      content: lines.join("\n"),
    };
  };

  const commonWord = (): string => {
    const random = createRandom(`${seed}:query`);
    // One of the commonest words long enough to be a real search (five letters or more).
    const candidates = lexicon.words.filter((w) => w.length >= 5).slice(0, 20);
    return pick(random, candidates);
  };

  return { seed, lexicon, head, article, commonWord };
}

/** The latest of two days. */
export function laterDay(a: CorpusDay, b: CorpusDay): CorpusDay {
  return dayOffset(a) >= dayOffset(b) ? a : b;
}

function dayOffset({ year, month, date }: CorpusDay): number {
  return Math.round((Date.UTC(year, month - 1, date) - FIRST_DAY_MS) / 86_400_000);
}

/**
 * The one-article change of the rebuild step: a sentence appended to the body, the same every
 * time, so a rebuild measures the same edit on every run.
 */
export function editArticle(content: string): string {
  return `${content.trimEnd()}\n\nThis paragraph was added to measure a rebuild after a one-article change.\n`;
}
