// A compiled rule set: built-in security rules, the admin's forbidden topics and custom rules, turned once
// into a word index and at most one combined regular expression. Screening a message is then one pass over
// its tokens (plus one per decoded payload), whatever the number of rules.
import { CompiledRules } from './engine/compiled-rules.js';
import { PatternError } from './engine/pattern.js';
import { type AdminRegex, AdminRegexSet, UnsafeRegexError } from './engine/admin-regex.js';
import type { RuleClass, RuleSpec } from './engine/rule.js';
import { securityModel, type SecurityModel } from './model/classifier.js';
import { findPii, redact } from './pii.js';
import type { RuleSetConfig } from './rule-set.js';
import { CONCEPTS, DEFAULT_TOPICS, SECURITY_RULES, topicRule } from './rules/index.js';
import { findSecrets, findTemplateSlots } from './secrets.js';
import { screenOutbound, type OutboundVerdict } from './screen-outbound.js';
import { decodePayloads } from './text/decode-payloads.js';
import { normalise } from './text/normalise.js';
import { tokenise } from './text/tokenise.js';
import type { GuardrailClassification, GuardrailFinding, ScreenResult } from './types.js';

export class RuleSetError extends Error {}

export const DEFAULT_RULE_SET: RuleSetConfig = { topics: DEFAULT_TOPICS, customRules: [], disabledRules: [], outboundModes: {} };

/** Longest text screened; the rest of a longer message is not read by rules (channels cap far below this). */
const MAX_SCREENED_LENGTH = 64_000;
/** Findings of the learned layer: each points at one of the words that weighed most ("triggered keywords"). */
export const MODEL_RULE = 'model.security';
/** A template slot ("[insert prompt here]") alone does not block; with a persona or prompt wording it does. */
const TEMPLATE_SLOT_SCORE = 0.6;

export class Guardrail {
  readonly version: number;
  readonly config: RuleSetConfig;
  private readonly rules: CompiledRules;
  private readonly regex?: AdminRegexSet<RuleSpec>;
  private readonly model: SecurityModel | null;

  /** `options.model`: the learned layer; the committed one unless given (null: rules alone, as training compares). */
  constructor(config: RuleSetConfig, version = 0, options: { model?: SecurityModel | null } = {}) {
    this.version = version;
    this.config = config;
    this.model = options.model === undefined ? securityModel() : options.model;
    const ids = new Set<string>();
    const specs: RuleSpec[] = [];
    const add = (spec: RuleSpec) => {
      if (ids.has(spec.id)) throw new RuleSetError(`duplicate rule id "${spec.id}"`);
      ids.add(spec.id);
      specs.push(spec);
    };
    const disabled = new Set(config.disabledRules);
    for (const rule of SECURITY_RULES) if (!disabled.has(rule.id)) add(rule);
    for (const topic of config.topics) {
      if (!topic.phrases.length) throw new RuleSetError(`topic "${topic.name}" needs at least one phrase`);
      add(topicRule(topic));
    }
    const regexRules: Array<AdminRegex<RuleSpec>> = [];
    for (const custom of config.customRules) {
      const id = `custom.${custom.id}`;
      if (!custom.phrases?.length && !custom.regex) throw new RuleSetError(`custom rule "${custom.id}" needs phrases or a regex`);
      const spec: RuleSpec = { id, class: custom.class, severity: custom.severity, score: custom.severity === 'low' ? 0.5 : 1, match: custom.phrases ?? [], description: custom.description };
      if (custom.phrases?.length) add(spec);
      else if (ids.has(id)) throw new RuleSetError(`duplicate rule id "${id}"`);
      else ids.add(id);
      if (custom.regex) regexRules.push({ source: custom.regex, rule: spec });
    }
    try {
      this.rules = new CompiledRules(specs, CONCEPTS);
    } catch (error) {
      if (error instanceof PatternError) throw new RuleSetError(error.message);
      throw error;
    }
    try {
      if (regexRules.length) this.regex = new AdminRegexSet(regexRules);
    } catch (error) {
      if (!(error instanceof UnsafeRegexError)) throw error;
      const rule = error.ruleIndex === undefined ? '' : `custom rule "${regexRules[error.ruleIndex]!.rule.id.slice('custom.'.length)}": `;
      throw new RuleSetError(rule + error.message);
    }
  }

