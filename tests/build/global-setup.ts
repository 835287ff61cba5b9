import { rm } from "node:fs/promises";
import type { TestProject } from "vitest/node";
import { buildFixtureSite, FIXTURE_REPOSITORY } from "../support/site-build";

declare module "vitest" {
  export interface ProvidedContext {
    /** The fixture site built under the base path /archive with 2 articles a page, edited in FIXTURE_REPOSITORY. */
    fixtureDist: string;
  }
}

/** Builds the fixture site once for every build test. */
export default async function setup(project: TestProject) {
  const dist = await buildFixtureSite({ base: "/archive", pageSize: 2, env: FIXTURE_REPOSITORY });
  project.provide("fixtureDist", dist);
  return async () => {
    await rm(dist, { recursive: true, force: true });
  };
}
