import { experimental_AstroContainer as AstroContainer } from "astro/container";

/**
 * Renders after which a fresh container is made: a container keeps a route for every render
 * and looks each new one up from the first, so one container for a whole archive's cards would
 * make every render slower than the last.
 */
const RENDERS_PER_CONTAINER = 500;

let container: Promise<AstroContainer> | undefined;
let renders = 0;

/** A component rendered to HTML on its own, for the parts the build renders once and reuses. */
export async function renderComponent(
  component: Parameters<AstroContainer["renderToString"]>[0],
  props: Record<string, unknown> = {},
): Promise<string> {
  if (container === undefined || renders >= RENDERS_PER_CONTAINER) {
    container = AstroContainer.create();
    renders = 0;
  }
  renders++;
  return (await container).renderToString(component, { props });
}
