// Structured logs: one JSON object a line (pino) with the component, the case and the trace it belongs to.
// A customer's PII never reaches a log: every string is passed through the guardrail's tokeniser first
// ("reply to ⟨EMAIL_1⟩"), and secrets by key name are dropped. LOG_FORMAT=pretty (what `npm start` sets)
// prints the same records readable; LOG_LEVEL sets the threshold (info).
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import { findPii, redact } from '../guardrails/pii.js';
import { activeTraceId } from './tracing.js';

export type { Logger } from 'pino';

/** Keys whose values are never logged, whatever they hold: they are replaced by '[redacted]'. */
const SECRET_KEYS = new Set(['password', 'passwordHash', 'token', 'authorization', 'cookie', 'apiKey', 'authToken']);
/** Keys the product fills with its own ids and names, never a customer's words: not worth a PII scan per line. */
const PRODUCT_KEYS = new Set(['caseId', 'traceId', 'activity', 'component', 'attempt', 'local', 'durationMs', 'taskQueue', 'channel']);
const MAX_DEPTH = 4;

/** The log's copy of a value: PII tokenised in every string, secrets dropped, errors kept readable. */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    const findings = value ? findPii(value) : [];
    return findings.length ? redact(value, findings) : value;
  }
  if (value === null || typeof value !== 'object') return value;
  // Deeper than this is not read in a log line, and cannot be checked cheaply: it is left out, not let through.
  if (depth >= MAX_DEPTH) return '[truncated]';
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) {
    const cause = (value as { cause?: unknown }).cause;
    const { code, errors } = value as { code?: unknown; errors?: unknown };
    return {
      type: value.name, message: scrub(value.message), stack: scrub(value.stack),
      ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
      // Node's failed connections to "localhost" are AggregateErrors with an empty message: the parts say why.
      ...(Array.isArray(errors) ? { errors: errors.map((item) => scrub(item, depth + 1)) } : {}),
      ...(cause ? { cause: scrub(cause, depth + 1) } : {}),
    };
  }
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [
    key, SECRET_KEYS.has(key) ? '[redacted]' : PRODUCT_KEYS.has(key) && typeof item !== 'object' ? item : scrub(item, depth + 1),
  ]));
}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];

function createRoot(env: NodeJS.ProcessEnv): Logger {
  const level = env.LOG_LEVEL?.trim().toLowerCase() || 'info';
  if (!LEVELS.includes(level)) throw new Error(`LOG_LEVEL=${env.LOG_LEVEL}: use one of ${LEVELS.join(', ')}`);
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'countersign' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // scrub() has already turned errors into plain records (type, message, stack, code, cause).
    serializers: { err: (value: unknown) => value, error: (value: unknown) => value },
    // Whatever runs inside a trace (a webhook, a workflow's activities) is stamped with its id.
    mixin: () => {
      const traceId = activeTraceId();
      return traceId ? { traceId } : {};
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((arg) => scrub(arg)) as Parameters<typeof method>);
      },
    },
  };
  if (env.LOG_FORMAT?.trim().toLowerCase() === 'pretty') {
    return pino(options, pretty({ sync: true, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname,service', singleLine: true }));
  }
  return pino(options);
}

let root: Logger | undefined;

/**
 * The logger of one part of the product ("api", "worker", "activity"…). `level` overrides LOG_LEVEL for it
 * (the SDK's lines, which the SDK filters by TEMPORAL_LOG_LEVEL itself).
 */
export function logger(component: string, options: { level?: string } = {}): Logger {
  root ??= createRoot(process.env);
  return root.child({ component }, options.level ? { level: options.level } : {});
}
