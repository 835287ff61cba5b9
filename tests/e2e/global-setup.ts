import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { serveStatic } from "../../tools/static-server";
import { mergeParts } from "../../src/parts/merge";
import {
  buildFixtureSite,
  FIXTURE_REPOSITORY,
  projectRoot,
  searchFixtureArticlesDir,
} from "../support/site-build";

declare module "vitest" {
  export interface ProvidedContext {
    /** Address of the served fixture site, ending in its base path and a slash. */
    siteUrl: string;
    /** Address of the served search fixture site (tests/fixtures/search), built the same way. */
    searchSiteUrl: string;
    /** The search fixture site built in parts (2017–2019, 2020–2022, all years) and merged, served the same way. */
    partsSiteUrl: string;
    /** The search fixture site built whole with one article page per part of its index (SEARCH_PART_PAGES=1). */
    smallPartsSiteUrl: string;
  }
}

const BASE = "/archive";

/** Builds the fixture sites under a base path and serves them on loopback for the browser tests. */
export default async function setup(project: TestProject) {
  const dist = await buildFixtureSite({ base: BASE, pageSize: 2, env: FIXTURE_REPOSITORY });
  const server = await serveStatic(dist, BASE);
  project.provide("siteUrl", server.url);
  const searchDist = await buildFixtureSite({
    base: BASE,
    pageSize: 2,
    articlesDir: searchFixtureArticlesDir,
  });
  const searchServer = await serveStatic(searchDist, BASE);
  project.provide("searchSiteUrl", searchServer.url);
  const partsDirs: string[] = [];
  for (const archiveYears of ["2017-2019", "2020-2022", "none"]) {
    partsDirs.push(
      await buildFixtureSite({
        base: BASE,
        pageSize: 2,
        articlesDir: searchFixtureArticlesDir,
        archiveYears,
      }),
    );
  }
  const partsWork = await mkdtemp(join(tmpdir(), "archive-merged-"));
  const partsDist = join(partsWork, "dist");
  await mergeParts({
    parts: partsDirs,
    out: partsDist,
    root: projectRoot,
    manifestPath: join(partsWork, "urls.txt"),
    base: BASE,
  });
  const partsServer = await serveStatic(partsDist, BASE);
  project.provide("partsSiteUrl", partsServer.url);
  const smallPartsDist = await buildFixtureSite({
    base: BASE,
    pageSize: 2,
    articlesDir: searchFixtureArticlesDir,
    env: { SEARCH_PART_PAGES: "1" },
  });
  const smallPartsServer = await serveStatic(smallPartsDist, BASE);
  project.provide("smallPartsSiteUrl", smallPartsServer.url);
  return async () => {
    await server.close();
    await searchServer.close();
    await partsServer.close();
    await smallPartsServer.close();
    await rm(dist, { recursive: true, force: true });
    await rm(searchDist, { recursive: true, force: true });
    await rm(partsWork, { recursive: true, force: true });
    await rm(smallPartsDist, { recursive: true, force: true });
    for (const dir of partsDirs) await rm(dir, { recursive: true, force: true });
  };
}
