// The one owner of a running case: its state, the policy it runs under, and the only ways to change what the
// world sees of it (enter a stage, publish a transition, finish). The handlers (case-handlers.ts), the review
// tiers (review-tiers.ts) and delivery (delivery.ts) all work on this object, so a policy value such as the
// admin's outbound rule modes is read from one snapshot by every step, never passed by hand.
import { allHandlersFinished, condition, patched, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { RecordedInbound } from '../activities/record-inbound.activity.js';
import type { CaseState, DeliveryReport, Stage } from '../domain/case.js';
import { applyDeliveryReport } from '../domain/delivery.js';
import type { OutboundModes } from '../domain/guardrail.js';
import type { CasePolicy } from '../domain/policy.js';
import { loadPolicy, openCase, recordInbound, recordTransition } from './case-activities.js';
import { CaseSearchAttributes, type CaseInput } from './contract.js';

/** The marker of cases that run today's paths. A later change asks `patched()` for its own id, not `takes()`. */
const CURRENT_PATHS = 'case-paths-2026-12';

/** Changes shipped before CURRENT_PATHS, each guarded by its own marker in the histories of older cases. */
export type Change = 'channel-rules-and-delivery' | 'open-case-in-one-step' | 'topic-neutral-reply' | 'draft-outbound-modes';

export class Case {
  readonly state: CaseState;
  /** Every delivery report the case received so far, in arrival order. */
  readonly deliveryReports: DeliveryReport[] = [];
  /** The policy in force when the case opened; undefined only before it opened. */
  #policy: CasePolicy | undefined;
  /**
   * Whether this case runs today's paths. A case started from this version on records this one marker and
   * takes every change below without asking for its own (each `patched()` costs every case a marker and a
   * search-attribute event: four of them were a fifth of an auto-sent case's history). A case started before
   * has no such marker: it replays each earlier change as its history says (`takes`), and keeps the two
   * behaviours older than this marker:
   * - edits and refused decisions checked against the rules' default outbound modes, not the policy's;
   * - search attributes upserted at every transition, not only when one changed.
   * Asked at the start, where replay always knows whether the history carries the marker, because the
   * edit checks also run in Update validators.
   */
  readonly #current = patched(CURRENT_PATHS);
  /** The values the case's search attributes hold, starting with those its start set (api/cases/start-case.ts). */
  readonly #indexed = new Map<string, unknown>(
    Object.entries(CaseSearchAttributes).map(([name, key]) => [name, workflowInfo().typedSearchAttributes.get(key as never)]),
  );

  constructor(readonly input: CaseInput) {
    const { message } = input;
    this.state = {
      caseId: workflowInfo().workflowId, stage: 'screening', channel: message.channel, intent: null, confidence: null,
      escalationLevel: 0, deadline: null, draft: null, reply: null, guardrail: { classification: null, findings: [] },
      decision: null, customerId: null, policyVersion: null, claim: null, outbound: null, wouldAutoSend: null,
      draftError: null, supersedes: [], supersededBy: null, blockedReason: null, delivery: null, deliveryError: null,
      sendAttempt: 1, escalationRequest: null,
    };
  }

  /** Whether this case takes `change`: always from CURRENT_PATHS on, else as its history recorded. */
  takes(change: Change): boolean {
    return this.#current || patched(change);
  }

  get policy(): CasePolicy {
    if (!this.#policy) throw new Error('the case has not opened yet');
    return this.#policy;
  }

  get message() {
    return this.input.message;
  }

  /** How long a reviewer's claim holds: pinned by the input, else the policy's. */
  get claimTtl(): string {
    return this.input.claimTtl ?? this.#policy?.claimTtl ?? '10m';
  }

  /** The outbound rule modes an edit is checked against. */
  get editOutboundModes(): OutboundModes | undefined {
    return this.#current ? this.#policy?.outboundModes : undefined;
  }

  get superseded(): boolean {
    return this.state.supersededBy !== null;
  }

  /** Opens the case: the policy in force, the inbound records, and what this case supersedes. */
  async open(): Promise<RecordedInbound> {
    // One local activity instead of three: each costs the worker a workflow activation. Cases opened before
    // replay the three their histories recorded.
    if (this.takes('open-case-in-one-step')) {
      this.upsertSearchAttributes();
      const opened = await openCase({ caseId: this.state.caseId, message: this.message, state: { ...this.state } });
      this.applyOpened(opened.policy, opened.recorded);
      return opened.recorded;
    }
    const policy = await loadPolicy();
    this.state.policyVersion = policy.version;
    const recorded = await recordInbound({ caseId: this.state.caseId, message: this.message });
    this.applyOpened(policy, recorded);
    await this.publish('case_opened', { policyVersion: policy.version });
    return recorded;
  }

  private applyOpened(policy: CasePolicy, recorded: RecordedInbound): void {
    this.#policy = policy;
    this.state.policyVersion = policy.version;
    this.state.customerId = recorded.customerId;
    this.state.supersedes = recorded.openCaseIds;
  }

  /** Upserts the case's search attributes and records the transition (read model, audit, caseEvents). */
  async publish(event: string, detail?: Record<string, unknown>): Promise<void> {
    this.upsertSearchAttributes();
    await recordTransition({ caseId: this.state.caseId, state: { ...this.state }, event, detail });
  }

  async enter(stage: Stage, event: string, detail?: Record<string, unknown>): Promise<void> {
    this.state.stage = stage;
    await this.publish(event, detail);
  }

  async finish(): Promise<CaseState> {
    await condition(allHandlersFinished);
    return { ...this.state };
  }

  async endSuperseded(): Promise<CaseState> {
    this.state.deadline = null;
    this.state.claim = null;
    await this.enter('superseded', 'superseded', { by: this.state.supersededBy });
    return this.finish();
  }

  /** A provider status callback about one of the case's outbound messages. */
  receiveDeliveryReport(report: DeliveryReport): void {
    this.deliveryReports.push(report);
    this.refreshDelivery();
  }

  /** Folds the reports about the current reply's parts into `state.delivery`. */
  refreshDelivery(): void {
    if (!this.state.delivery) return;
    const perPart = new Map<string, DeliveryReport>();
    let delivery = this.state.delivery;
    for (const report of this.deliveryReports) delivery = applyDeliveryReport(delivery, perPart, report);
    this.state.delivery = delivery;
  }

  private upsertSearchAttributes(): void {
    const { state } = this;
    const values: [keyof typeof CaseSearchAttributes, string | number | null][] = [
      ['stage', state.stage], ['escalationLevel', state.escalationLevel], ['intent', state.intent], ['confidence', state.confidence],
    ];
    const pairs: SearchAttributeUpdatePair[] = [];
    for (const [name, value] of values) {
      if (value === null) continue;
      if (this.#current && this.#indexed.get(name) === value) continue;
      this.#indexed.set(name, value);
      pairs.push({ key: CaseSearchAttributes[name], value } as SearchAttributeUpdatePair);
    }
    if (pairs.length) upsertSearchAttributes(pairs);
  }
}
