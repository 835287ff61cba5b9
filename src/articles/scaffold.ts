import { stringify } from "yaml";
import { slugifyName } from "../lib/slugs";

/** The calendar day ("2026-11-26") that it is at `epochMs` in `timezone`. */
export function calendarDayIn(epochMs: number, timezone: string): string {
  // en-CA formats a date as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(epochMs);
}

/** Longest slug a headline gives; a longer one is cut at a word. */
const MAX_SLUG_LENGTH = 80;

/** The slug a headline gives ("Harbour light shines again" → "harbour-light-shines-again"), empty when it has no usable letters. */
export function slugFromHeadline(headline: string): string {
  const slug = slugifyName(headline);
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
  return cut.slice(0, cut.lastIndexOf("-") > 0 ? cut.lastIndexOf("-") : MAX_SLUG_LENGTH);
}

/** A YAML scalar for one line of frontmatter, quoted only when YAML needs it. */
function yamlValue(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/**
 * A new draft article: the headline and today's date set, every other field shown as a
 * commented example, and a body that says what to write.
 */
export function scaffoldArticle({ title, day }: { title: string; day: string }): string {
  return `---
title: ${yamlValue(title)} # required: the headline
published: ${day} # required: YYYY-MM-DD, or a date-time with offset (${day}T09:30:00+01:00); gives the URL's date
draft: true # remove this line (or write false) when the article may be published
# dek: One sentence under the headline.
# updated: ${day} # not before published
# byline: [Ann Lee, Bo Chen] # one name or a list
# agency: Kellsport Wire # the wire service or originating news organisation
# dateline: Kellsport # where the story was filed
# section: Local # one value
# topics: [harbours, transport]
# people: [Ann Lee]
# organizations: [Kellsport Harbour Board]
# places: [Kellsport]
# images: # the first one is the lead image
#   - src: ./images/photo.jpg # a file beside the article; leave out for a photo the archive does not hold
#     alt: What the photo shows, for readers who cannot see it # required with src
#     caption: What the photo shows, in the archive's words.
#     credit: Photo by Ann Lee
# source: # where an archived copy came from
#   publisher: Kellsport Gazette
#   url: https://gazette.example.org/story
#   retrieved: ${day}
# rights: © ${day.slice(0, 4)} Kellsport Wire. All rights reserved.
# language: en # BCP 47 tag; the site's default when left out
# slug: a-shorter-address # default: the file name without .md
# aliases: [/news/old-address.html] # old addresses of this article that redirect here
# corrections:
#   - date: ${day}
#     text: An earlier version misspelled a name.
---

Write the article here, in Markdown: paragraphs separated by a blank line, \`## Section\` headings.
Link to another article by its address, \`[the talks](/2016/06/14/some-slug/)\`; show a photo kept
beside this file with \`![what it shows](./images/photo.jpg)\`.
`;
}
