import { createHash } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { createInterface } from "node:readline";
import { mkdir, mkdtemp, opendir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { isArticleFile } from "../articles/article-files";
import { splitArticleSource } from "../articles/frontmatter";
import { createArticleSchema } from "../articles/schema/article";
import type { LocalImagePathSchema } from "../articles/schema/image";
import { slugFromHeadline } from "../articles/scaffold";
import { validateArticleSource } from "../articles/validate-article";
import { articleFilePath } from "../articles/write-article";
import { loadEntityRegistry } from "../entities/load";
import { LABEL_KINDS, getLabels } from "../lib/labels";
import { addressKey } from "../lib/articles";
import { formatProblem } from "../lib/problems";
import { articlePath } from "../lib/urls";
import { dayOf, fromIso } from "./dates";
import { detectFormat, FORMAT_LABELS, type ImportFormatName } from "./detect-format";
import type { FormatContext, XmlFormatReader } from "./formats/format";
import { createAtomReader, createRssReader } from "./formats/feeds";
import { createNewsMlReader, createNitfReader } from "./formats/news-industry";
import { createWordPressReader } from "./formats/wordpress";
import { parseWireExport } from "./formats/wire-text";
import {
  formatImportedArticle,
  type ImportedArticle,
  type ImportRecord,
  type KeptFields,
} from "./imported-article";
import { ImportNames, type NewEntity } from "./names";
import { addToRegistry } from "./registry-additions";
import { RunState } from "./run-state";
import { readXmlElements, XmlReadError } from "./xml/read-elements";

export interface ImportOptions {
  /** The project folder: article paths in reports are relative to it. */
  root: string;
  articlesDir: string;
  entitiesDir: string;
  defaultLanguage: string;
  timezone: string;
  /** Write articles as published rather than as drafts. */
  publish: boolean;
  /** Report what would be written, and write nothing. */
  dryRun: boolean;
  /** The day of the import, "2026-12-06". */
  today: string;
  /** This archive's own hosts: a story that was on one keeps its old address as an alias. */
  ownHosts: readonly string[];
  /** Told of each article written (or that would be), updated or found unchanged. */
  onArticle?: ((event: ArticleEvent) => void) | undefined;
  /** Told how far an export has been read. */
  onProgress?:
    ((progress: { file: string; bytesRead: number; size: number; records: number }) => void) | undefined;
}

export type ArticleAction = "imported" | "updated" | "unchanged";

export interface ArticleEvent {
  action: ArticleAction;
  /** Where the story was in the export: "export.xml:120". */
  from: string;
  /** The article file, relative to the project. */
  file: string;
  removed: string[];
  notes: string[];
}

export interface ImportFailure {
  file: string;
  line: number;
  reason: string;
}

export interface ImportSummary {
  exports: number;
  imported: number;
  updated: number;
  unchanged: number;
  /** Records not imported on purpose, counted by why. */
  skipped: Record<string, number>;
  failed: ImportFailure[];
  /** Registry entries added for coded subjects. */
  entities: NewEntity[];
  dryRun: boolean;
}

/** Why one export is not written at all (unreadable, malformed, refused), at the lines of the file. */
class ExportFailure extends Error {
  readonly problems: { line: number; reason: string }[];
  constructor(reason: string, line: number, more: { line: number; reason: string }[] = []) {
    super(reason);
    this.problems = [{ line, reason }, ...more];
  }
}

type ArticleSchema = ReturnType<typeof createArticleSchema<typeof LocalImagePathSchema>>;

const READERS: Record<Exclude<ImportFormatName, "wire-text">, (context: FormatContext) => XmlFormatReader> = {
  wordpress: createWordPressReader,
  rss: createRssReader,
  atom: createAtomReader,
  "newsml-g2": createNewsMlReader,
  nitf: createNitfReader,
};

/** The files of the paths given, folders read through in name order; hidden files and folders left out. */
async function* inputFiles(paths: readonly string[]): AsyncGenerator<string> {
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info?.isDirectory()) {
      yield path;
      continue;
    }
    const entries = [];
    for await (const entry of await opendir(path)) {
      if (!entry.name.startsWith(".")) entries.push(join(path, entry.name));
    }
    yield* inputFiles(entries.sort());
  }
}

