// `npm run codegen:check`: fails when a generated file is stale, i.e. `npm run codegen` would change what it
// says. Codegen loads the console's documents in whatever order the files arrive, so the same documents can
// come out in another order from one run to the next; a file is stale only when its lines differ, not their order.
import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import config from '../api/graphql/codegen.js';

const sortedLines = (text: string) => text.split('\n').sort().join('\n');

const outputs = (await generate({ ...config, silent: true }, false)) as { filename: string; content: string }[];
const stale = outputs.filter(({ filename, content }) => {
  try {
    return sortedLines(readFileSync(filename, 'utf8')) !== sortedLines(content);
  } catch {
    return true;
  }
});
if (stale.length) {
  console.error(`Stale generated files (run npm run codegen):\n${stale.map((o) => `  - ${o.filename}`).join('\n')}`);
  process.exit(1);
}
console.log(`${outputs.length} generated files are up to date.`);
