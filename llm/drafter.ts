export const INTENTS = [
  'order_status',
  'delivery',
  'account',
  'payment',
  'refund',
  'complaint',
  'billing_dispute',
  'legal',
  'product_question',
  'greeting',
  'other',
] as const;
export type Intent = (typeof INTENTS)[number];

/** A knowledge-base passage the drafter may quote and cite. */
export interface SourcePassage {
  articleId: string;
  title: string;
  /** Whole sentences of the article, as written there, in its order. */
  sentences: string[];
}

/** An earlier customer message and the reply a reviewer approved for it: an example of a good answer. */
export interface ApprovedExample {
  customer: string;
  reply: string;
}

export interface DraftRequest {
  /** For the LLM call log; not part of the prompt. */
  caseId?: string;
  channel: string;
  /** The customer's message with PII replaced by tokens: the drafter never sees the raw values. */
  text: string;
  /** Earlier unanswered messages of the conversation, oldest first, answered together with this one. */
  earlier?: string[];
  /** What the customer and the business said before, on every channel, oldest first, PII as tokens. */
  history?: HistoryLine[];
  /** Content types of media the customer attached (the drafter cannot see them, but knows they are there). */
  attachments?: string[];
  /** Who the drafter speaks as, and how it writes on this channel (settings voice.*). */
  voice?: { persona: string; tone: string };
  /** Subjects the reply must not go into (the guardrail's forbidden topics). */
  forbiddenTopics?: string[];
  /** Intents a human always decides: the drafter says so rather than promising anything. */
  neverAutoIntents?: string[];
  /** The best knowledge-base passages for this message, best first. */
  passages?: SourcePassage[];
  /** Approved replies to similar messages, most similar first. */
  examples?: ApprovedExample[];
}

export interface HistoryLine {
  channel: string;
  from: 'customer' | 'business';
  text: string;
  at: string;
}

export interface Draft {
  text: string;
  intent: string;
  confidence: number;
  reasoning: string;
  needsHuman: boolean;
  /** `offline` for the built-in drafter, else the LLM model that wrote it. */
  model: string;
  /** The passages the draft drew on, as the drafter cited them. */
  sources: { id: string; title: string }[];
  /** Why a human is needed, when the drafter says one is. */
  humanReason?: string;
}

export interface Drafter {
  draft(request: DraftRequest): Promise<Draft>;
}

/** A failure of the LLM endpoint; `retryable` says whether trying again can help (429, 5xx, timeouts). */
export class DrafterError extends Error {
  override name = 'DrafterError';
  constructor(message: string, readonly retryable: boolean, readonly retryAfterMs?: number) {
    super(message);
  }
}
