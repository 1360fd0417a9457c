// First-route JavaScript of the built web app (web/dist): the entry script and the chunks index.html preloads,
// gzipped. Fails above the budget (300 KB). Run after `npm run build:web`: `node web/scripts/bundle-size.mjs`.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 300;
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const files = new Set();
for (const m of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) files.add(m[1]);
for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) files.add(m[1]);

let total = 0;
for (const file of files) {
  const bytes = readFileSync(join(dist, file.replace(/^\//, '')));
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += gz;
  console.log(
    `${(gz / 1024).toFixed(2).padStart(8)} KB gz  ${(bytes.length / 1024).toFixed(2).padStart(8)} KB  ${file}`,
  );
}
console.log(
  `${(total / 1024).toFixed(2).padStart(8)} KB gz  first-route JavaScript (budget ${BUDGET_KB} KB)`,
);
if (total / 1024 > BUDGET_KB) {
  console.error(`Over budget by ${(total / 1024 - BUDGET_KB).toFixed(2)} KB`);
  process.exit(1);
}
