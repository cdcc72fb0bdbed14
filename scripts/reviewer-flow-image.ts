// Composes the README's picture of a reviewer's flow from the screenshots the browser tests save
// (tests/e2e/screenshots/, after `npm test` or `npx vitest run tests/e2e`): npm run docs:image.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium, SCREENSHOTS } from '../tests/helpers/browser.js';

const STEPS = [
  { file: 'queue.png', caption: '1 · A new message arrives in the queue, live' },
  { file: 'case-edit-refused.png', caption: '2 · The draft, why it says so, and an edit the rules refuse' },
  { file: 'case-approved.png', caption: '3 · Approved: the reply is sent, once, and the timeline says so' },
];
const OUTPUT = path.resolve('docs/reviewer-flow.png');

const missing = STEPS.filter((step) => !existsSync(path.join(SCREENSHOTS, step.file)));
if (missing.length) {
  console.error(`missing ${missing.map((s) => s.file).join(', ')} in ${SCREENSHOTS}: run the browser tests first (npx vitest run tests/e2e)`);
  process.exit(1);
}

const figure = (step: (typeof STEPS)[number]) => {
  const data = readFileSync(path.join(SCREENSHOTS, step.file)).toString('base64');
  return `<figure><img src="data:image/png;base64,${data}" alt=""><figcaption>${step.caption}</figcaption></figure>`;
};
const html = `<!doctype html><meta charset="utf-8"><style>
  body { margin: 0; padding: 28px; background: #0d1117; font: 600 22px/1.4 system-ui, sans-serif; color: #e6ebf2; }
  main { display: grid; grid-template-columns: repeat(3, 1fr); gap: 24px; align-items: start; }
  figure { margin: 0; }
  img { display: block; width: 100%; max-height: 1400px; object-fit: cover; object-position: top; border: 1px solid #263040; border-radius: 10px; }
  figcaption { margin-top: 12px; }
</style><main>${STEPS.map(figure).join('')}</main>`;

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 2400, height: 900 }, deviceScaleFactor: 1 });
await page.setContent(html, { waitUntil: 'load' });
await page.locator('main').screenshot({ path: OUTPUT });
await browser.close();
console.log(`wrote ${path.relative(process.cwd(), OUTPUT)}`);
