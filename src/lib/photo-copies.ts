/**
 * The copies the site makes of a photo it shows in the article column (frontmatter photos in
 * ArticleFigure.astro, body photos through src/articles/body-figures.ts): for small screens, the
 * column (40rem) and the column on dense screens. Astro never enlarges an image: a width beyond
 * the photo's own becomes the photo's own width.
 */
export const PHOTO_COPY_WIDTHS = [480, 800, 1200] as const;

/** The column: 40rem, or the screen less its margins (at most 2rem each side). */
export const PHOTO_COPY_SIZES = "(min-width: 44rem) 40rem, calc(100vw - 2rem)";
