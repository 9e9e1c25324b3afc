import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; `*.localhost` resolves to loopback as it does in a desktop browser. */
/** `extraArgs`: e.g. a fake camera for the check-in scanner. */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--host-resolver-rules=MAP *.localhost 127.0.0.1',
      ...extraArgs,
    ],
  });
}
