import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Config } from '../../runtime/config.js';
import { caseWorkflowId, type InboundMessage } from '../../domain/case.js';
import { CaseSearchAttributes, type CaseInput } from '../../workflows/contract.js';
import type { handleInboundMessage } from '../../workflows/index.js';
import { storableMessage } from './storable-text.js';

export interface StartedCase {
  caseId: string;
  /** True when this message had already started a case (a provider retry or a duplicate webhook). */
  duplicate: boolean;
}

const PREVIEW_LENGTH = 80;

/**
 * Starts the case for one inbound message. The workflow ID is the message's identity and the reuse policy
 * refuses a second run even after the first has closed, so a redelivery can never produce a second reply.
 */
export async function startCase(
  client: Client,
  config: Config,
  message: InboundMessage,
  pinned: Omit<CaseInput, 'message'> = {},
): Promise<StartedCase> {
  message = storableMessage(message);
  const caseId = caseWorkflowId(message.channel, message.providerMessageId);
  try {
    await client.workflow.start<typeof handleInboundMessage>('handleInboundMessage', {
      workflowId: caseId,
      taskQueue: config.temporal.taskQueue,
      args: [{ message, ...pinned }],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      workflowIdConflictPolicy: 'FAIL',
      typedSearchAttributes: [
        { key: CaseSearchAttributes.stage, value: 'screening' },
        { key: CaseSearchAttributes.channel, value: message.channel },
        { key: CaseSearchAttributes.escalationLevel, value: 0 },
      ],
      // What ops see in Temporal UI's list before opening a case.
      memo: { preview: message.body.slice(0, PREVIEW_LENGTH) },
    });
    return { caseId, duplicate: false };
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return { caseId, duplicate: true };
    throw error;
  }
}
