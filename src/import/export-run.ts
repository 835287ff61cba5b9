import { createReadStream, existsSync, rmSync } from "node:fs";
import { createInterface } from "node:readline";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { splitArticleSource } from "../articles/frontmatter";
import { createArticleSchema } from "../articles/schema/article";
import type { LocalImagePathSchema } from "../articles/schema/image";
import { slugFromHeadline } from "../articles/scaffold";
import { validateArticleSource } from "../articles/validate-article";
import { articleFilePath } from "../articles/write-article";
import { addressKey } from "../lib/articles";
import { formatProblem } from "../lib/problems";
import { articlePath } from "../lib/urls";
import { dayOf, fromIso } from "./dates";
import { detectFormat, FORMAT_LABELS, type ImportFormatName } from "./detect-format";
import type { FormatContext, XmlFormatReader } from "./formats/format";
import { createAtomReader, createRssReader } from "./formats/feeds";
import { createNewsMlReader, createNitfReader } from "./formats/news-industry";
import { createWordPressReader } from "./formats/wordpress";
import { parseWireExport, wireImportedArticle } from "./formats/wire-text";
import {
  formatImportedArticle,
  type ImportedArticle,
  type ImportRecord,
  type KeptFields,
  type Note,
} from "./imported-article";
import type { ImportNames, NewEntity } from "./names";
import type { KnownArticle, RunState } from "./run-state";
import { fingerprintOf, isNewerThan, squeeze } from "./versions";
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
  notes: Note[];
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
  /** What the policy removed from the bodies written, counted by kind ("<script>": 12). */
  removed: Record<string, number>;
  failed: ImportFailure[];
  /** Registry entries added for coded subjects. */
  entities: NewEntity[];
  dryRun: boolean;
}

/** Why one export is not written at all (unreadable, malformed, refused), at the lines of the file. */
export class ExportFailure extends Error {
  readonly problems: { line: number; reason: string }[];
  constructor(reason: string, line: number, more: { line: number; reason: string }[] = []) {
    super(reason);
    this.problems = [{ line, reason }, ...more];
  }
}

export type ArticleSchema = ReturnType<typeof createArticleSchema<typeof LocalImagePathSchema>>;

const READERS: Record<Exclude<ImportFormatName, "wire-text">, (context: FormatContext) => XmlFormatReader> = {
  wordpress: createWordPressReader,
  rss: createRssReader,
  atom: createAtomReader,
  "newsml-g2": createNewsMlReader,
  nitf: createNitfReader,
};

export interface RunContext extends ImportOptions {
  project(path: string): string;
  schema: ArticleSchema;
  state: RunState;
  names: ImportNames;
}

/** One export being imported: its records read, its articles staged, then moved into place. */
export class ExportRun {
  readonly counts = {
    imported: 0,
    updated: 0,
    unchanged: 0,
    skipped: {} as Record<string, number>,
    removed: {} as Record<string, number>,
  };
  readonly failures: ImportFailure[] = [];
  private stageDir: string | undefined;
  private readonly log: string[] = [];
  private readonly logFile: string;
  private records = 0;
  private wholeFile = false;
  private readonly folders = new Set<string>();

  constructor(
    private readonly file: string,
    private readonly context: RunContext,
  ) {
    this.logFile = context.state.tempFile("events.jsonl");
  }

