import type { OpenElement } from "../xml/read-elements";
import type { XmlElement } from "../xml/element";
import type { ImportRecord, ImportedImage } from "../imported-article";

/** A photo an export describes apart from the article that shows it (a WordPress attachment). */
export interface StoredPhoto extends ImportedImage {
  url?: string;
}

/**
 * Photos kept between a first reading of an export and the second, outside the memory of the run,
 * for the whole run (a split export's posts may show photos of an earlier file).
 */
export interface PhotoStore {
  setPhoto(id: string, photo: StoredPhoto): void;
  getPhoto(id: string): StoredPhoto | undefined;
}

/** What every format is told about the run. */
export interface FormatContext {
  /** The day of the import, "2026-12-06": the day a copy was retrieved when the export does not say. */
  today: string;
  /** Hosts of this archive's own site: a source address on one of them is also kept as an alias. */
  ownHosts: readonly string[];
  photos: PhotoStore;
}

/** How one XML format is read: which elements to take whole, and what each becomes. */
export interface XmlFormatReader {
  /** A first reading, for what records refer to further on in the file (WordPress attachments). */
  prepass?: {
    keep(element: OpenElement, ancestors: readonly OpenElement[]): boolean;
    read(element: XmlElement): void;
  };
  keep(element: OpenElement, ancestors: readonly OpenElement[]): boolean;
  /** The record an element is, or nothing for the export's own facts (its title, its authors). */
  read(element: XmlElement): ImportRecord | undefined;
}
