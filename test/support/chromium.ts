import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Debian's Chromium, and CJK fonts for it, for the browser checks. A fresh machine has neither: install
 * them with apt when we may (root), as the project must install what it needs itself; otherwise fail
 * saying how. Without a CJK font every Chinese character renders as an empty box.
 */
export const CHROMIUM = '/usr/bin/chromium';
const PACKAGES = ['chromium', 'fonts-noto-cjk'];

const hasCjkFont = (): boolean => {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
};

export function ensureChromium(): string {
  if (existsSync(CHROMIUM) && hasCjkFont()) return CHROMIUM;
  if (process.getuid?.() !== 0)
    throw new Error(
      `Chromium and CJK fonts are needed for the browser checks: sudo apt-get install -y ${PACKAGES.join(' ')}`,
    );
  const install = () =>
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...PACKAGES], {
      stdio: 'pipe',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      timeout: 900_000,
    });
  try {
    install();
  } catch {
    execFileSync('apt-get', ['update'], { stdio: 'pipe', timeout: 300_000 });
    install();
  }
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get did not install Chromium at ${CHROMIUM}`);
  if (!hasCjkFont()) throw new Error('apt-get did not install a CJK font (fc-list :lang=zh is empty)');
  return CHROMIUM;
}

/**
 * The Chromium the integration global setup installed, for a test: it never installs (an install inside a
 * test blocks the event loop for minutes while the local cloud's sockets wait), it only checks.
 */
export function installedChromium(): string {
  if (!existsSync(CHROMIUM) || !hasCjkFont())
    throw new Error(
      `Chromium and CJK fonts are missing: the integration global setup installs them (${PACKAGES.join(' ')})`,
    );
  return CHROMIUM;
}

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
