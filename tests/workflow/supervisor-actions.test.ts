// A supervisor's hand on a waiting case, on the real Temporal dev server: escalating before the review
// timeout, and handing the case to a reviewer as their claim.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEventSchema } from '../../db/entities/index.js';
import { decideUpdate, escalateUpdate, reassignUpdate } from '../../workflows/contract.js';
import { openCase, repliesTo, waitForStage } from '../helpers/cases.js';
import { recordHistory } from '../helpers/histories.js';
import type { Stack } from '../helpers/stack.js';
import { startWorkflowStack } from '../helpers/workflow-stack.js';

let stack: Stack;
beforeAll(async () => {
  ({ stack } = await startWorkflowStack());
});
afterAll(async () => {
  await stack?.stop();
});

const supervisor = 'sup@example.com';

describe('supervisor actions', () => {
  it('escalates a case at once, with who and why, and starts the escalation tier from then', async () => {
    const { handle, caseId, customer } = await openCase(stack, 'My order 7781 never came', { timeouts: { review: '1h', escalation: '2h' } });
    await waitForStage(handle, 'awaiting_review');
    const before = Date.now();
    const escalated = await handle.executeUpdate(escalateUpdate, { args: [{ supervisor, reason: 'VIP customer' }] });
    expect(escalated).toMatchObject({ stage: 'escalated', escalationLevel: 1, escalationRequest: { by: supervisor, reason: 'VIP customer' } });
    // The deadline is the escalation tier's two hours from now, not what was left of the first tier.
    expect(Date.parse(escalated.deadline!) - before).toBeGreaterThan(1.9 * 3600_000);

    await expect(handle.executeUpdate(escalateUpdate, { args: [{ supervisor }] })).rejects.toMatchObject({ cause: { type: 'BAD_INPUT' } });
    await handle.executeUpdate(decideUpdate, { args: [{ decision: 'approve', reviewer: supervisor }] });
    expect((await handle.result()).stage).toBe('sent');
    await recordHistory(handle, 'escalated-by-supervisor-then-approved');
    expect(await repliesTo(stack, customer)).toHaveLength(1);
    const audit = await stack.orm.em.fork().find(AuditEventSchema, { caseId, type: 'escalated' });
    expect(audit).toEqual([expect.objectContaining({ actor: supervisor, detail: expect.objectContaining({ by: supervisor, reason: 'VIP customer' }) })]);
  });

  it('hands a case to a reviewer, taking it from whoever held it, so only they may decide', async () => {
    const { handle, caseId, customer } = await openCase(stack, 'Can I pay by invoice?', { claimTtl: '1h' });
    await waitForStage(handle, 'awaiting_review');
    const reassigned = await handle.executeUpdate(reassignUpdate, { args: [{ supervisor, reviewer: 'carol@example.com' }] });
    expect(reassigned.claim?.reviewer).toBe('carol@example.com');
    await expect(handle.executeUpdate(decideUpdate, { args: [{ decision: 'approve', reviewer: 'dave@example.com' }] }))
      .rejects.toMatchObject({ cause: { type: 'CLAIMED_BY_OTHER' } });
    const again = await handle.executeUpdate(reassignUpdate, { args: [{ supervisor, reviewer: 'dave@example.com' }] });
    expect(again.claim?.reviewer).toBe('dave@example.com');
    await handle.executeUpdate(decideUpdate, { args: [{ decision: 'approve', reviewer: 'dave@example.com' }] });
    await handle.result();
    await recordHistory(handle, 'reassigned-then-approved');
    expect(await repliesTo(stack, customer)).toHaveLength(1);
    const audit = await stack.orm.em.fork().find(AuditEventSchema, { caseId, type: 'reassigned' }, { orderBy: { id: 'asc' } });
    expect(audit.map((row) => [row.actor, row.detail.reviewer])).toEqual([[supervisor, 'carol@example.com'], [supervisor, 'dave@example.com']]);
  });

  it('refuses to escalate or reassign a case that no longer waits for a decision', async () => {
    const { handle } = await openCase(stack, 'Thanks, all good');
    await waitForStage(handle, 'awaiting_review');
    await handle.executeUpdate(decideUpdate, { args: [{ decision: 'reject', reviewer: 'rev@example.com' }] });
    await expect(handle.executeUpdate(escalateUpdate, { args: [{ supervisor }] })).rejects.toBeDefined();
    const final = await handle.result();
    expect(final).toMatchObject({ stage: 'rejected', escalationLevel: 0, claim: null });
  });
});
