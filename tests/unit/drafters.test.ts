import { describe, expect, it } from 'vitest';
import { OfflineDrafter } from '../../llm/offline-drafter.js';
import { parseDraft } from '../../llm/openai-drafter.js';

describe('OfflineDrafter', () => {
  it('writes a low-confidence draft that a human must check', async () => {
    const draft = await new OfflineDrafter().draft({ channel: 'sms', text: 'I was charged twice for my order' });
    expect(draft.intent).toBe('billing_dispute');
    expect(draft.needsHuman).toBe(true);
    expect(draft.confidence).toBeLessThan(0.5);
    expect(draft.model).toBe('offline');
  });
});

describe('parseDraft', () => {
  it('reads the structured answer and clamps confidence into 0..1', () => {
    const draft = parseDraft(JSON.stringify({ reply: ' Hi! ', intent: 'greeting', confidence: 1.7, reasoning: 'r', needs_human: false }), 'm');
    expect(draft).toMatchObject({ text: 'Hi!', intent: 'greeting', confidence: 1, needsHuman: false, model: 'm' });
  });

  it('maps an intent outside the configured list to other', () => {
    expect(parseDraft(JSON.stringify({ reply: 'x', intent: 'weather', confidence: 0.5 }), 'm').intent).toBe('other');
  });

  it('treats a reply that is not JSON, or has no reply, as a retryable failure', () => {
    expect(() => parseDraft('Sure! Here is a reply', 'm')).toThrow(expect.objectContaining({ retryable: true }));
    expect(() => parseDraft('{"reply": ""}', 'm')).toThrow(/had no "reply"/);
  });
});
