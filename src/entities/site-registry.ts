import { resolve } from "node:path";
import { site } from "../site.config";
import { loadEntityRegistry, type LoadedRegistry } from "./load";

let loaded: LoadedRegistry | undefined;

/**
 * The site's entity registry (site.entitiesDir), read once per process. The article loader and
 * `npm run check` report its problems; with any, it is empty here too.
 */
export function getSiteEntities(): LoadedRegistry {
  loaded ??= loadEntityRegistry(resolve(site.entitiesDir), process.cwd());
  return loaded;
}
