import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rm, stat } from "node:fs/promises";
import { once } from "node:events";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readArgs } from "../../src/cli/args";
import { runMeasured } from "./run-measured";

// `npm run bench:import -- [SIZE…]`: imports a generated WordPress export of SIZE posts (each with
// a featured image kept as an attachment further on, categories, tags, a captioned photo and
// what the policy removes) into an empty archive, then again (nothing to write), and reports
// the time and the most memory the import held. Memory must not grow with the export's size.
// `--heap MB` caps V8's old space: what the import needs, rather than what V8 takes when it can.
const USAGE = "npm run bench:import -- [SIZE …] [--heap MB] [--work DIR]";
const { positionals, values } = readArgs(
  { allowPositionals: true, options: { work: { type: "string" }, heap: { type: "string" } } },
  USAGE,
);
const heap = values.heap === undefined ? undefined : Number(values.heap);
if (heap !== undefined && (!Number.isInteger(heap) || heap < 16)) {
  process.stderr.write(`Give --heap as a whole number of megabytes, 16 or more.\nUsage: ${USAGE}\n`);
  process.exit(2);
}
const sizes = (positionals.length > 0 ? positionals : ["10000", "100000"]).map(Number);
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
  process.stderr.write(`Give export sizes as whole numbers of posts.\nUsage: ${USAGE}\n`);
  process.exit(2);
}
const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
const importScript = join(projectRoot, "src/cli/import.ts");
const tsx = join(projectRoot, "node_modules/tsx/dist/cli.mjs");
const progress = (line: string): void => void process.stderr.write(`[bench:import] ${line}\n`);

const TOPICS = [
  "ferries",
  "harbour",
  "council",
  "schools",
  "weather",
  "heritage",
  "courts",
  "sport",
  "health",
  "arts",
];
const pad = (n: number) => String(n).padStart(2, "0");

/** One post and its featured image's attachment, as WordPress exports them. */
function post(i: number): string {
  const day = new Date(Date.UTC(2000, 0, 1) + i * 3_600_000 * 2);
  const local = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())} ${pad(day.getUTCHours())}:${pad(day.getUTCMinutes())}:00`;
  const topic = TOPICS[i % TOPICS.length]!;
  const paragraphs = Array.from(
    { length: 6 },
    (_, p) =>
      `Paragraph ${p + 1} of story ${i} about ${topic}: the harbour board met again and agreed on <strong>new rules</strong> for the quay, the <a href="https://example.org/${i}/${p}">minutes</a> say.`,
  ).join("\n\n");
  return `
	<item>
		<title><![CDATA[Story ${i}: the ${topic} desk reports]]></title>
		<link>https://courier.example.org/news/story-${i}/</link>
		<dc:creator><![CDATA[writer${i % 40}]]></dc:creator>
		<guid isPermaLink="false">https://courier.example.org/?p=${i * 2 + 10}</guid>
		<content:encoded><![CDATA[${paragraphs}

[caption id="attachment_${i}" align="alignnone" width="800"]<img src="https://courier.example.org/wp-content/uploads/${i}.jpg" alt="Photo ${i}" width="800" height="533" /> The quay on day ${i}. Photo: Desk ${i % 7}[/caption]

<script>track(${i});</script>]]></content:encoded>
		<excerpt:encoded><![CDATA[Story ${i} in one line.]]></excerpt:encoded>
		<wp:post_id>${i * 2 + 10}</wp:post_id>
		<wp:post_date><![CDATA[${local}]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[${local}]]></wp:post_date_gmt>
		<wp:post_modified><![CDATA[${local}]]></wp:post_modified>
		<wp:post_modified_gmt><![CDATA[${local}]]></wp:post_modified_gmt>
		<wp:post_name><![CDATA[story-${i}]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		<category domain="category" nicename="${topic}"><![CDATA[${topic}]]></category>
		<category domain="post_tag" nicename="tag-${i % 300}"><![CDATA[tag ${i % 300}]]></category>
		<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[${i * 2 + 11}]]></wp:meta_value></wp:postmeta>
	</item>
	<item>
		<title><![CDATA[photo-${i}]]></title>
		<wp:post_id>${i * 2 + 11}</wp:post_id>
		<wp:status><![CDATA[inherit]]></wp:status>
		<wp:post_type><![CDATA[attachment]]></wp:post_type>
		<wp:attachment_url><![CDATA[https://courier.example.org/wp-content/uploads/lead-${i}.jpg]]></wp:attachment_url>
		<excerpt:encoded><![CDATA[The lead photo of story ${i}.]]></excerpt:encoded>
		<wp:postmeta><wp:meta_key><![CDATA[_media_credit]]></wp:meta_key><wp:meta_value><![CDATA[Desk ${i % 7}]]></wp:meta_value></wp:postmeta>
	</item>`;
}

/** Writes the export as a stream: the generator holds one post at a time, like the importer. */
async function writeExport(path: string, size: number): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
	<title>Bench Courier</title>
	<link>https://courier.example.org</link>
	<language>en</language>
`);
  for (let w = 0; w < 40; w++) {
    await write(
      `	<wp:author><wp:author_login><![CDATA[writer${w}]]></wp:author_login><wp:author_display_name><![CDATA[Writer ${w}]]></wp:author_display_name></wp:author>\n`,
    );
  }
  for (let i = 0; i < size; i++) await write(post(i));
  await write("\n</channel>\n</rss>\n");
  out.end();
  await once(out, "finish");
}