/**
 * Imports exports into the archive: each export is read as a stream, its articles written to a
 * staging folder inside the articles folder, and moved into place only once the whole export has
 * been read, so that a malformed or refused export leaves nothing behind.
 */
export async function runImport(paths: readonly string[], options: ImportOptions): Promise<ImportSummary> {
  const articlesDir = resolve(options.root, options.articlesDir);
  const { registry, problems } = loadEntityRegistry(resolve(options.root, options.entitiesDir), options.root);
  if (problems.length > 0) {
    throw new Error(
      `The entity registry has problems; fix them first (npm run check):\n${problems.map(formatProblem).join("\n")}`,
    );
  }
  const schema = createArticleSchema({
    defaultLanguage: options.defaultLanguage,
    timezone: options.timezone,
    entities: registry,
  });
  const state = new RunState();
  const names = new ImportNames(registry);
  const summary: ImportSummary = {
    exports: 0,
    imported: 0,
    updated: 0,
    unchanged: 0,
    skipped: {},
    failed: [],
    entities: [],
    dryRun: options.dryRun,
  };
  const project = (path: string) => relative(options.root, path).split("\\").join("/");
  try {
    await indexArchive(articlesDir, options.root, schema, state, names);
    for await (const file of inputFiles(paths)) {
      summary.exports++;
      const run = new ExportRun(file, { ...options, articlesDir, project, schema, state, names });
      try {
        state.beginExport();
        await run.read();
        const entities = names.takeNewEntities();
        if (!options.dryRun) {
          await run.commit();
          if (entities.length > 0) await addToRegistry(resolve(options.root, options.entitiesDir), entities);
        }
        state.keepExport();
        summary.entities.push(...entities);
        summary.imported += run.counts.imported;
        summary.updated += run.counts.updated;
        summary.unchanged += run.counts.unchanged;
        for (const [reason, count] of Object.entries(run.counts.skipped)) {
          summary.skipped[reason] = (summary.skipped[reason] ?? 0) + count;
        }
        summary.failed.push(...run.failures);
        await run.report();
      } catch (error) {
        state.forgetExport();
        names.forgetNewEntities();
        if (!(error instanceof ExportFailure)) throw error;
        summary.failed.push(...error.problems.map((problem) => ({ file, ...problem })));
      } finally {
        await run.discard();
      }
    }
  } finally {
    state.close();
  }
  return summary;
}

