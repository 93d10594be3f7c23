// Debian's Chromium, driven by playwright-core: nothing downloads a browser. The flags keep
// it off the network this machine does not have (background networking, updates).
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { loadConfig } from '../../config.ts';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export async function launchChromium(): Promise<Browser> {
  const executablePath = loadConfig().chromium;
  if (!fs.existsSync(executablePath)) {
    throw new Error(`${executablePath} is missing: install Debian's chromium package (.ci/run does) or set CHROMIUM`);
  }
  return chromium.launch({ executablePath, args: ARGS });
}