  get ruleCount(): number {
    return this.rules.rules.length + (this.regex?.size ?? 0);
  }

  /** Classifies one inbound message: security violation, forbidden topic or in scope, with findings and PII. */
  screen(input: string): ScreenResult {
    const text = input.length > MAX_SCREENED_LENGTH ? input.slice(0, MAX_SCREENED_LENGTH) : input;
    const findings: GuardrailFinding[] = [];
    const scores = new Map<string, number>();
    const record = (rule: RuleSpec, start: number, end: number, count = 1) => {
      if (scores.has(rule.id)) return;
      scores.set(rule.id, rule.perMatch ? Math.min(rule.score, rule.perMatch * count) : rule.score);
      findings.push({ rule: rule.id, class: rule.class, severity: rule.severity, start, end });
    };

    const normalised = normalise(text);
    const tokens = tokenise(normalised);
    const heldBack: RuleSpec[] = [];
    for (const hit of this.rules.scan(tokens, heldBack)) record(hit.rule, hit.start!, hit.end!, hit.count);
    for (const match of this.regex?.scan(normalised.text) ?? []) {
      const { source } = normalised;
      record(match.rule, source[match.start]!, match.end > match.start ? source[match.end - 1]! + 1 : source[match.start]!);
    }
    for (const secret of findSecrets(text)) {
      if (!scores.has(secret.rule)) {
        scores.set(secret.rule, 1);
        findings.push(secret);
      }
    }
    for (const slot of findTemplateSlots(text)) {
      scores.set(slot.rule, TEMPLATE_SLOT_SCORE);
      findings.push(slot);
    }
    if (classify(findings, scores) !== 'security_violation') {
      for (const payload of decodePayloads(text)) {
        const decoded = tokenise(normalise(payload.text));
        for (const hit of this.rules.scan(decoded)) {
          if (hit.rule.class === 'security_violation') record(hit.rule, payload.start, payload.end, hit.count);
        }
      }
    }

    let classification = classify(findings, scores);
    // Rules decide where they are certain, both ways: a rule that fired, or one whose exception recognised a
    // harmless reading ("how do I spot a phishing scam"); the model speaks for messages no rule settled.
    const harmlessReading = heldBack.some((rule) => rule.class === 'security_violation');
    if (classification === 'in_scope' && this.model && !harmlessReading) {
      const verdict = this.model.score(tokens);
      if (verdict.flagged) {
        classification = 'security_violation';
        for (const keyword of verdict.keywords) {
          findings.push({ rule: MODEL_RULE, class: 'security_violation', severity: 'medium', start: keyword.start, end: keyword.end });
        }
      }
    }
    const pii = findPii(text);
    return { classification, findings: [...findings, ...pii], redacted: redact(text, pii) };
  }

  /** Screens a reply (AI draft or human edit) with the outbound rules in the modes this rule set gives them. */
  screenOutbound(reply: string, inbound: string): OutboundVerdict {
    return screenOutbound(reply, inbound, this.config.outboundModes);
  }

  /** The neutral reply configured for a forbidden topic, if the message hit one. */
  topicReply(findings: GuardrailFinding[]): string | null {
    for (const finding of findings) {
      const topic = this.config.topics.find((t) => `topic.${t.id}` === finding.rule);
      if (topic?.neutralReply) return topic.neutralReply;
    }
    return null;
  }
}

function classify(findings: GuardrailFinding[], scores: Map<string, number>): GuardrailClassification {
  const total: Record<RuleClass, number> = { security_violation: 0, out_of_scope: 0 };
  for (const finding of findings) {
    if (finding.class === 'security_violation' || finding.class === 'out_of_scope') total[finding.class] += scores.get(finding.rule) ?? 0;
  }
  if (total.security_violation >= 1) return 'security_violation';
  if (total.out_of_scope >= 1) return 'out_of_scope';
  return 'in_scope';
}

let defaultGuardrail: Guardrail | undefined;

/** The built-in rule set with default topics, compiled on first use. */
export function builtInGuardrail(): Guardrail {
  return (defaultGuardrail ??= new Guardrail(DEFAULT_RULE_SET));
}

