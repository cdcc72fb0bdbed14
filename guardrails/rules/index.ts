import type { RuleSpec } from '../engine/rule.js';
import type { ForbiddenTopic } from './topics.js';

export { CONCEPTS } from './concepts.js';
export { SECURITY_RULES } from './security.js';
export { DEFAULT_TOPICS, type ForbiddenTopic } from './topics.js';

/** A forbidden topic is one rule of class out_of_scope: any of its phrases decides. */
export function topicRule(topic: ForbiddenTopic): RuleSpec {
  return {
    id: `topic.${topic.id}`,
    class: 'out_of_scope',
    severity: 'medium',
    score: 1,
    match: topic.phrases,
    description: topic.name,
  };
}
