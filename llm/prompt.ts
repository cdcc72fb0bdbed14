// The prompt for one draft, assembled from the admin's voice, the intent list and its rules, forbidden
// topics, knowledge-base passages, approved examples and the customer's history. Pure and deterministic:
// the same request gives the same messages, byte for byte, which is what makes the completion cache work.
import { INTENTS, type DraftRequest } from './drafter.js';

export interface PromptMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Passages are cited by these labels; the drafter answers with the labels it used. */
export const sourceLabel = (index: number) => `KB${index + 1}`;

const DEFAULT_PERSONA = 'You draft replies for a customer-support team.';

export function systemPrompt(request: DraftRequest): string {
  const lines = [
    request.voice?.persona ?? DEFAULT_PERSONA,
    'A human may review your draft before it is sent.',
    `Tone on ${request.channel}: ${request.voice?.tone ?? 'brief and polite.'}`,
    'Reply in the customer\'s language. Never promise refunds, prices, dates or outcomes; never give legal or medical advice.',
    'Tokens like ⟨EMAIL_1⟩ stand for personal data; keep them as they are if you need them.',
    'Use only facts from the knowledge-base passages and the conversation; when they do not answer the question, say a colleague will follow up, and set needs_human.',
    `Intents: ${INTENTS.join(', ')}.`,
  ];
  if (request.neverAutoIntents?.length) {
    lines.push(`A person always decides ${request.neverAutoIntents.join(', ')}: for those, acknowledge and say the team will reply, and set needs_human.`);
  }
  if (request.forbiddenTopics?.length) {
    lines.push(`Do not discuss: ${request.forbiddenTopics.join('; ')}.`);
  }
  lines.push(
    'Answer with JSON only: reply, intent, confidence (0 to 1, how sure you are the reply is right and complete),',
    'reasoning (one sentence for the reviewer), sources (the labels of the passages you used, e.g. ["KB1"]),',
    'needs_human (true when a person must decide) and human_reason (why, or "").',
  );
  return lines.join('\n');
}

export function userPrompt(request: DraftRequest): string {
  const parts: string[] = [`Channel: ${request.channel}`];
  if (request.passages?.length) {
    parts.push(`Knowledge-base passages:\n${request.passages.map((p, i) => `[${sourceLabel(i)}] ${p.title}: ${p.sentences.join(' ')}`).join('\n')}`);
  }
  if (request.examples?.length) {
    parts.push(`Replies our team approved for similar messages:\n${request.examples.map((e) => `Customer: ${e.customer}\nReply: ${e.reply}`).join('\n---\n')}`);
  }
  if (request.history?.length) {
    parts.push(`Earlier conversation with this customer, on every channel, oldest first:\n${
      request.history.map((line) => `[${line.at.slice(0, 16).replace('T', ' ')} ${line.channel}] ${line.from}: ${line.text}`).join('\n')}`);
  }
  if (request.earlier?.length) {
    parts.push(`Earlier unanswered messages, oldest first (answer them together with the latest):\n${request.earlier.join('\n---\n')}`);
  }
  const attached = request.attachments?.length ? `\nThe customer attached: ${request.attachments.join(', ')} (not shown to you).` : '';
  parts.push(`Customer message:\n${request.text}${attached}`);
  return parts.join('\n\n');
}

export function buildPrompt(request: DraftRequest): PromptMessage[] {
  return [
    { role: 'system', content: systemPrompt(request) },
    { role: 'user', content: userPrompt(request) },
  ];
}
