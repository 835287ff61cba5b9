import { hostOf } from "./html-to-markdown";

// WordPress stores a post as its editor wrote it: paragraphs separated by blank lines rather than
// in <p> elements, and shortcodes ([caption], [embed], [gallery]) that only its own pages expand.
// These turn such a post into plain HTML before it is converted, saying what could not be kept.

const BLOCK_START =
  /^<(?:\/?(?:p|div|h[1-6]|ul|ol|li|blockquote|pre|table|thead|tbody|tfoot|tr|td|th|figure|figcaption|hr|dl|dt|dd|section|article|aside|header|footer|address|details|summary)\b|!--)/i;

/** Wraps blank-line-separated text in paragraphs and keeps single line breaks, as WordPress shows them. */
export function wrapParagraphs(html: string): string {
  return html
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== "")
    .map((chunk) => (BLOCK_START.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, "<br>\n")}</p>`))
    .join("\n");
}

const CAPTION = /\[(?:wp_)?caption\b([^\]]*)\]([\s\S]*?)\[\/(?:wp_)?caption\]/gi;
const EMBED = /\[embed\b[^\]]*\]([\s\S]*?)\[\/embed\]/gi;
// The shortcodes of WordPress itself that show media; a plugin's own shortcodes are left as text.
const MEDIA_SHORTCODE = /\[(gallery|audio|video|playlist)\b[^\]]*\](?:[\s\S]*?\[\/\1\])?/gi;

/** A WordPress post's HTML with its shortcodes expanded or removed, and what was removed. */
export function expandShortcodes(html: string): { html: string; removed: string[]; notes: string[] } {
  const removed: string[] = [];
  const notes: string[] = [];
  const expanded = html
    .replace(CAPTION, (_all, attributes: string, inner: string) => {
      // [caption]<img …> The caption[/caption]: the image, then its caption (or the caption attribute).
      const image = /<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>|<img\b[^>]*>/i.exec(inner);
      const text = (image ? inner.replace(image[0], "") : inner).trim();
      const attribute = /\bcaption="([^"]*)"/i.exec(attributes)?.[1] ?? "";
      return `<figure>${image?.[0] ?? ""}<figcaption>${text || attribute}</figcaption></figure>`;
    })
    .replace(EMBED, (_all, url: string) => {
      const href = url.trim();
      notes.push(`an embedded item (${hostOf(href)}) is kept as a link to it`);
      return `\n\n<p><a href="${href}">${href}</a></p>\n\n`;
    })
    .replace(MEDIA_SHORTCODE, (_all, name: string) => {
      removed.push(`[${name.toLowerCase()}] shortcode`);
      return "";
    });
  return { html: expanded, removed, notes };
}
