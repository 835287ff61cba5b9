/** One element of an XML document, read whole: small records (a post, a news item), never a whole export. */
export interface XmlElement {
  /** The local name, without prefix: `encoded` for `content:encoded`. */
  local: string;
  /** The namespace URI ("" for none). */
  uri: string;
  /** Attribute values by local name (a prefixed attribute also under its written name). */
  attributes: Record<string, string>;
  children: XmlNode[];
  /** The line of the document the element starts on. */
  line: number;
}

export type XmlNode = XmlElement | string;

/** Matches an element by local name and, when given, namespace (a URI or a test on it). */
export type NameTest = string | { local: string; uri?: string | ((uri: string) => boolean) };

function matches(element: XmlElement, test: NameTest): boolean {
  if (typeof test === "string") return element.local === test;
  if (element.local !== test.local) return false;
  if (test.uri === undefined) return true;
  return typeof test.uri === "string" ? element.uri === test.uri : test.uri(element.uri);
}

/** The element children, those that match `test` when given. */
export function childElements(element: XmlElement | undefined, test?: NameTest): XmlElement[] {
  if (!element) return [];
  const elements = element.children.filter((child): child is XmlElement => typeof child !== "string");
  return test === undefined ? elements : elements.filter((child) => matches(child, test));
}

/** The first child element that matches. */
export function child(element: XmlElement | undefined, test: NameTest): XmlElement | undefined {
  return childElements(element, test)[0];
}

/** The first element at a path of children: `path(item, "hedline", "hl1")`. */
export function path(element: XmlElement | undefined, ...tests: NameTest[]): XmlElement | undefined {
  return tests.reduce<XmlElement | undefined>((at, test) => child(at, test), element);
}

/** Every descendant element that matches, in document order. */
export function descendants(element: XmlElement | undefined, test: NameTest): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (at: XmlElement) => {
    for (const next of childElements(at)) {
      if (matches(next, test)) found.push(next);
      visit(next);
    }
  };
  if (element) visit(element);
  return found;
}

/** The element's text, its descendants' included, with runs of white space made one space and trimmed. */
export function textOf(element: XmlElement | undefined): string {
  return rawTextOf(element).replace(/\s+/g, " ").trim();
}

/** The element's text exactly as written (an HTML body in CDATA, say). */
export function rawTextOf(element: XmlElement | undefined): string {
  if (!element) return "";
  return element.children.map((node) => (typeof node === "string" ? node : rawTextOf(node))).join("");
}

/** How `serialize` writes some elements otherwise: under another name, or as given markup. */
export interface SerializeOptions {
  rename?: Readonly<Record<string, string>>;
  /** Markup to write instead of an element, or undefined to write it as it is. */
  replace?: (element: XmlElement) => string | undefined;
}

/** Text or an attribute value written as markup. */
export function escapeMarkup(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The element written back as markup, for a body in inline XHTML or NITF. */
export function serialize(element: XmlElement, options: SerializeOptions = {}): string {
  const replaced = options.replace?.(element);
  if (replaced !== undefined) return replaced;
  const tag = options.rename?.[element.local] ?? element.local;
  const attributes = Object.entries(element.attributes)
    .filter(([name]) => !name.includes(":") && name !== "xmlns")
    .map(([name, value]) => ` ${name}="${escapeMarkup(value)}"`)
    .join("");
  return `<${tag}${attributes}>${serializeChildren(element, options)}</${tag}>`;
}

/** What an element holds, written back as markup. */
export function serializeChildren(element: XmlElement, options: SerializeOptions = {}): string {
  return element.children
    .map((n) => (typeof n === "string" ? escapeMarkup(n) : serialize(n, options)))
    .join("");
}
