const languageNames = new Intl.DisplayNames(["en"], { type: "language", fallback: "none" });

/**
 * The canonical form of a BCP 47 tag ("zh-hans" → "zh-Hans") when its language is one
 * the platform knows; undefined for a malformed tag or an unknown language ("english").
 */
export function canonicalLanguage(tag: string): string | undefined {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
  if (!canonical) return undefined;
  try {
    return languageNames.of(new Intl.Locale(canonical).language) === undefined ? undefined : canonical;
  } catch {
    // "und" (undetermined) and other special codes name no language.
    return undefined;
  }
}

/** "rtl" for scripts written right to left (Arabic, Hebrew, …), else "ltr". */
export function textDirection(language: string): "ltr" | "rtl" {
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

/**
 * The `lang` attribute for the site's own words ("By", "Corrections") inside content in
 * another language: the site language where the two differ, else none (it is inherited).
 */
export function siteWordsLang(contentLanguage: string, siteLanguage: string): string | undefined {
  return contentLanguage === siteLanguage ? undefined : siteLanguage;
}
