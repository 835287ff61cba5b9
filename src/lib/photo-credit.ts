// The ways newsrooms end a caption with its credit: "… Photo: Ann Lee/Agency", "… (Photo by Ann Lee)",
// "… Credit: Ann Lee", "… Photograph: Ann Lee for the Courier", "… Image courtesy of the museum".
const KIND = "(?:photo(?:graph)?s?|image|picture|illustration)";
const CREDIT = new RegExp(
  `(?:^|[\\s.;,—–-]+)\\(?\\s*(?:(?:${KIND}\\s+)?courtesy(?:\\s+of)?|${KIND}(?:\\s+credit)?\\s*(?::|\\s+by)|credit\\s*:)\\s*([^()]+?)\\s*\\)?\\.?$`,
  "i",
);

/** A caption split into what the photo shows and who took or supplied it. */
export function splitCredit(text: string): { caption?: string; credit?: string } {
  const match = CREDIT.exec(text);
  if (!match) return text === "" ? {} : { caption: text };
  const caption = text
    .slice(0, match.index)
    .trim()
    .replace(/[\s—–-]+$/, "");
  const credit = match[1]!.trim();
  return { ...(caption && { caption: /[.!?]$/.test(caption) ? caption : `${caption}.` }), credit };
}
