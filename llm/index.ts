import type { Config } from '../runtime/config.js';
import type { CompletionStore } from './completion-store.js';
import type { Drafter } from './drafter.js';
import { OfflineDrafter } from './offline-drafter.js';
import { OpenAiDrafter } from './openai-drafter.js';

export * from './drafter.js';

export function createDrafter(llm: Config['llm'], store?: CompletionStore): Drafter {
  return llm ? new OpenAiDrafter({ ...llm, store }) : new OfflineDrafter();
}
