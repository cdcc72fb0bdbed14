// Structured logs: one JSON object a line (pino) with the component, the case and the trace it belongs to.
// A customer's PII never reaches a log: every string is passed through the guardrail's tokeniser first
// ("reply to ⟨EMAIL_1⟩"), and secrets by key name are dropped. LOG_FORMAT=pretty (what `npm start` sets)
// prints the same records readable; LOG_LEVEL sets the threshold (info).
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import { findPii, redact } from '../guardrails/pii.js';
import { activeTraceId } from './tracing.js';

export type { Logger } from 'pino';

const SECRET_KEYS = new Set(['password', 'passwordHash', 'token', 'authorization', 'cookie', 'apiKey', 'authToken']);
const MAX_DEPTH = 4;

/** The log's copy of a value: PII tokenised in every string, secrets dropped, errors kept readable. */
export function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') {
    const findings = value ? findPii(value) : [];
    return findings.length ? redact(value, findings) : value;
  }
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH) return value;
  if (value instanceof Error) {
    const cause = (value as { cause?: unknown }).cause;
    return { type: value.name, message: scrub(value.message), stack: scrub(value.stack), ...(cause ? { cause: scrub(cause, depth + 1) } : {}) };
  }
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, SECRET_KEYS.has(key) ? '[redacted]' : scrub(item, depth + 1)]));
}

function createRoot(env: NodeJS.ProcessEnv): Logger {
  const options: pino.LoggerOptions = {
    level: env.LOG_LEVEL?.trim().toLowerCase() || 'info',
    base: { service: 'countersign' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
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

/** The logger of one part of the product ("api", "worker", "activity"…). */
export function logger(component: string, bindings: Record<string, unknown> = {}): Logger {
  root ??= createRoot(process.env);
  return root.child({ component, ...bindings });
}
