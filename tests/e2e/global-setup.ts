import { rm } from "node:fs/promises";
import type { TestProject } from "vitest/node";
import { buildFixtureSite, searchFixtureArticlesDir } from "../support/site-build";
import { serveStatic } from "../../src/cli/static-server";

declare module "vitest" {
  export interface ProvidedContext {
    /** Address of the served fixture site, ending in its base path and a slash. */
    siteUrl: string;
    /** Address of the served search fixture site (tests/fixtures/search), built the same way. */
    searchSiteUrl: string;
  }
}

const BASE = "/archive";

/** Builds the fixture sites under a base path and serves them on loopback for the browser tests. */
export default async function setup(project: TestProject) {
  const dist = await buildFixtureSite({ base: BASE, pageSize: 2 });
  const server = await serveStatic(dist, BASE);
  project.provide("siteUrl", server.url);
  const searchDist = await buildFixtureSite({
    base: BASE,
    pageSize: 2,
    articlesDir: searchFixtureArticlesDir,
  });
  const searchServer = await serveStatic(searchDist, BASE);
  project.provide("searchSiteUrl", searchServer.url);
  return async () => {
    await server.close();
    await searchServer.close();
    await rm(dist, { recursive: true, force: true });
    await rm(searchDist, { recursive: true, force: true });
  };
}
