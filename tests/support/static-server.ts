// The static host lives with the benchmark, which serves built sites the same way.
export { serveStatic } from "../../src/cli/bench/static-server";