/** Every article file of the archive: the addresses it takes, the item it was imported from, its names. */
async function indexArchive(
  articlesDir: string,
  root: string,
  schema: ArticleSchema,
  state: RunState,
  names: ImportNames,
): Promise<void> {
  if (!existsSync(articlesDir)) return;
  for await (const entry of await opendir(articlesDir, { recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (!entry.isFile() || !isArticleFile(relative(articlesDir, path))) continue;
    const file = relative(root, path).split("\\").join("/");
    const result = validateArticleSource(await readFile(path, "utf8"), file, schema);
    // A file that does not pass the rules claims nothing yet; `npm run check` reports it.
    if (!result.ok) continue;
    const { data } = result.article;
    for (const url of [articlePath(data), ...data.aliases]) state.claimAddress(addressKey(url), file);
    if (data.source?.id)
      state.rememberItem(data.source.id, {
        file,
        ...(data.source.version && { version: data.source.version }),
      });
    for (const kind of LABEL_KINDS)
      for (const name of getLabels({ data }, kind)) names.knowSpelling(kind.kind, name);
  }
}

interface RunContext extends ImportOptions {
  project(path: string): string;
  schema: ArticleSchema;
  state: RunState;
  names: ImportNames;
}

/** One export being imported: its records read, its articles staged, then moved into place. */
class ExportRun {
  readonly counts = { imported: 0, updated: 0, unchanged: 0, skipped: {} as Record<string, number> };
  readonly failures: ImportFailure[] = [];
  private stageDir: string | undefined;
  private readonly log: string[] = [];
  private readonly logFile: string;
  private records = 0;
  private wholeFile = false;

  constructor(
    private readonly file: string,
    private readonly context: RunContext,
  ) {
    this.logFile = context.state.tempFile("events.jsonl");
  }

  private async stage(): Promise<string> {
    if (!this.stageDir) {
      await mkdir(this.context.articlesDir, { recursive: true });
      this.stageDir = await mkdtemp(join(this.context.articlesDir, ".import-"));
    }
    return this.stageDir;
  }

  async read(): Promise<void> {
    const detection = await detectFormat(this.file).catch((error: NodeJS.ErrnoException) => ({
      ok: false as const,
      reason: `cannot read the file (${error.code === "ENOENT" ? "there is no such file" : error.message})`,
      line: 1,
    }));
    if (!detection.ok) {
      throw new ExportFailure(`${detection.reason}`, detection.line ?? 1);
    }
    if (detection.format === "wire-text") {
      await this.readWireText();
      return;
    }
    const context: FormatContext = {
      today: this.context.today,
      ownHosts: this.context.ownHosts,
      photos: this.context.state,
    };
    this.context.state.clearPhotos();
    const reader = READERS[detection.format](context);
    const size = (await stat(this.file)).size;
    const progress = (bytesRead: number) =>
      this.context.onProgress?.({ file: this.file, bytesRead, size, records: this.records });
    try {
      if (reader.prepass) {
        const { keep, read } = reader.prepass;
        for await (const { element } of readXmlElements(this.file, { keep })) read(element);
      }
      let found = 0;
      for await (const { element, ancestors } of readXmlElements(this.file, {
        keep: reader.keep,
        onProgress: progress,
      })) {
        const record = reader.read(element, ancestors);
        if (!record) continue;
        found++;
        this.records++;
        await this.take(record);
      }
      if (found === 0) {
        throw new ExportFailure(`a ${FORMAT_LABELS[detection.format]} with no stories in it`, 1);
      }
    } catch (error) {
      if (error instanceof XmlReadError) throw new ExportFailure(error.message, error.line);
      throw error;
    }
  }

  private async readWireText(): Promise<void> {
    const text = await readFile(this.file, "utf8");
    const parsed = parseWireExport(text);
    if (!parsed.ok) {
      // Text that is not XML can only be a wire text export: its problems are the file's.
      const [first, ...more] = parsed.problems.map((p) => ({ line: p.line, reason: p.message }));
      throw new ExportFailure(first!.reason, first!.line, more);
    }
    const { article } = parsed;
    this.wholeFile = true;
    // A wire text export names no story identifier: the story is its headline, day and source address.
    const story = `${article.published}\n${article.title}\n${article.source?.url ?? ""}`;
    const id = `wire-text:${createHash("sha256").update(story).digest("hex").slice(0, 20)}`;
    this.records++;
    await this.take({
      kind: "article",
      line: 1,
      article: {
        sourceId: id,
        title: article.title,
        published: article.published,
        byline: article.byline,
        ...(article.agency && { agency: article.agency }),
        topics: [],
        people: [],
        organizations: [],
        places: [],
        codes: [],
        images: article.images,
        source: article.source ?? {
          publisher: article.agency ?? "Wire text export",
          retrieved: this.context.today,
        },
        ...(article.rights && { rights: article.rights }),
        aliases: [],
        body: article.body,
        removed: [],
        notes: parsed.notes.map((n) => `line ${n.line}: ${n.message}`),
      },
    });
  }

  /** Turns one record into a staged article file, or counts why not. */
  private async take(record: ImportRecord): Promise<void> {
    // A wire text export is one story: named by its file alone.
    const from = this.wholeFile ? this.file : `${this.file}:${record.line}`;
    if (record.kind === "skipped") {
      this.counts.skipped[record.reason] = (this.counts.skipped[record.reason] ?? 0) + 1;
      return;
    }
    if (record.kind === "failed") {
      this.failures.push({ file: this.file, line: record.line, reason: record.reason });
      return;
    }
    const article = this.context.names.fileArticle(record.article);
    const fail = (reason: string) => this.failures.push({ file: this.file, line: record.line, reason });
    const known = this.context.state.knownItem(article.sourceId);
    if (known && !isNewer(article.version, known.version)) {
      this.counts.unchanged++;
      await this.event({ action: "unchanged", from, file: known.file, removed: [], notes: [] });
      return;
    }
    const placed = known ? await this.update(article, known.file) : this.place(article);
    if (typeof placed === "string") return void fail(placed);
    const { file, text, previous } = placed;
    const checked = validateArticleSource(text, file, this.context.schema);
    if (!checked.ok) {
      return void fail(
        `the article would not pass npm run check: ${checked.problems.map(formatProblem).join("; ")}`,
      );
    }
    if (previous === text) {
      this.counts.unchanged++;
      await this.event({ action: "unchanged", from, file, removed: [], notes: [] });
      return;
    }
    const data = checked.article.data;
    if (!known) {
      for (const url of [articlePath(data), ...data.aliases])
        this.context.state.claimAddress(addressKey(url), file);
    }
    this.context.state.rememberItem(article.sourceId, {
      file,
      ...(article.version && { version: article.version }),
    });
    if (!this.context.dryRun) {
      const staged = join(
        await this.stage(),
        relative(this.context.articlesDir, resolve(this.context.root, file)),
      );
      await mkdir(dirname(staged), { recursive: true });
      await writeFile(staged, text);
    }
    const action = known ? "updated" : "imported";
    this.counts[action]++;
    await this.event({ action, from, file, removed: article.removed, notes: article.notes });
  }

  /** Where a new article goes: its slug (made unique on its day when another import took it) and file. */
  private place(article: ImportedArticle): { file: string; text: string; previous?: string } | string {
    const base = article.slug ?? slugFromHeadline(article.title);
    if (base === "")
      return "the headline gives no address (slug); add the story by hand with npm run new -- --slug";
    const day = dayOf(article.published);
    for (let n = 1; n < 100; n++) {
      const slug = n === 1 ? base : `${base}-${n}`;
      const file = this.context.project(articleFilePath(this.context.articlesDir, day, slug));
      const url = `/${day.replaceAll("-", "/")}/${slug}/`;
      const owner = this.context.state.addressOwner(addressKey(url));
      const exists = existsSync(resolve(this.context.root, file));
      if (n === 1 && owner !== undefined && !this.context.state.holdsImportedItem(owner)) {
        return `${url} is already the address of ${owner}; if this is the same story it is in the archive already (add "id: ${article.sourceId}" under its source, and imports will find it), otherwise write its article by hand with another slug (slug: …)`;
      }
      if (n === 1 && owner === undefined && exists) return `${file} already exists; it was left as it is`;
      // Another imported story has this address (two stories of one day under one headline): number this one.
      if (owner !== undefined || exists) continue;
      const aliases = article.aliases.filter((alias) => {
        const aliasOwner = this.context.state.addressOwner(addressKey(alias));
        return aliasOwner === undefined && addressKey(alias) !== addressKey(url);
      });
      // The file is named for the slug, so the article needs no slug field.
      const text = formatImportedArticle({ ...article, aliases }, { publish: this.context.publish });
      return { file, text };
    }
    return `the address ${base} is taken on ${day} by 99 other articles`;
  }

  /** A newer version of an imported story: the file rewritten, keeping what editors decide; a correction when the text changed. */
  private async update(
    article: ImportedArticle,
    file: string,
  ): Promise<{ file: string; text: string; previous: string } | string> {
    const staged =
      this.stageDir &&
      join(this.stageDir, relative(this.context.articlesDir, resolve(this.context.root, file)));
    const path = staged && existsSync(staged) ? staged : resolve(this.context.root, file);
    const previous = await readFile(path, "utf8").catch(() => undefined);
    if (previous === undefined) return `${file}, where this story was imported, cannot be read`;
    const split = splitArticleSource(previous);
    if (!split.ok) return `${file}, where this story was imported, has no frontmatter; fix it first`;
    const data = (split.source.data ?? {}) as Record<string, unknown>;
    const corrections = Array.isArray(data.corrections)
      ? ((data.corrections as KeptFields["corrections"]) ?? [])
      : [];
    const images =
      Array.isArray(data.images) && data.images.some((i) => (i as { src?: unknown }).src)
        ? data.images
        : undefined;
    const textChanged = squeeze(split.source.body) !== squeeze(article.body);
    const versionDay = article.version !== undefined ? fromIso(article.version) : undefined;
    const day = versionDay ? dayOf(versionDay) : this.context.today;
    const kept: KeptFields = {
      ...(typeof data.published === "string" && { published: data.published }),
      draft: data.draft === true,
      ...(typeof data.slug === "string" && { slug: data.slug }),
      ...(Array.isArray(data.aliases) && { aliases: data.aliases as string[] }),
      ...(images && { images }),
      corrections: textChanged
        ? [
            ...(corrections ?? []),
            {
              date: day,
              text: `The source published a new version${article.version ? ` (${article.version})` : ""}; the text was updated to it.`,
            },
          ]
        : corrections,
    };
    const updated = textChanged
      ? { updated: day }
      : typeof data.updated === "string"
        ? { updated: data.updated }
        : {};
    const text = formatImportedArticle(
      { ...article, ...updated, aliases: [] },
      { publish: this.context.publish, kept },
    );
    return { file, text, previous };
  }

  private async event(event: ArticleEvent): Promise<void> {
    this.log.push(JSON.stringify(event));
    // Told after the export is written; kept on disk meanwhile, so that a large export's log does not fill memory.
    if (this.log.length >= 500) await this.flushLog();
  }

  private async flushLog(): Promise<void> {
    if (this.log.length === 0) return;
    await writeFile(this.logFile, `${this.log.join("\n")}\n`, { flag: "a" });
    this.log.length = 0;
  }

  /** Moves the staged files into the articles folder. */
  async commit(): Promise<void> {
    if (!this.stageDir) return;
    for await (const entry of await opendir(this.stageDir, { recursive: true })) {
      if (!entry.isFile()) continue;
      const staged = join(entry.parentPath, entry.name);
      const target = join(this.context.articlesDir, relative(this.stageDir, staged));
      await mkdir(dirname(target), { recursive: true });
      await rename(staged, target);
    }
  }

  /** Tells of each article, in the export's order, once the export is written. */
  async report(): Promise<void> {
    await this.flushLog();
    if (!existsSync(this.logFile)) return;
    const lines = createInterface({ input: createReadStream(this.logFile, "utf8"), crlfDelay: Infinity });
    for await (const line of lines)
      if (line !== "") this.context.onArticle?.(JSON.parse(line) as ArticleEvent);
  }

  /** Removes the staging folder and the log, whatever is left in them. */
  async discard(): Promise<void> {
    if (this.stageDir) await rm(this.stageDir, { recursive: true, force: true });
    await rm(this.logFile, { force: true });
  }
}

/** Whether an incoming version is newer than the one imported: numbers as numbers, dates as moments. */
export function isNewer(incoming: string | undefined, imported: string | undefined): boolean {
  if (incoming === undefined || imported === undefined)
    return incoming !== imported || incoming === undefined;
  if (/^\d+$/.test(incoming) && /^\d+$/.test(imported)) return Number(incoming) > Number(imported);
  const a = Date.parse(incoming);
  const b = Date.parse(imported);
  if (!Number.isNaN(a) && !Number.isNaN(b)) return a > b;
  return incoming !== imported;
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
