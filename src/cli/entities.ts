import { resolve } from "node:path";
import { site } from "../site.config";
import { readArgs } from "./args";
import { readLabelledArticles } from "../articles/check-archive";
import { loadEntityRegistry } from "../entities/load";
import { adviseOnEntities, formatAdvice } from "../entities/advice";
import { formatProblem } from "../lib/problems";

// `npm run entities [-- --json]`: names that could be declared as one entity, and unused entities.
const USAGE = "npm run entities [-- --json]";
const { values } = readArgs({ options: { json: { type: "boolean", default: false } } }, USAGE);
const root = process.cwd();
const { registry, problems } = loadEntityRegistry(resolve(root, site.entitiesDir), root);
if (problems.length > 0) {
  process.stderr.write(
    `The registry has problems; fix them first (npm run check):\n${problems.map(formatProblem).join("\n")}\n`,
  );
  process.exit(1);
}
try {
  const articles = await readLabelledArticles({ root, site }, registry);
  const advice = adviseOnEntities(articles, registry);
  process.stdout.write(
    values.json
      ? `${JSON.stringify(
          advice.map((item) =>
            item.type === "similar"
              ? item
              : item.type === "other-kind"
                ? {
                    ...item,
                    entity: {
                      name: item.entity.name,
                      kind: item.entity.kind,
                      file: item.entity.file,
                      line: item.entity.line,
                    },
                  }
                : {
                    type: item.type,
                    entity: {
                      name: item.entity.name,
                      kind: item.entity.kind,
                      file: item.entity.file,
                      line: item.entity.line,
                    },
                  },
          ),
          null,
          2,
        )}\n`
      : formatAdvice(advice, site.entitiesDir),
  );
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
