// Makes sure Debian's Chromium is there for the browser tests: Playwright cannot download its own.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
const debianLike = /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(osRelease);
const root = typeof process.getuid === 'function' && process.getuid() === 0;
const command = 'apt-get update && apt-get install -y chromium';

if (debianLike && root) {
  console.log(`Chromium not found at ${path}; installing Debian's chromium…`);
  execSync(command, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (existsSync(path)) process.exit(0);
}
console.error(`The browser tests need Chromium at ${path}. Install it with:\n\n  sudo ${command}\n\nor set CHROMIUM_PATH to a Chromium binary.`);
process.exit(1);
