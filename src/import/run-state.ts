import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync, type StatementSync } from "node:sqlite";
import type { PhotoStore, StoredPhoto } from "./formats/format";

/** An article file the archive already has, as an import finds it again. */
export interface KnownArticle {
  file: string;
  version?: string;
  /** The fingerprint of the text as imported (see fingerprintOf). */
  fingerprint?: string;
}

/**
 * What a run must look up by key and may hold for a whole archive or export (the archive's
 * addresses and imported items, an export's photos), kept in a temporary database on disk so
 * that the run's memory does not grow with either.
 */
export class RunState implements PhotoStore {
  private readonly dir = mkdtempSync(join(tmpdir(), "news-import-"));
  private readonly db = new DatabaseSync(join(this.dir, "state.db"));
  private readonly statements: Record<string, StatementSync>;

  constructor() {
    this.db.exec(`
      PRAGMA synchronous = OFF;
      CREATE TABLE address (key TEXT PRIMARY KEY, file TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE item (id TEXT PRIMARY KEY, file TEXT NOT NULL, version TEXT, fingerprint TEXT) WITHOUT ROWID;
      CREATE INDEX item_file ON item (file);
      CREATE TABLE photo (id TEXT PRIMARY KEY, json TEXT NOT NULL) WITHOUT ROWID;
      BEGIN;
    `);
    this.statements = {
      setAddress: this.db.prepare("INSERT OR IGNORE INTO address (key, file) VALUES (?, ?)"),
      getAddress: this.db.prepare("SELECT file FROM address WHERE key = ?"),
      setItem: this.db.prepare(
        "INSERT OR REPLACE INTO item (id, file, version, fingerprint) VALUES (?, ?, ?, ?)",
      ),
      getItem: this.db.prepare("SELECT file, version, fingerprint FROM item WHERE id = ?"),
      fileItem: this.db.prepare("SELECT 1 AS found FROM item WHERE file = ? LIMIT 1"),
      setPhoto: this.db.prepare("INSERT OR REPLACE INTO photo (id, json) VALUES (?, ?)"),
      getPhoto: this.db.prepare("SELECT json FROM photo WHERE id = ?"),
    };
  }

  /** Starts what one export adds, to be kept with `keepExport` or forgotten with `forgetExport`. */
  beginExport(): void {
    this.db.exec("SAVEPOINT export");
  }

  keepExport(): void {
    this.db.exec("RELEASE export");
  }

  forgetExport(): void {
    this.db.exec("ROLLBACK TO export; RELEASE export");
  }

  /** Records that `file` takes an address (its page or an alias); the first file recorded keeps it. */
  claimAddress(key: string, file: string): void {
    this.statements.setAddress!.run(key, file);
  }

  /** The file that takes an address, if any. */
  addressOwner(key: string): string | undefined {
    const row = this.statements.getAddress!.get(key) as { file: string } | undefined;
    return row?.file;
  }

  /** Records the file an imported item is in, and its version. */
  rememberItem(id: string, article: KnownArticle): void {
    this.statements.setItem!.run(id, article.file, article.version ?? null, article.fingerprint ?? null);
  }

  /** The file an item was imported into, by the source's identifier. */
  knownItem(id: string): KnownArticle | undefined {
    const row = this.statements.getItem!.get(id) as
      { file: string; version: string | null; fingerprint: string | null } | undefined;
    return (
      row && {
        file: row.file,
        ...(row.version !== null && { version: row.version }),
        ...(row.fingerprint !== null && { fingerprint: row.fingerprint }),
      }
    );
  }

  /** Whether an article file holds an imported item. */
  holdsImportedItem(file: string): boolean {
    return this.statements.fileItem!.get(file) !== undefined;
  }

  /** A file of the run's own, deleted with it. */
  tempFile(name: string): string {
    return join(this.dir, name);
  }

  setPhoto(id: string, photo: StoredPhoto): void {
    this.statements.setPhoto!.run(id, JSON.stringify(photo));
  }

  getPhoto(id: string): StoredPhoto | undefined {
    const row = this.statements.getPhoto!.get(id) as { json: string } | undefined;
    return row && (JSON.parse(row.json) as StoredPhoto);
  }

  /** Closes and deletes the database. */
  close(): void {
    this.db.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
