import { cached } from "./cached";

/**
 * The canonical form of a BCP 47 tag ("zh-hans" → "zh-Hans"); undefined for a malformed
 * tag, for "und", or for a word in place of a code ("english"). Decided by the tag's
 * structure alone, so the verdict never depends on the locale data of the Node.js in use.
 */
export function canonicalLanguage(tag: string): string | undefined {
  // Every article is checked, and an archive has a handful of languages: each tag is read once.
  return cached(canonicalTags, tag, () => findCanonical(tag));
}

const canonicalTags = new Map<string, string | undefined>();

function findCanonical(tag: string): string | undefined {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
  if (!canonical) return undefined;
  const language = new Intl.Locale(canonical).language;
  // ISO 639 codes have two or three letters; 5–8 letter subtags are reserved for registration
  // and in practice are words such as "english".
  return /^[a-z]{2,3}$/.test(language) && language !== "und" ? canonical : undefined;
}

const directions = new Map<string, "ltr" | "rtl">();

/** "rtl" for scripts written right to left (Arabic, Hebrew, …), else "ltr". */
export function textDirection(language: string): "ltr" | "rtl" {
  return cached(directions, language, () => findDirection(language));
}

function findDirection(language: string): "ltr" | "rtl" {
  try {
    const locale = new Intl.Locale(language).maximize() as Intl.Locale & {
      getTextInfo?: () => { direction: string };
      textInfo?: { direction: string };
    };
    const info = locale.getTextInfo?.() ?? locale.textInfo;
    if (info) return info.direction === "rtl" ? "rtl" : "ltr";
    return ["Arab", "Hebr", "Thaa", "Syrc", "Nkoo", "Adlm", "Rohg"].includes(locale.script ?? "")
      ? "rtl"
      : "ltr";
  } catch {
    return "ltr";
  }
}

/** The `lang` and `dir` attributes of an element whose text is in `language`. */
export interface LanguageAttributes {
  lang?: string;
  dir?: "ltr" | "rtl";
}

/** `lang` and `dir` for text in `language`. */
export function languageAttributes(language: string): LanguageAttributes {
  return { lang: language, dir: textDirection(language) };
}

/**
 * The attributes for the site's own words ("By", "Corrections") inside content in another
 * language: the site language and its direction where the two differ, else none (inherited).
 * The direction matters as much as the language: English words in an Arabic page otherwise
 * come out in right-to-left order.
 */
export function siteWordsAttributes(contentLanguage: string, siteLanguage: string): LanguageAttributes {
  return contentLanguage === siteLanguage ? {} : languageAttributes(siteLanguage);
}

const displayNames = new Map<string, Intl.DisplayNames | undefined>();

/** The name of a language in the words of `locale` ("Simplified Chinese" in en-GB); the tag when it has none. */
export function languageNameIn(tag: string, locale: string): string {
  const names = cached(displayNames, locale, () => {
    try {
      return new Intl.DisplayNames([locale], { type: "language" });
    } catch {
      return undefined;
    }
  });
  try {
    return names?.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A language named in its own words ("简体中文", "Deutsch"), as a reader of it looks for it. */
export function autonym(tag: string): string {
  return languageNameIn(tag, tag);
}
