import { htmlToMarkdown, htmlToText } from "../body/html-to-markdown";
import { fromIso } from "../dates";
import type { CodedName, ImportRecord } from "../imported-article";
import {
  child,
  childElements,
  descendants,
  path,
  serializeChildren,
  textOf,
  type NameTest,
  type XmlElement,
} from "../xml/element";
import type { FormatContext, XmlFormatReader } from "./format";
import { nitfBodyToHtml } from "./nitf-body";
import { bylineNames } from "../byline-names";
import { ownAlias } from "./own-alias";
import { recordPhotos } from "./photos";

export const NEWSML_G2 = "http://iptc.org/std/nar/2006-10-01/";
const g2 = (local: string): NameTest => ({ local, uri: NEWSML_G2 });
// An IPTC code as a NewsML-G2 qcode: Media Topics (medtop:) and the older Subject Codes (subj:).
const IPTC_CODE = /^(?:medtop|subj):\d{8}$/;

/** The people, organisations, places and topics an item names, and the IPTC codes of those that have one. */
interface Subjects {
  topics: string[];
  people: string[];
  organizations: string[];
  places: string[];
  codes: CodedName[];
}

function emptySubjects(): Subjects {
  return { topics: [], people: [], organizations: [], places: [], codes: [] };
}

function addSubject(subjects: Subjects, kind: CodedName["kind"], name: string, code?: string): void {
  const coded = code !== undefined && IPTC_CODE.test(code);
  // A subject known only by its code is looked up by it in the registry (see ImportNames).
  const written = name === "" && coded ? code : name;
  if (written === "" || subjects[kind].includes(written)) return;
  subjects[kind].push(written);
  if (coded) subjects.codes.push({ kind, name: written, code });
}

/** A concept's name in the item's language when it has one, else its first. */
function conceptName(concept: XmlElement, language: string | undefined): string {
  const names = childElements(concept, g2("name"));
  const inLanguage = names.find(
    (n) => language && (n.attributes["xml:lang"] ?? "").startsWith(language.slice(0, 2)),
  );
  return textOf(inLanguage ?? names[0]) || concept.attributes.literal || "";
}

const KIND_OF_TYPE: Record<string, CodedName["kind"]> = {
  "cpnat:person": "people",
  "cpnat:organisation": "organizations",
  "cpnat:geoArea": "places",
  "cpnat:poi": "places",
  "cpnat:abstract": "topics",
  "cpnat:object": "topics",
  "cpnat:event": "topics",
};

/** Reads NewsML-G2 news items (alone, or in a news message's item set). */
export function createNewsMlReader(context: FormatContext): XmlFormatReader {
  return {
    keep: (element) => element.uri === NEWSML_G2 && element.local === "newsItem",
    read: (item) => readNewsItem(item, context),
  };
}

function readNewsItem(item: XmlElement, context: FormatContext): ImportRecord {
  const line = item.line;
  const meta = child(item, g2("itemMeta"));
  const content = child(item, g2("contentMeta"));
  const itemClass = child(meta, g2("itemClass"))?.attributes.qcode ?? "ninat:text";
  if (itemClass !== "ninat:text")
    return { kind: "skipped", line, reason: `a ${itemClass.replace(/^ninat:/, "")} item, not a story` };
  const status = child(meta, g2("pubStatus"))?.attributes.qcode ?? "stat:usable";
  if (status !== "stat:usable")
    return { kind: "skipped", line, reason: `withdrawn by its provider (${status})` };
  const guid = item.attributes.guid ?? "";
  if (guid === "") return { kind: "failed", line, reason: "the news item has no guid" };
  const language = item.attributes["xml:lang"] ?? child(content, g2("language"))?.attributes.tag;
  const title = textOf(child(content, g2("headline")));
  if (title === "") return { kind: "failed", line, reason: "the news item has no headline" };
  const published = fromIso(
    textOf(child(meta, g2("firstCreated"))) ||
      textOf(child(content, g2("contentCreated"))) ||
      textOf(child(meta, g2("versionCreated"))),
  );
  if (published === undefined)
    return { kind: "failed", line, reason: "the news item has no firstCreated date" };

  const subjects = emptySubjects();
  for (const subject of childElements(content, g2("subject"))) {
    const type =
      subject.attributes.type ?? (IPTC_CODE.test(subject.attributes.qcode ?? "") ? "cpnat:abstract" : "");
    const kind = KIND_OF_TYPE[type];
    if (kind) addSubject(subjects, kind, conceptName(subject, language), subject.attributes.qcode);
  }
  for (const located of childElements(content, g2("located"))) {
    addSubject(subjects, "places", conceptName(located, language));
  }
  const byline = childElements(content, g2("creator"))
    .map((c) => conceptName(c, language))
    .filter((n) => n !== "");
  const by = bylineNames(textOf(child(content, g2("by"))));
  const located = child(content, g2("located"));
  const dateline = textOf(child(content, g2("dateline"))) || (located ? conceptName(located, language) : "");
  const provider = child(meta, g2("provider"));
  const agency =
    textOf(child(content, g2("creditline"))) || (provider && conceptName(provider, language)) || undefined;
  const rights = textOf(path(item, g2("rightsInfo"), g2("copyrightNotice")));
  const holder =
    textOf(path(item, g2("rightsInfo"), g2("copyrightHolder"), g2("name"))) ||
    path(item, g2("rightsInfo"), g2("copyrightHolder"))?.attributes.literal;
  const summary = childElements(content, g2("description")).find(
    (d) => (d.attributes.role ?? "drol:summary") === "drol:summary",
  );
  const link = [...childElements(item, g2("link")), ...childElements(meta, g2("link"))].find((l) =>
    /^https?:/.test(l.attributes.href ?? ""),
  )?.attributes.href;

  const inline = descendants(child(item, g2("contentSet")), g2("inlineXML"))[0];
  const bodyHtml = inline ? inlineBody(inline) : "";
  const body = htmlToMarkdown(bodyHtml);
  const notes: string[] = [];
  if (!inline) notes.push("the item holds no inline text (inlineXML); its body is empty");
  const version = item.attributes.version;
  return {
    kind: "article",
    line,
    article: {
      sourceId: guid,
      ...(version && { version }),
      title,
      ...(summary && textOf(summary) !== "" && { dek: htmlToText(textOf(summary)) }),
      published,
      byline: byline.length > 0 ? byline : by,
      ...(agency && { agency }),
      ...(dateline && { dateline }),
      ...subjects,
      images: recordPhotos(body.images, notes),
      source: {
        publisher: (provider && conceptName(provider, language)) || holder || "NewsML-G2 provider",
        ...(link && { url: link }),
        retrieved: context.today,
      },
      ...((rights || holder) && { rights: rights || `© ${holder}` }),
      ...(language && { language }),
      aliases: ownAlias(link, context.ownHosts),
      body: body.markdown,
      removed: body.removed,
      notes,
    },
  };
}

