// `npm run worker`: one worker process on the task queue. Run more of them to scale out.
import { runWorker } from './run-worker.js';

await runWorker();