  /** Makes the folder of a file once: a month's folder holds many articles. */
  private async folderFor(file: string): Promise<void> {
    const folder = dirname(file);
    if (this.folders.has(folder)) return;
    await mkdir(folder, { recursive: true });
    this.folders.add(folder);
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
    if (!detection.ok) throw new ExportFailure(detection.reason, detection.line ?? 1);
    if (detection.format === "wire-text") {
      await this.readWireText();
      return;
    }
    const context: FormatContext = {
      today: this.context.today,
      ownHosts: this.context.ownHosts,
      photos: this.context.state,
    };
    const reader = READERS[detection.format](context);
    // With a first reading, the progress line counts both: the first is the first half.
    const size = (await stat(this.file)).size;
    const passes = reader.prepass ? 2 : 1;
    const progress = (pass: number) => (bytesRead: number) =>
      this.context.onProgress?.({
        file: this.file,
        bytesRead: pass * size + bytesRead,
        size: passes * size,
        records: this.records,
      });
    try {
      if (reader.prepass) {
        const { keep, read } = reader.prepass;
        for await (const element of readXmlElements(this.file, { keep, onProgress: progress(0) }))
          read(element);
      }
      for await (const element of readXmlElements(this.file, {
        keep: reader.keep,
        onProgress: progress(passes - 1),
      })) {
        const record = reader.read(element);
        if (!record) continue;
        this.records++;
        await this.take(record);
      }
      if (this.records === 0) {
        throw new ExportFailure(`a ${FORMAT_LABELS[detection.format]} with no stories in it`, 1);
      }
    } catch (error) {
      if (error instanceof XmlReadError || error instanceof ExportFailure) {
        throw error instanceof XmlReadError ? new ExportFailure(error.message, error.line) : error;
      }
      // A file that stops being readable part way (a disk error, a file removed): this export fails.
      throw new ExportFailure(`cannot read the file (${(error as Error).message})`, 1);
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
    this.wholeFile = true;
    this.records++;
    await this.take({ kind: "article", line: 1, article: wireImportedArticle(parsed, this.context.today) });
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
    try {
      await this.takeArticle(record.article, record.line, from);
    } catch (error) {
      this.failures.push({
        file: this.file,
        line: record.line,
        reason: `could not be imported (${(error as Error).message})`,
      });
    }
  }

  private async takeArticle(imported: ImportedArticle, line: number, from: string): Promise<void> {
    const fail = (reason: string) => this.failures.push({ file: this.file, line, reason });
    const known = this.context.state.knownItem(imported.sourceId);
    // Of the words only, which filing the names does not touch: an unchanged story is not filed.
    const fingerprint = fingerprintOf(imported);
    if (known && !isNewerThan(imported.version, fingerprint, known)) {
      this.counts.unchanged++;
      await this.event({ action: "unchanged", from, file: known.file, removed: [], notes: [] });
      return;
    }
    const article = this.context.names.fileArticle(imported);
    const placed = known ? await this.update(article, fingerprint, known) : this.place(article, fingerprint);
    if (typeof placed === "string") return void fail(placed);
    const { file, text } = placed;
    const previous = "previous" in placed ? placed.previous : undefined;
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
      fingerprint,
    });
    if (!this.context.dryRun) {
      const staged = join(
        await this.stage(),
        relative(this.context.articlesDir, resolve(this.context.root, file)),
      );
      await this.folderFor(staged);
      await writeFile(staged, text);
    }
    const action = known ? "updated" : "imported";
    this.counts[action]++;
    for (const removal of article.removed) {
      const [, count = "1", what = removal] = /^(\d+) (.*)$/.exec(removal) ?? [];
      this.counts.removed[what] = (this.counts.removed[what] ?? 0) + Number(count);
    }
    await this.event({ action, from, file, removed: article.removed, notes: article.notes });
  }

  /**
   * Where a new article goes: the file named for its slug. When another imported story has the
   * address or the file (two stories under one headline), the slug is numbered; when an article
   * no import wrote has it, the story is not written, with the choices.
   */
  private place(article: ImportedArticle, fingerprint: string): { file: string; text: string } | string {
    const base = article.slug ?? slugFromHeadline(article.title);
    if (base === "")
      return "the headline gives no address (slug); add the story by hand with npm run new -- --slug";
    const day = dayOf(article.published);
    const { state } = this.context;
    for (let n = 1; n < 100; n++) {
      const slug = n === 1 ? base : `${base}-${n}`;
      const file = this.context.project(articleFilePath(this.context.articlesDir, day, slug));
      const url = `/${day.replaceAll("-", "/")}/${slug}/`;
      const owner = state.addressOwner(addressKey(url));
      if (owner !== undefined && !state.holdsImportedItem(owner)) {
        return `${url} is already the address of ${owner}; if this is the same story it is in the archive already (add "id: ${article.sourceId}" under its source, and imports will find it), otherwise write its article by hand with another slug (slug: …)`;
      }
      const fileTaken = state.holdsImportedItem(file) || existsSync(resolve(this.context.root, file));
      if (fileTaken && !state.holdsImportedItem(file)) return `${file} already exists; it was left as it is`;
      if (owner !== undefined || fileTaken) continue;
      const aliases = article.aliases.filter((alias) => {
        const aliasOwner = state.addressOwner(addressKey(alias));
        return aliasOwner === undefined && addressKey(alias) !== addressKey(url);
      });
      // The file is named for the slug, so the article needs no slug field.
      const text = formatImportedArticle(
        { ...article, aliases },
        { publish: this.context.publish, fingerprint },
      );
      return { file, text };
    }
    return `the address ${base} is taken on ${day} by 99 other articles`;
  }

  /** A newer version of an imported story: the file rewritten, keeping what editors decide; a correction when the text changed. */
  private async update(
    article: ImportedArticle,
    fingerprint: string,
    known: KnownArticle,
  ): Promise<{ file: string; text: string; previous: string } | string> {
    const { file } = known;
    const staged =
      this.stageDir &&
      join(this.stageDir, relative(this.context.articlesDir, resolve(this.context.root, file)));
    const path = staged && existsSync(staged) ? staged : resolve(this.context.root, file);
    // A dry run stages nothing: a story met twice in one export has no file to read yet.
    const previous = await readFile(path, "utf8").catch(() =>
      this.context.dryRun ? "---\n---\n" : undefined,
    );
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
    // The text as the source gave it last time, not as an editor may have corrected it since.
    const textChanged =
      known.fingerprint !== undefined
        ? known.fingerprint !== fingerprint
        : squeeze(split.source.body) !== squeeze(article.body);
    const versionDay = article.version !== undefined ? fromIso(article.version) : undefined;
    // Never before the article's own day (a post scheduled ahead was last modified before it).
    const day = [versionDay ? dayOf(versionDay) : this.context.today, dayOf(article.published)]
      .sort()
      .at(-1)!;
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
      { publish: this.context.publish, kept, fingerprint },
    );
    return { file, text, previous };
  }

  private async event(event: ArticleEvent): Promise<void> {
    // Nobody to tell (--json gives the counts only): nothing to keep.
    if (!this.context.onArticle) return;
    this.log.push(JSON.stringify(event));
    // Told after the export is written; kept on disk meanwhile, so that a large export's log does not fill memory.
    if (this.log.length >= 500) await this.flushLog();
  }

  private async flushLog(): Promise<void> {
    if (this.log.length === 0) return;
    await writeFile(this.logFile, `${this.log.join("\n")}\n`, { flag: "a" });
    this.log.length = 0;
  }

  /** Moves the staged files into the articles folder, one folder (a month) at a time. */
  async commit(): Promise<void> {
    if (!this.stageDir) return;
    // Each folder is listed whole before its files move, so that no move disturbs the listing.
    const folders = [this.stageDir];
    for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
      for (const entry of await readdir(folder, { withFileTypes: true })) {
        const staged = join(folder, entry.name);
        if (entry.isDirectory()) {
          folders.push(staged);
          continue;
        }
        const target = join(this.context.articlesDir, relative(this.stageDir, staged));
        await this.folderFor(target);
        await rename(staged, target);
      }
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

  /** Removes the staging folder at once, when the process is stopped. */
  discardNow(): void {
    if (this.stageDir) rmSync(this.stageDir, { recursive: true, force: true });
  }

  /** Removes the staging folder and the log, whatever is left in them. */
  async discard(): Promise<void> {
    if (this.stageDir) await rm(this.stageDir, { recursive: true, force: true });
    await rm(this.logFile, { force: true });
  }
}
