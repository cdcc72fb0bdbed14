import type { WorkflowHandle } from '@temporalio/client';
import { startCase } from '../../api/cases/start-case.js';
import { CaseSchema, EmulatorMessageSchema } from '../../db/entities/index.js';
import type { Orm } from '../../db/orm.js';
import { EMULATOR_BUSINESS_NUMBER } from '../../runtime/config.js';
import { caseWorkflowId, type CaseState } from '../../domain/case.js';
import { stateQuery, type CaseInput } from '../../workflows/contract.js';
import type { handleInboundMessage } from '../../workflows/index.js';
import type { Stack } from './stack.js';
import { customerNumber, inboundSms, messageSid, postTwilioWebhook } from './twilio.js';
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

/**
 * An SMS through the stack's signed Twilio webhook, as Twilio delivers it; `overrides` replays a delivery, and
 * `api` sends it to another API process of the same stack (signed for the URL that process answers on).
 */
export async function receiveSms(stack: Stack, body: string, overrides: Record<string, string> = {}, api = { url: stack.url, publicUrl: stack.config.publicUrl }) {
  const params = inboundSms({ Body: body, ...overrides });
  const response = await postTwilioWebhook(api.url, api.publicUrl, '/webhooks/twilio/messages', stack.config.twilio.authToken, params);
  return { response, params, caseId: caseWorkflowId('sms', params.MessageSid!), customer: params.From! };
}

/**
 * The case's row in the read model once it reaches `stage`, watched the way the console watches it (not by
 * workflow query). A failed read, while a test has the database away, counts as "not yet".
 */
export function waitForCaseRow(orm: Orm, caseId: string, stage: string, timeoutMs = 45_000) {
  return waitFor(() => orm.em.fork().findOne(CaseSchema, { id: caseId }).catch(() => null), (row) => row?.stage === stage, `case ${caseId} ${stage}`, timeoutMs)
    .then((row) => row!);
}