const work = values.work ?? (await mkdtemp(join(tmpdir(), "bench-import-")));
const rows: string[] = [];
const peaks = new Map<number, number>();
for (const size of sizes) {
  const exportFile = join(work, `export-${size}.xml`);
  progress(`writing an export of ${size} posts…`);
  await writeExport(exportFile, size);
  const megabytes = (await stat(exportFile)).size / 1e6;
  const project = join(work, `archive-${size}`);
  await rm(project, { recursive: true, force: true });
  await mkdir(join(project, "content/articles"), { recursive: true });
  for (const run of ["first", "again"] as const) {
    progress(`${size} posts: importing (${run})…`);
    // With --json the command prints the summary alone, from a line "{" (stderr shares the stream).
    const output: string[] = [];
    const measured = await runMeasured(process.execPath, [tsx, importScript, "--json", exportFile], {
      onLine: (line) => output.push(line),
      cwd: project,
      env: {
        ...process.env,
        ARTICLES_DIR: "content/articles",
        NO_COLOR: "1",
        ...(heap !== undefined && { NODE_OPTIONS: `--max-old-space-size=${heap}` }),
      },
    });
    if (measured.code !== 0) {
      process.stderr.write(`${measured.tail.join("\n")}\n`);
      throw new Error(`the import of ${size} posts (${run}) failed`);
    }
    const summary = JSON.parse(output.slice(output.indexOf("{")).join("\n")) as {
      imported: number;
      unchanged: number;
    };
    // The figures are of a whole import and of one that writes nothing; anything else is another run.
    const expected = run === "first" ? summary.imported : summary.unchanged;
    if (expected !== size) {
      throw new Error(
        `the ${run} import of ${size} posts ${run === "first" ? "imported" : "left unchanged"} ${expected}, not all of them`,
      );
    }
    if (run === "first") peaks.set(size, measured.peakRssBytes);
    rows.push(
      `| ${size.toLocaleString("en").padStart(8)} | ${megabytes.toFixed(0).padStart(5)} | ${run.padEnd(5)} | ${(measured.wallMs / 1000).toFixed(1).padStart(8)} | ${Math.round(
        size / (measured.wallMs / 1000),
      )
        .toLocaleString("en")
        .padStart(
          9,
        )} | ${(measured.peakRssBytes / 2 ** 20).toFixed(0).padStart(13)} | ${String(summary.imported).padStart(8)} | ${String(summary.unchanged).padStart(9)} |`,
    );
  }
}
process.stdout.write(
  [
    "| Posts    | MB    | Run   | Time (s) | Posts/s   | Peak RSS (MB) | Imported | Unchanged |",
    "| -------: | ----: | ----- | -------: | --------: | ------------: | -------: | --------: |",
    ...rows,
    "",
  ].join("\n"),
);
if (sizes.length > 1) {
  const smallest = Math.min(...sizes);
  const largest = Math.max(...sizes);
  const ratio = peaks.get(largest)! / peaks.get(smallest)!;
  process.stdout.write(
    `Peak memory, ${largest.toLocaleString("en")} posts / ${smallest.toLocaleString("en")}: ${ratio.toFixed(2)} ${ratio <= 1.1 ? "✓" : "✗"} (≤ 1.10: memory does not grow with the export)\n`,
  );
}
if (!values.work) await rm(work, { recursive: true, force: true });
