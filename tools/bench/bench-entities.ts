import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { readArgs } from "../../src/cli/args";
import { LOCAL_SITE_URL } from "../../src/addresses/site-address";
import { createCorpusGenerator, type CorpusLexicon } from "./corpus";
import { runMeasured } from "./run-measured";
import { writeCorpus } from "./write-corpus";

// `npm run bench:entities -- [SIZE] [--entries N]`: what the entity registry costs a build. The
// same synthetic archive is built cold without a registry and with one of N entries (every name
// the corpus uses: places within places, people and authors with sort names, aliases; and as
// many more that no article names), each twice.
const USAGE = "npm run bench:entities -- [SIZE] [--entries N] [--seed TEXT] [--work DIR]";
const { positionals, values } = readArgs(
  {
    allowPositionals: true,
    options: {
      entries: { type: "string", default: "20000" },
      seed: { type: "string", default: "1" },
      work: { type: "string" },
    },
  },
  USAGE,
);
const size = Number(positionals[0] ?? 50_000);
const entries = Number(values.entries);
if (!Number.isInteger(size) || size < 1 || !Number.isInteger(entries) || entries < 0) {
  process.stderr.write(`Give a corpus size and a number of entries as whole numbers.\nUsage: ${USAGE}\n`);
  process.exit(2);
}
const projectRoot = fileURLToPath(new URL("../../", import.meta.url));
const astro = join(projectRoot, "node_modules/astro/bin/astro.mjs");
const progress = (line: string): void => void process.stderr.write(`[bench:entities] ${line}\n`);

/** The registry files: an entry for every name of the lexicon, then unused ones up to `count`. */
function registryOf(lexicon: CorpusLexicon, count: number): Record<string, object[]> {
  const describe = (what: string) => `A ${what} of the synthetic archive.`;
  const files: Record<string, object[]> = {
    places: lexicon.places.map((name, i) => ({
      name,
      aliases: [`${name} Town`],
      // The first ten are countries; every other place lies in one of them.
      ...(i >= 10 && { in: lexicon.places[i % 10] }),
      description: describe("place"),
      ids: { geonames: String(1_000_000 + i) },
    })),
    people: lexicon.people.map((name, i) => ({
      name,
      sortAs: name.split(" ").reverse().join(", "),
      description: describe("person"),
      ids: { wikidata: `Q${10_000_000 + i}` },
    })),
    authors: lexicon.bylines.map((name) => ({ name, sortAs: name.split(" ").reverse().join(", ") })),
    organizations: lexicon.organizations.map((name) => ({ name, description: describe("organisation") })),
    agencies: lexicon.agencies.map((name) => ({ name })),
    topics: lexicon.topics.map((name) => ({ name, description: describe("topic") })),
    sections: lexicon.sections.map((name) => ({ name })),
  };
  const used = Object.values(files).reduce((n, list) => n + list.length, 0);
  for (let i = 0; i < count - used; i++) {
    files.people!.push({ name: `Unnamed Person ${i + 1}`, sortAs: `Person ${i + 1}, Unnamed` });
  }
  return files;
}

/** One cold build of the corpus with `entitiesDir` as its registry folder; its wall time. */
async function coldBuild(
  work: string,
  articlesDir: string,
  entitiesDir: string,
  step: string,
): Promise<number> {
  const cacheDir = join(work, `${step}-cache`);
  const urlManifest = join(work, `${step}-urls.txt`);
  await rm(cacheDir, { recursive: true, force: true });
  await writeFile(urlManifest, "");
  progress(`${size} articles: ${step} build…`);
  const output: string[] = [];
  const measured = await runMeasured(process.execPath, [astro, "build", "--outDir", join(work, step)], {
    onLine: (line) => output.push(line),
    cwd: projectRoot,
    env: {
      ...process.env,
      SITE_URL: process.env.SITE_URL || LOCAL_SITE_URL,
      ARTICLES_DIR: relative(projectRoot, articlesDir),
      ENTITIES_DIR: relative(projectRoot, entitiesDir),
      ASTRO_CACHE_DIR: cacheDir,
      URL_MANIFEST: urlManifest,
      ASTRO_TELEMETRY_DISABLED: "1",
      NO_COLOR: "1",
    },
  });
  // The whole output, for a look at which step took longer (kept with --work).
  await writeFile(join(work, `${step}.log`), `${output.join("\n")}\n`);
  if (measured.code !== 0) throw new Error(`The ${step} build failed:\n${measured.tail.join("\n")}`);
  await rm(join(work, step), { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
  return measured.wallMs / 1000;
}

const work = values.work ?? (await mkdtemp(join(tmpdir(), "bench-entities-")));
const articlesDir = join(work, "articles");
progress(`writing ${size} articles (seed ${values.seed}) into ${work}…`);
await writeCorpus(articlesDir, size, values.seed);
const registryDir = join(work, "entities");
await mkdir(registryDir, { recursive: true });
const registry = registryOf(createCorpusGenerator(values.seed).lexicon, entries);
for (const [kind, list] of Object.entries(registry)) {
  await writeFile(join(registryDir, `${kind}.yaml`), stringify(list));
}
const total = Object.values(registry).reduce((n, list) => n + list.length, 0);
// On a virtual machine the second of two builds in a row runs markedly slower, whatever it
// builds: both are built twice, in the order without, with, with, without, and averaged.
const noRegistry = join(work, "no-registry");
const times = { without: [] as number[], with: [] as number[] };
for (const [step, dir] of [
  ["without", noRegistry],
  ["with", registryDir],
  ["with", registryDir],
  ["without", noRegistry],
] as const) {
  times[step].push(await coldBuild(work, articlesDir, dir, `${step}-${times[step].length + 1}`));
}
const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
const [without, withRegistry] = [mean(times.without), mean(times.with)];
process.stdout.write(
  `${size} articles, cold build (mean of two, ABBA): ${without.toFixed(1)} s without a registry ` +
    `(${times.without.map((t) => t.toFixed(1)).join(", ")}), ${withRegistry.toFixed(1)} s with ${total} entries ` +
    `(${times.with.map((t) => t.toFixed(1)).join(", ")}): ${((withRegistry / without - 1) * 100).toFixed(1)}% more.\n`,
);
if (values.work === undefined) await rm(work, { recursive: true, force: true });
