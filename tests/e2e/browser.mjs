// Launches Debian's Chromium through playwright-core (no browser download).
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The flags every test browser runs with (no network of its own, no GPU). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** A phone-sized context (390 × 844) in the given locale. */
export function phoneContext(browser, locale = 'de-DE') {
  return browser.newContext({ viewport: { width: 390, height: 844 }, locale, timezoneId: 'Europe/Berlin', deviceScaleFactor: 2 });
}
