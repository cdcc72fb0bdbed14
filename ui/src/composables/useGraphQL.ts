import { ErrorCode as SchemaErrorCode, type TypedDocumentString } from '../generated/graphql';
import { useSession } from './useSession';

/**
 * A document generated from a `*.graphql.ts` file (`npm run codegen`): its result and variables types come from
 * the schema, so a schema change that breaks a console query fails `npm run typecheck`.
 */
export type Doc<TData, TVars> = TypedDocumentString<TData, TVars>;

/** The schema's error codes, and two of the console's own: no answer at all, and an answer without a code. */
export type ErrorCode = SchemaErrorCode | 'NETWORK' | 'UNKNOWN';

const SCHEMA_CODES = new Set<unknown>(Object.values(SchemaErrorCode));
const isSchemaCode = (code: unknown): code is SchemaErrorCode => SCHEMA_CODES.has(code);

/** Variables may be left out only where the operation needs none. */
type VariablesArgs<TVars> = Record<string, never> extends TVars
  ? [variables?: TVars, options?: RequestOptions]
  : [variables: TVars, options?: RequestOptions];

/**
 * Sent with every POST: the API refuses a cookie-signed POST without it (auth/request-credentials.ts), which a
 * cross-site form cannot add. Same-origin fetch sends the session cookie by itself (credentials: 'same-origin').
 */
export const CSRF_HEADERS = { 'x-countersign-csrf': '1' } as const;

export class GraphQLRequestError extends Error {
  constructor(message: string, readonly code: ErrorCode) {
    super(message);
    this.name = 'GraphQLRequestError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export interface RequestOptions {
  /** Set false for signIn: its UNAUTHENTICATED means "wrong password", not "session over". */
  sessionErrors?: boolean;
  signal?: AbortSignal;
}

const session = useSession();

export async function request<TData, TVars>(doc: Doc<TData, TVars>, ...[variables, options = {}]: VariablesArgs<TVars>): Promise<TData> {
  const headers = { 'content-type': 'application/json', accept: 'application/json', ...CSRF_HEADERS };
  let body: GraphQLResponse<TData>;
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: JSON.stringify({ query: doc.toString(), variables: variables ?? {} }),
      signal: options.signal,
    });
    body = (await response.json()) as GraphQLResponse<TData>;
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    throw new GraphQLRequestError('Could not reach Countersign. Check your connection and try again.', 'NETWORK');
  }

  const first = body.errors?.[0];
  if (first) {
    const raw = first.extensions?.code;
    const code: ErrorCode = isSchemaCode(raw) ? raw : 'UNKNOWN';
    // App.vue sends the reviewer to /sign-in as soon as the user is gone.
    if (code === 'UNAUTHENTICATED' && options.sessionErrors !== false) session.clear();
    throw new GraphQLRequestError(first.message, code);
  }
  if (!body.data) throw new GraphQLRequestError('The server sent an empty answer.', 'UNKNOWN');
  return body.data;
}

const FRIENDLY: Partial<Record<ErrorCode, string>> = {
  UNAUTHENTICATED: 'Your session has ended. Sign in again.',
  FORBIDDEN: 'Your role does not allow this.',
  NOT_FOUND: 'This case does not exist.',
  NOT_AWAITING_REVIEW: 'This case no longer awaits a decision',
  CSRF_CHECK_FAILED: 'The server did not accept this page. Reload it and try again.',
};

/** The message to show a reviewer for any thrown error. */
export function errorMessage(error: unknown): string {
  if (error instanceof GraphQLRequestError) {
    if (error.code === 'BAD_INPUT' || error.code === 'NETWORK') return error.message;
    return FRIENDLY[error.code] ?? error.message;
  }
  return 'Something went wrong. Try again.';
}

export function errorCode(error: unknown): ErrorCode | null {
  return error instanceof GraphQLRequestError ? error.code : null;
}
