// The benchmark worker's workflows: the product's case workflow and a bare one-activity baseline, so the
// throughput of full cases is measured against what this server can do at all, in the same run.
import { proxyActivities } from '@temporalio/workflow';

export { handleInboundMessage } from '../../workflows/index.js';

const { benchNoop } = proxyActivities<{ benchNoop(): Promise<void> }>({ startToCloseTimeout: '10s' });

export async function benchBareWorkflow(): Promise<void> {
  await benchNoop();
}
