// Deciding a case on the real Temporal dev server, with real activities, PostgreSQL and the Twilio
// emulator: what each decision does, which ones are refused, and what the customer receives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEventSchema, CaseSchema } from '../../db/entities/index.js';
import { activeGuardrail, saveRuleSet } from '../../db/guardrail-rule-sets.js';
import { claimUpdate, decideUpdate, releaseUpdate, reviewSignal, stateQuery } from '../../workflows/contract.js';
import { openCase, repliesTo, waitForStage } from '../helpers/cases.js';
import { recordHistory } from '../helpers/histories.js';
import type { Stack } from '../helpers/stack.js';
import { waitFor } from '../helpers/wait.js';
import { startWorkflowStack } from '../helpers/workflow-stack.js';

let stack: Stack;
beforeAll(async () => {
  ({ stack } = await startWorkflowStack());
});
afterAll(async () => {
  await stack?.stop();
});

const rev = 'rev@example.com';

describe('deciding a case', () => {
  it('holds an offline draft for review and sends it once when approved through the update', async () => {
    const { handle, customer, caseId } = await openCase(stack, 'Hello, where is my order 5521?');
    const waiting = await waitForStage(handle, 'awaiting_review');
    expect(waiting).toMatchObject({ intent: 'order_status', policyVersion: expect.any(Number) });
    expect(waiting.draft).toMatch(/order/i);
    expect(waiting.confidence).toBeLessThan(0.5);
    expect(waiting.deadline).not.toBeNull();

    const afterDecision = await handle.executeUpdate(decideUpdate, { args: [{ decision: 'approve', reviewer: rev }] });
    expect(afterDecision.stage).toBe('sending');
    expect((await handle.result()).stage).toBe('sent');
    await recordHistory(handle, 'approve-by-update');
    expect((await repliesTo(stack, customer)).map((r) => r.body)).toEqual([waiting.draft]);
    const row = await stack.orm.em.fork().findOneOrFail(CaseSchema, { id: caseId });
    expect(row).toMatchObject({ stage: 'sent', decision: 'approve', decidedBy: rev });
  });

  it('sends the reviewer\'s text instead of the draft on edit, in GSM-7 so the SMS stays one segment', async () => {
    const { handle, customer } = await openCase(stack, 'Can I change my delivery address?');
    await waitForStage(handle, 'awaiting_review');
    await handle.executeUpdate(decideUpdate, { args: [{ decision: 'edit', reviewer: rev, text: 'Yes — reply with the new address.' }] });
    expect((await handle.result()).stage).toBe('sent');
    expect((await repliesTo(stack, customer)).map((r) => r.body)).toEqual(['Yes - reply with the new address.']);
  });

  it('refuses an edit that breaks an outbound rule, naming the rule, and sends nothing until a clean one', async () => {
    const { handle, customer } = await openCase(stack, 'My parcel is late, what now?');
    await waitForStage(handle, 'awaiting_review');
    const promise = handle.executeUpdate(decideUpdate, { args: [{ decision: 'edit', reviewer: rev, text: 'I guarantee it arrives tomorrow.' }] });
    await expect(promise).rejects.toMatchObject({ cause: { type: 'OUTBOUND_BLOCKED', message: expect.stringContaining('outbound.guarantee') } });
    expect(await repliesTo(stack, customer)).toHaveLength(0);
    await handle.executeUpdate(decideUpdate, { args: [{ decision: 'edit', reviewer: rev, text: 'It should arrive within two days.' }] });
    await handle.result();
    await recordHistory(handle, 'edit-refused-then-edited');
    expect((await repliesTo(stack, customer)).map((r) => r.body)).toEqual(['It should arrive within two days.']);
  });

  it('accepts and sends an edit breaking an outbound rule the admin set to warn, by Update and by Signal alike', async () => {
    const em = stack.orm.em.fork();
    const before = (await activeGuardrail(em)).config;
    await saveRuleSet(em, { ...before, outboundModes: { ...before.outboundModes, 'outbound.guarantee': 'warn' } }, 'review.test');
    try {
      const text = 'We guarantee it arrives tomorrow.';
      const byUpdate = await openCase(stack, 'My parcel is late, is it coming?');
      await waitForStage(byUpdate.handle, 'awaiting_review');
      const decided = await byUpdate.handle.executeUpdate(decideUpdate, { args: [{ decision: 'edit', reviewer: rev, text }] });
      expect(decided).toMatchObject({ stage: 'sending', outbound: { verdict: 'warn' } });
      expect((await byUpdate.handle.result()).stage).toBe('sent');
      await recordHistory(byUpdate.handle, 'edit-sent-under-warn-mode');
      expect((await repliesTo(stack, byUpdate.customer)).map((r) => r.body)).toEqual([text]);

      const bySignal = await openCase(stack, 'Still waiting for my parcel, any news?');
      await waitForStage(bySignal.handle, 'awaiting_review');
      await bySignal.handle.signal(reviewSignal, { decision: 'edit', reviewer: rev, text });
      expect(await bySignal.handle.result()).toMatchObject({ stage: 'sent', decision: { decision: 'edit' } });
      expect((await repliesTo(stack, bySignal.customer)).map((r) => r.body)).toEqual([text]);
    } finally {
      await saveRuleSet(stack.orm.em.fork(), before, 'review.test');
    }
  });

  it('refuses that edit when the admin set the rule to block, and sends nothing', async () => {
    const em = stack.orm.em.fork();
    const before = (await activeGuardrail(em)).config;
    await saveRuleSet(em, { ...before, outboundModes: { ...before.outboundModes, 'outbound.guarantee': 'block' } }, 'review.test');
    try {
      const { handle, customer } = await openCase(stack, 'Is my parcel still coming this week?');
      await waitForStage(handle, 'awaiting_review');
      const refused = handle.executeUpdate(decideUpdate, { args: [{ decision: 'edit', reviewer: rev, text: 'We guarantee it arrives tomorrow.' }] });
      await expect(refused).rejects.toMatchObject({ cause: { type: 'OUTBOUND_BLOCKED' } });
      expect((await handle.query(stateQuery)).stage).toBe('awaiting_review');
      await handle.executeUpdate(decideUpdate, { args: [{ decision: 'reject', reviewer: rev }] });
      await handle.result();
      expect(await repliesTo(stack, customer)).toHaveLength(0);
    } finally {
      await saveRuleSet(stack.orm.em.fork(), before, 'review.test');
    }
  });

  it('sends nothing when the reviewer rejects the draft', async () => {
    const { handle, customer } = await openCase(stack, 'I want a refund for my last invoice');
    await waitForStage(handle, 'awaiting_review');
    await handle.executeUpdate(decideUpdate, { args: [{ decision: 'reject', reviewer: rev, reason: 'needs billing' }] });
    const result = await handle.result();
    expect(result).toMatchObject({ stage: 'rejected', decision: { reason: 'needs billing' } });
    await recordHistory(handle, 'reject');
    expect(await repliesTo(stack, customer)).toHaveLength(0);
  });

  it('refuses an empty edit and a second decision, and sends exactly one reply', async () => {
    const { handle, customer } = await openCase(stack, 'Is my payment through?');
    await waitForStage(handle, 'awaiting_review');
    const emptyEdit = handle.executeUpdate(decideUpdate, { args: [{ decision: 'edit', reviewer: rev, text: '  ' }] });
    await expect(emptyEdit).rejects.toMatchObject({ cause: { type: 'BAD_INPUT' } });

    await handle.executeUpdate(decideUpdate, { args: [{ decision: 'approve', reviewer: 'first@example.com' }] });
    const second = handle.executeUpdate(decideUpdate, { args: [{ decision: 'reject', reviewer: 'second@example.com' }] });
    await expect(second).rejects.toMatchObject({ cause: { type: 'NOT_AWAITING_REVIEW' } });
    expect((await handle.result()).decision?.reviewer).toBe('first@example.com');
    expect(await repliesTo(stack, customer)).toHaveLength(1);
  });

  it('treats the same decisionId sent twice (a double click) as one decision', async () => {
    const { handle, customer } = await openCase(stack, 'Where is my parcel?');
    await waitForStage(handle, 'awaiting_review');
    const decision = { decision: 'approve' as const, reviewer: rev, decisionId: 'click-1' };
    const [first, second] = await Promise.all([
      handle.executeUpdate(decideUpdate, { args: [decision], updateId: 'decision:click-1' }),
      handle.executeUpdate(decideUpdate, { args: [decision], updateId: 'decision:click-1' }),
    ]);
    expect(second).toEqual(first);
    await handle.result();
    expect(await repliesTo(stack, customer)).toHaveLength(1);
  });

  it('accepts the review signal as the Temporal CLI sends it, and records a late one instead of applying it', async () => {
    const { handle, customer, caseId } = await openCase(stack, 'Hi there');
    const waiting = await waitForStage(handle, 'awaiting_review');
    await handle.signal(reviewSignal, { decision: 'approve', reviewer: 'ops@example.com' });
    await handle.signal(reviewSignal, { decision: 'reject', reviewer: 'late@example.com' });
    expect((await handle.result()).decision?.reviewer).toBe('ops@example.com');
    await recordHistory(handle, 'approve-by-signal-then-late-signal');
    expect((await repliesTo(stack, customer)).map((r) => r.body)).toEqual([waiting.draft]);
    const ignored = await stack.orm.em.fork().find(AuditEventSchema, { caseId, type: 'decision_ignored' });
    expect(ignored.map((e) => e.actor)).toEqual(['late@example.com']);
  });

  it('lets only the claiming reviewer decide until the claim is released or lapses', async () => {
    const { handle, customer } = await openCase(stack, 'Do you ship to Norway?', { claimTtl: '1h' });
    await waitForStage(handle, 'awaiting_review');
    const claimed = await handle.executeUpdate(claimUpdate, { args: [{ reviewer: 'alice@example.com' }] });
    expect(claimed.claim?.reviewer).toBe('alice@example.com');

    await expect(handle.executeUpdate(claimUpdate, { args: [{ reviewer: 'bob@example.com' }] }))
      .rejects.toMatchObject({ cause: { type: 'CLAIMED_BY_OTHER' } });
    await expect(handle.executeUpdate(decideUpdate, { args: [{ decision: 'approve', reviewer: 'bob@example.com' }] }))
      .rejects.toMatchObject({ cause: { type: 'CLAIMED_BY_OTHER', message: expect.stringContaining('alice@example.com') } });

    const released = await handle.executeUpdate(releaseUpdate, { args: [{ reviewer: 'alice@example.com' }] });
    expect(released.claim).toBeNull();
    await handle.executeUpdate(decideUpdate, { args: [{ decision: 'approve', reviewer: 'bob@example.com' }] });
    await handle.result();
    await recordHistory(handle, 'claim-refuse-release-decide');
    expect(await repliesTo(stack, customer)).toHaveLength(1);
  });

  it('frees a claim when it lapses', async () => {
    const { handle } = await openCase(stack, 'Opening hours please', { claimTtl: '1s' });
    await waitForStage(handle, 'awaiting_review');
    await handle.executeUpdate(claimUpdate, { args: [{ reviewer: 'alice@example.com' }] });
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const state = await handle.executeUpdate(decideUpdate, { args: [{ decision: 'reject', reviewer: 'bob@example.com' }] });
    expect(state.decision?.reviewer).toBe('bob@example.com');
    await handle.result();
  });

  it('writes every transition to the read model and the append-only audit', async () => {
    const { handle, caseId } = await openCase(stack, 'Hello');
    await waitForStage(handle, 'awaiting_review');
    await handle.executeUpdate(decideUpdate, { args: [{ decision: 'reject', reviewer: rev }] });
    await handle.result();
    const events = await waitFor(
      () => stack.orm.em.fork().find(AuditEventSchema, { caseId }, { orderBy: { id: 'asc' } }),
      (rows) => rows.some((r) => r.type === 'decided'),
      'the decision in the audit',
    );
    expect(events.map((e) => e.type)).toEqual(['case_opened', 'screened', 'review_requested', 'decided']);
    const connection = stack.orm.em.getConnection();
    await expect(connection.execute('update audit_events set actor = ? where case_id = ?', ['mallory', caseId])).rejects.toThrow(/append-only/);
    await expect(connection.execute('delete from audit_events where case_id = ?', [caseId])).rejects.toThrow(/append-only/);
  });
});