/** The body an inlineXML holds: NITF's body.content, or an XHTML document's body. */
function inlineBody(inline: XmlElement): string {
  const nitf = descendants(inline, "body.content")[0];
  if (nitf) return nitfBodyToHtml(nitf);
  const body = descendants(inline, "body")[0];
  return body ? serializeChildren(body) : serializeChildren(inline);
}

/** Reads an NITF 3.x document. */
export function createNitfReader(context: FormatContext): XmlFormatReader {
  return {
    keep: (element, ancestors) => ancestors.length === 0 && element.local === "nitf",
    read: (nitf) => readNitf(nitf, context),
  };
}

function readNitf(nitf: XmlElement, context: FormatContext): ImportRecord {
  const line = nitf.line;
  const head = child(nitf, "head");
  const docdata = child(head, "docdata");
  const bodyHead = path(nitf, "body", "body.head");
  const id = child(docdata, "doc-id")?.attributes["id-string"] ?? "";
  if (id === "") return { kind: "failed", line, reason: "the document has no doc-id" };
  const title = textOf(path(bodyHead, "hedline", "hl1")) || textOf(child(head, "title"));
  if (title === "") return { kind: "failed", line, reason: "the document has no headline (hl1)" };
  const dateText =
    child(docdata, "date.issue")?.attributes.norm ??
    child(docdata, "date.release")?.attributes.norm ??
    path(bodyHead, "dateline", "story.date")?.attributes.norm ??
    "";
  const published = fromIso(dateText);
  if (published === undefined) return { kind: "failed", line, reason: "the document has no date.issue" };
  const language =
    nitf.attributes["xml:lang"] ?? nitf.attributes.lang ?? child(head, "meta")?.attributes.lang;

  const subjects = emptySubjects();
  for (const subject of descendants(head, "tobject.subject")) {
    const name =
      subject.attributes["tobject.subject.detail"] ??
      subject.attributes["tobject.subject.matter"] ??
      subject.attributes["tobject.subject.type"] ??
      "";
    const code = subject.attributes["tobject.subject.refnum"];
    addSubject(subjects, "topics", name, code && `subj:${code}`);
  }
  for (const keyword of descendants(docdata, "keyword"))
    addSubject(subjects, "topics", keyword.attributes.key ?? "");
  const identified = child(docdata, "identified-content");
  for (const person of childElements(identified, "person")) addSubject(subjects, "people", textOf(person));
  for (const org of childElements(identified, "org")) addSubject(subjects, "organizations", textOf(org));
  for (const location of childElements(identified, "location")) {
    const parts = ["city", "region", "state", "country"]
      .map((p) => textOf(child(location, p)))
      .filter(Boolean);
    for (const place of parts.length > 0 ? parts : [textOf(location)]) addSubject(subjects, "places", place);
  }
  const byline = childElements(child(bodyHead, "byline"), "person")
    .map((p) => textOf(p))
    .filter(Boolean);
  const bylineText = bylineNames(textOf(child(bodyHead, "byline")));
  const copyright = child(docdata, "doc.copyright");
  const rights = copyright?.attributes.holder
    ? `© ${copyright.attributes.year ? `${copyright.attributes.year} ` : ""}${copyright.attributes.holder}`
    : undefined;
  const distributor = textOf(child(bodyHead, "distributor")) || undefined;
  const version = child(docdata, "du-key")?.attributes.version;
  const content = path(nitf, "body", "body.content");
  const body = htmlToMarkdown(content ? nitfBodyToHtml(content) : "");
  const notes: string[] = [];
  const publisher =
    child(docdata, "doc-id")?.attributes.regsrc ||
    copyright?.attributes.holder ||
    distributor ||
    "NITF source";
  return {
    kind: "article",
    line,
    article: {
      sourceId: id,
      ...(version && { version }),
      title,
      ...(textOf(path(bodyHead, "hedline", "hl2")) && { dek: textOf(path(bodyHead, "hedline", "hl2")) }),
      published,
      byline: byline.length > 0 ? byline : bylineText,
      ...(distributor && { agency: distributor }),
      ...(textOf(path(bodyHead, "dateline", "location")) && {
        dateline: textOf(path(bodyHead, "dateline", "location")),
      }),
      ...subjects,
      images: recordPhotos(body.images, notes),
      source: { publisher, retrieved: context.today },
      ...(rights && { rights }),
      ...(language && { language }),
      aliases: [],
      body: body.markdown,
      removed: body.removed,
      notes,
    },
  };
}
