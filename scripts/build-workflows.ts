// `npm run build:workflows`: bundles the workflow code once, ahead of time, for production workers.
// A worker started with WORKFLOW_BUNDLE=<file> loads it instead of running webpack at every start: it starts
// faster, and every worker of a deployment runs byte-identical workflow code.
import { bundleWorkflowCode } from '@temporalio/worker';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { workflowInterceptorModules, workflowsPath } from '../workers/create-worker.js';

// webpack's module listing is noise here; its warnings and errors are not.
const noop = () => undefined;
const quietLogger = { log: noop, trace: noop, debug: noop, info: noop, warn: console.warn, error: console.error };

const target = path.resolve(process.argv[2] ?? 'dist/workflow-bundle.js');
const started = performance.now();
const { code } = await bundleWorkflowCode({ workflowsPath, workflowInterceptorModules, logger: quietLogger });
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, code);
console.log(`workflow bundle: ${path.relative(process.cwd(), target)} (${(code.length / 1024).toFixed(0)} kB, ${((performance.now() - started) / 1000).toFixed(1)} s)`);
console.log(`run workers with WORKFLOW_BUNDLE=${path.relative(process.cwd(), target)}`);
