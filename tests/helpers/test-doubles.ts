// Stand-ins for the two outside services a worker calls, for paths a test must force: a drafter that
// answers what the test scripted (or fails like an LLM outage), and a sender whose worker "dies" right
// after Twilio accepted a message. Everything else is the real stack.
import type { OutboundReply, ReplySender, SentReply } from '../../channels/reply-sender.js';
import { DrafterError, type Draft, type DraftRequest, type Drafter } from '../../llm/drafter.js';
import { OfflineDrafter } from '../../llm/offline-drafter.js';

export class ScriptedDrafter implements Drafter {
  private readonly scripts = new Map<string, Partial<Draft> | 'outage'>();
  private readonly fallback = new OfflineDrafter();

  /** Drafts for a message containing `marker` come from `draft`; 'outage' fails like a 503. */
  script(marker: string, draft: Partial<Draft> | 'outage'): void {
    this.scripts.set(marker, draft);
  }

  async draft(request: DraftRequest): Promise<Draft> {
    const entry = [...this.scripts].find(([marker]) => request.text.includes(marker))?.[1];
    if (entry === 'outage') throw new DrafterError('LLM endpoint answered 503: upstream unavailable', true);
    const base = await this.fallback.draft(request);
    return entry ? { ...base, needsHuman: false, model: 'scripted', ...entry } : base;
  }
}

/** Sends for real, then fails the first attempt for bodies containing `marker`, as if the worker died. */
export class CrashAfterAcceptSender implements ReplySender {
  readonly crashed = new Set<string>();

  constructor(private readonly inner: ReplySender, private readonly marker: string) {}

  async send(reply: OutboundReply): Promise<SentReply> {
    const sent = await this.inner.send(reply);
    if (reply.body.includes(this.marker) && !this.crashed.has(reply.caseId)) {
      this.crashed.add(reply.caseId);
      throw new Error('worker lost between the provider accepting and the activity completing');
    }
    return sent;
  }

  findSent(reply: OutboundReply, since: Date): Promise<SentReply | null> {
    return this.inner.findSent(reply, since);
  }
}
