import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium (or `CHROMIUM_PATH`, or Lighthouse's `CHROME_PATH`); no browser is ever downloaded. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || process.env.CHROME_PATH || "/usr/bin/chromium";

/** Flags for Chromium in a closed network: no first-run, sync, update or QUIC traffic. */
export const CLOSED_NETWORK_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
] as const;

/** Throws, saying how to install it, when there is no Chromium at CHROMIUM_PATH. */
export function requireChromium(): string {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  }
  return CHROMIUM_PATH;
}

/** Starts headless Chromium with the flags that work in a closed network. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: requireChromium(),
    headless: true,
    args: [...CLOSED_NETWORK_FLAGS],
  });
}
