import { experimental_AstroContainer as AstroContainer } from "astro/container";

let container: Promise<AstroContainer> | undefined;

/** A component rendered to HTML on its own, for the parts the build renders once and reuses. */
export async function renderComponent(
  component: Parameters<AstroContainer["renderToString"]>[0],
  props: Record<string, unknown> = {},
): Promise<string> {
  container ??= AstroContainer.create();
  return (await container).renderToString(component, { props });
}
