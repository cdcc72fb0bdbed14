// The benchmark's worker process: the product's worker plus the bare baseline workflow and its no-op.
import { fileURLToPath } from 'node:url';
import { runWorker } from '../workers/run-worker.js';

await runWorker({
  workflowsPath: fileURLToPath(new URL('./workflows/index.ts', import.meta.url)),
  extraActivities: { benchNoop: async () => undefined },
});
