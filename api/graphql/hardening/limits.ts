// Every limit the public GraphQL endpoint enforces, in one place so an operator can see what a client may send.
// Each value is set above what the console's own operations (ui/src/**/*.graphql.ts) measure, said per limit.
import type { ErrorCode } from '../errors.js';

/** Lexical tokens per document. The console's largest operation has ~90 and GraphiQL's introspection ~190;
 *  an alias bomb of a thousand `aN: me { id }` has 6,000, so it is refused while the parser is still reading. */
export const MAX_TOKENS = 5_000;

/** Field selections as written in a document. The review queue writes ~40 and GraphiQL's introspection
 *  ~110; 1,200 repeated `me { id }` (within the token limit, no aliases) would cost validation ~140 ms. */
export const MAX_FIELDS = 500;

/** Nested fields, fragments inlined. The review queue nests 5 deep; 12 leaves room for connections
 *  (cases → edges → node → customer → …) but stops Customer.cases ↔ Case.customer cycles early. */
export const MAX_DEPTH = 12;

/** Aliased fields per operation. The review queue uses 2; aliases are how one request asks for the same
 *  expensive field hundreds of times, and nothing in the console needs more than a handful. */
export const MAX_ALIASES = 30;

/** Static cost per operation: each field 1, a list field's selection times its expected length. The review
 *  queue (two pages of 100 cases) costs 2,806; 5,000 leaves room for one more such page, not a crawl of the database. */
export const MAX_COST = 5_000;

/** Expected length of a list with no first/last and no schema default: most unpaginated lists here
 *  (findings, identities, replies) hold a few entries. */
export const DEFAULT_LIST_SIZE = 10;

/** A list's length never counts for more than this: the largest page of cases or of a customer's history
 *  (the audit log's 500-row pages are flat entries, so counting them as 200 hides little). A first/last given
 *  as a variable counts this much, default or not: validation runs (and is cached) before values are known. */
export const MAX_LIST_SIZE = 200;

/** POST /graphql body size. The largest legitimate body is a rule set save or a reply edit, a few KB;
 *  anything bigger is refused with 413 before it is buffered or parsed. */
export const MAX_BODY_BYTES = 100 * 1024;

/** Nesting of JSON in `variables`. No input type here is more than 4 deep (JSON settings values included);
 *  deeper payloads exist only to exhaust recursive code. */
export const MAX_VARIABLES_DEPTH = 50;

/** The code every depth, alias, cost and token refusal carries (schema.graphql's ErrorCode). */
export const TOO_COMPLEX = 'QUERY_TOO_COMPLEX' satisfies ErrorCode;
