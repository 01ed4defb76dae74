import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's chromium, driven by playwright-core: a real browser checks the HTML, not our own code. */
export const CHROMIUM = '/usr/bin/chromium';

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * A headless Chromium on a fresh profile (a new user-data-dir, removed by close). A missing browser fails
 * the test with the command that installs it; it is never a reason to skip.
 */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing. The HTML tests run Debian's chromium through playwright-core: apt-get install -y chromium (.ci/run does this).`);
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'impact-pack-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
