// Debian's Chromium, driven by playwright-core: nothing downloads a browser. The flags keep
// it off the network this machine does not have (background networking, updates).
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { loadConfig } from '../../config.ts';

/**
 * Chromium's own address-bar popups, which it builds as web pages in a renderer of their own
 * for every window. Each new browser context is a new window, so each page a test or the
 * bench opens paid for them: ~1.7 s of CPU beside the explorer's load (Chromium 156), half of
 * what the two cores did meanwhile. A reader's browser builds them once, when its window opens.
 * An unknown feature name is ignored, so a Chromium without them is unaffected.
 */
const BROWSER_UI_OFF = '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', BROWSER_UI_OFF];

export async function launchChromium(): Promise<Browser> {
  const executablePath = loadConfig().chromium;
  if (!fs.existsSync(executablePath)) {
    throw new Error(`${executablePath} is missing: install Debian's chromium package (.ci/run does) or set CHROMIUM`);
  }
  return chromium.launch({ executablePath, args: ARGS });
}
