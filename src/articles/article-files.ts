/** Image files that may sit beside articles. */
const IMAGE_EXTENSIONS = new Set(["jpg", "jpeg", "png", "webp", "avif", "gif", "svg", "tif", "tiff"]);

/** A file in the articles folder that is neither an article nor an image, and would be ignored. */
export interface StrayFile {
  /** Path relative to the articles folder. */
  path: string;
  message: string;
}

/** True for a path (relative to the articles folder) the build reads as an article: `.md`, outside hidden folders. */
export function isArticleFile(path: string): boolean {
  return path.endsWith(".md") && !path.split(/[\\/]/).some((segment) => segment.startsWith("."));
}

/**
 * Finds files the build would silently skip: article files must end in ".md" (lower case);
 * apart from them, the folder holds only images. Hidden files and folders are left alone,
 * except for articles inside them.
 */
export function findStrayFiles(paths: readonly string[]): StrayFile[] {
  return paths.flatMap((path): StrayFile[] => {
    const segments = path.split(/[\\/]/);
    const name = segments.at(-1) ?? path;
    if (segments.some((segment) => segment.startsWith("."))) {
      // Hidden files and folders (.gitkeep, .obsidian/) are the tools' business, but an
      // article inside one would be skipped without a word.
      return name.endsWith(".md") && !name.startsWith(".")
        ? [{ path, message: "this article is in a hidden folder, which the build skips; move it out" }]
        : [];
    }
    const dot = name.lastIndexOf(".");
    const extension = dot > 0 ? name.slice(dot + 1) : "";
    if (extension === "md" || IMAGE_EXTENSIONS.has(extension.toLowerCase())) return [];
    if (/^(md|markdown|mdown|mkd)$/i.test(extension)) {
      return [
        {
          path,
          message: `article files must end in .md (lower case); rename it to ${name.slice(0, dot)}.md`,
        },
      ];
    }
    return [
      {
        path,
        message:
          "not an article (.md) or an image, so the build would ignore it; move it out of the articles folder",
      },
    ];
  });
}
