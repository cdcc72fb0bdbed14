// The worker's workflowsPath entry: every workflow type the worker runs, exported by name.
export { handleInboundMessage } from './handle-inbound-message.workflow.js';
