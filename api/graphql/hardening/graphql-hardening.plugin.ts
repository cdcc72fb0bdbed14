// The Yoga plugin that makes /graphql safe to expose (wired in api/graphql/yoga.ts): the parser stops at
// MAX_TOKENS, documents with more than MAX_FIELDS fields are refused before validation, validation refuses deep, alias-heavy or costly operations before anything executes,
// over-nested variables are refused before execution, and production hides field suggestions.
import { Lexer, Source, TokenKind } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { aliasLimitRule } from './alias-count.rule.js';
import { stripSuggestions } from './field-suggestions.js';
import { fieldCount } from './field-count.js';
import { MAX_ALIASES, MAX_COST, MAX_DEPTH, MAX_FIELDS, MAX_TOKENS, MAX_VARIABLES_DEPTH } from './limits.js';
import { costLimitRule } from './query-cost.rule.js';
import { depthLimitRule } from './query-depth.rule.js';
import { tooComplexError } from './too-complex-error.js';
import { jsonDepth } from './variables-depth.js';

export interface HardeningOptions {
  /** NODE_ENV=production: no field suggestions, and GraphiQL's introspection gets no exemption. */
  production: boolean;
}

/** Whether the document has more than `limit` tokens; asked only after the parser gave up, to say why. */
function exceedsTokens(source: string | Source, limit: number): boolean {
  const lexer = new Lexer(typeof source === 'string' ? new Source(source) : source);
  try {
    for (let count = 0; count <= limit; count++) if (lexer.advance().kind === TokenKind.EOF) return false;
    return true;
  } catch {
    return false; // a lexical error before the limit: the parser's own syntax error stands
  }
}

export function useGraphQLHardening({ production }: HardeningOptions): Plugin {
  // In development GraphiQL must load the schema; in production introspection is counted like any query.
  const ignoreIntrospection = !production;
  // Created once: Yoga caches validation per document and per rule names, so these must be stable.
  const rules = [depthLimitRule(MAX_DEPTH, { ignoreIntrospection }), aliasLimitRule(MAX_ALIASES), costLimitRule(MAX_COST, { ignoreIntrospection })];
  return {
    onParams({ params, setResult }) {
      const depth = jsonDepth(params.variables);
      if (depth <= MAX_VARIABLES_DEPTH) return;
      setResult({
        errors: [createGraphQLError(`variables nest ${depth} levels deep, more than the limit of ${MAX_VARIABLES_DEPTH}`, {
          extensions: { code: 'BAD_INPUT', http: { status: 400 } },
        })],
      });
    },
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, options) => {
        let document: ReturnType<typeof parseFn>;
        try {
          // graphql 16.15 renamed maxTokens to maxLexicalTokens: the parser counts and stops at the limit.
          document = parseFn(source, { ...options, maxLexicalTokens: MAX_TOKENS });
        } catch (error) {
          if (exceedsTokens(source, MAX_TOKENS)) throw tooComplexError(`query has more than ${MAX_TOKENS} tokens, the limit; parsing stopped there`);
          throw error;
        }
        const fields = fieldCount(document);
        if (fields > MAX_FIELDS) throw tooComplexError(`query selects ${fields} fields, more than the limit of ${MAX_FIELDS}`);
        return document;
      });
    },
    onValidate({ addValidationRule }) {
      for (const rule of rules) addValidationRule(rule);
    },
    onExecutionResult({ result, setResult }) {
      if (!production || !result || Symbol.asyncIterator in result || !result.errors?.length) return;
      setResult({ ...result, errors: stripSuggestions(result.errors) });
    },
  };
}
