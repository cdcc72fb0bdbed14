import type { WorkflowHandle } from '@temporalio/client';
import { startCase } from '../../api/cases/start-case.js';
import { EmulatorMessageSchema } from '../../db/entities/index.js';
import { EMULATOR_BUSINESS_NUMBER } from '../../runtime/config.js';
import { stateQuery, type CaseInput, type CaseState } from '../../workflows/contract.js';
import type { handleInboundMessage } from '../../workflows/index.js';
import type { Stack } from './stack.js';
import { customerNumber, messageSid } from './twilio.js';
import { waitFor } from './wait.js';

export interface TestCase {
  caseId: string;
  customer: string;
  handle: WorkflowHandle<typeof handleInboundMessage>;
}

/** Starts a case the way the webhook does, with the stack's timeouts unless the test passes tiny ones. */
export interface OpenCaseOptions extends Omit<CaseInput, 'message'> {
  /** Write from this number (to continue a conversation); a fresh one by default. */
  customer?: string;
  channel?: 'sms' | 'whatsapp';
  receivedAt?: string;
}

export async function openCase(stack: Stack, body: string, options: OpenCaseOptions = {}): Promise<TestCase> {
  const { customer = customerNumber(), channel = 'sms', receivedAt = new Date().toISOString(), ...pinned } = options;
  const prefix = channel === 'whatsapp' ? 'whatsapp:' : '';
  const { caseId } = await startCase(stack.client, stack.config, {
    channel,
    providerMessageId: messageSid(),
    from: prefix + customer,
    to: prefix + EMULATOR_BUSINESS_NUMBER,
    body,
    receivedAt,
  }, pinned);
  return { caseId, customer: prefix + customer, handle: stack.client.workflow.getHandle(caseId) };
}

export function waitForStage(handle: WorkflowHandle, stage: CaseState['stage'], timeoutMs?: number): Promise<CaseState> {
  return waitFor(() => handle.query(stateQuery), (state) => state.stage === stage, `stage ${stage}`, timeoutMs);
}

/** What the Twilio emulator holds for one customer: the replies a handset would have received. */
export async function repliesTo(stack: Stack, customer: string) {
  return stack.orm.em.fork().find(EmulatorMessageSchema, { to: customer }, { orderBy: { dateCreated: 'asc' } });
}
