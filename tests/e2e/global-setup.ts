import { rm } from "node:fs/promises";
import type { TestProject } from "vitest/node";
import { buildFixtureSite } from "../support/site-build";
import { serveStatic } from "../support/static-server";

declare module "vitest" {
  export interface ProvidedContext {
    /** Address of the served fixture site, ending in its base path and a slash. */
    siteUrl: string;
  }
}

const BASE = "/archive";

/** Builds the fixture site under a base path and serves it on loopback for the browser tests. */
export default async function setup(project: TestProject) {
  const dist = await buildFixtureSite({ base: BASE, pageSize: 2 });
  const server = await serveStatic(dist, BASE);
  project.provide("siteUrl", server.url);
  return async () => {
    await server.close();
    await rm(dist, { recursive: true, force: true });
  };
}
