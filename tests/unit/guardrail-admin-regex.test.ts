// Proves that an admin's regular expression cannot stall screening: patterns that backtrack for tens of
// seconds in JavaScript's engine run in linear time, and what cannot run that way is refused on save.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET, Guardrail, RuleSetError } from '../../guardrails/guardrail.js';
import type { CustomRule } from '../../guardrails/rule-set.js';

const withRegex = (...regexes: string[]) =>
  new Guardrail({
    ...DEFAULT_RULE_SET,
    customRules: regexes.map((regex, i): CustomRule => ({ id: `r${i}`, class: 'out_of_scope', severity: 'high', regex })),
  });

describe('admin regular expressions', () => {
  it('screens a crafted 29-character message against catastrophic patterns and returns', { timeout: 3_000 }, () => {
    const guardrail = withRegex('(\\w|\\d)*x', '^(a|a)*$');
    const crafted = 'a'.repeat(28) + '!';
    expect(crafted).toHaveLength(29);
    expect(guardrail.screen(crafted).classification).toBe('in_scope');
    expect(guardrail.screen('a'.repeat(29)).findings.map((f) => f.rule)).toEqual(['custom.r1']);
    expect(guardrail.screen('aaaax').findings.map((f) => f.rule)).toEqual(['custom.r0']);
  });

  it('reports which rule matched and where, in the customer\'s own characters', () => {
    const guardrail = withRegex('voucher[- ]?code', '(gift) ?(card)s? (?:pin|code)');
    const text = '😀😀 Hello! Can you send the GIFT card code 😀 today?';
    const result = guardrail.screen(text);
    expect(result.classification).toBe('out_of_scope');
    const finding = result.findings.find((f) => f.rule === 'custom.r1')!;
    expect(text.slice(finding.start, finding.end)).toBe('GIFT card code');
  });

  it('tells rules apart when an earlier expression has groups of its own, named or not', () => {
    const guardrail = withRegex('(?<kind>gift|store) (card)', '(re)(fund)');
    expect(guardrail.screen('I want a refund').findings.map((f) => f.rule)).toEqual(['custom.r1']);
  });

  it('finds a match behind accents and look-alike letters, as word rules do', () => {
    const guardrail = withRegex('promo ?c[o0]de');
    const text = 'Ünïcode test: a prοmο cοde please'; // Greek ο
    const finding = guardrail.screen(text).findings.find((f) => f.rule === 'custom.r0')!;
    expect(text.slice(finding.start, finding.end)).toBe('prοmο cοde');
  });

  it('moves on after a pattern matches the empty string instead of looping', { timeout: 3_000 }, () => {
    expect(withRegex('x*').screen('no x here '.repeat(500)).findings.map((f) => f.rule)).toEqual(['custom.r0']);
  });

  it.each([
    ['(a)\\1', /custom rule "r0": back-references are not supported/],
    ['(?=secret)\\w+', /custom rule "r0": lookahead and lookbehind are not supported/],
    ['(?<!no )refund', /lookahead and lookbehind are not supported/],
    ['(unclosed', /custom rule "r0": invalid regular expression/],
    ['a)|(b', /custom rule "r0": invalid regular expression/],
    ['a'.repeat(301), /longer than 300 characters/],
  ])('refuses %s with the reason', (regex, reason) => {
    expect(() => withRegex(regex)).toThrow(RuleSetError);
    expect(() => withRegex(regex)).toThrow(reason);
  });
});
