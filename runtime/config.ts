// Environment → typed configuration, validated once at start with messages an operator can act on.
// Database settings override these in later layers; this module only knows env and defaults.
import path from 'node:path';
import { DEFAULT_TASK_QUEUE } from '../workflows/contract.js';
import { parseDuration } from '../domain/duration.js';

/** The auth token the built-in Twilio emulator signs with when TWILIO_AUTH_TOKEN is unset. Local only. */
export const EMULATOR_AUTH_TOKEN = 'countersign-emulator-token';
export const EMULATOR_ACCOUNT_SID = 'AC00000000000000000000000000000000';
/** The business's number in the emulator, as a Twilio phone number would be. */
export const EMULATOR_BUSINESS_NUMBER = '+15550000000';

export interface Config {
  port: number;
  publicUrl: string;
  dataDir: string;
  databaseUrl: string | undefined;
  embeddedPgPort: number;
  temporal: {
    address: string | undefined;
    port: number;
    uiPort: number;
    namespace: string;
    taskQueue: string;
    cli: string | undefined;
    /** Temporal UI's base URL for links from the console; known when embedded or set by TEMPORAL_UI_URL. */
    uiUrl: string | undefined;
  };
  llm: { apiKey: string | undefined; baseUrl: string | undefined; model: string; timeoutMs: number } | undefined;
  /** Whether drafts' confidence is calibrated against reviewers' past decisions (COUNTERSIGN_CALIBRATION=off: raw). */
  calibration: boolean;
  /** `apiBaseUrl` is set only when emulating: where the SDK's REST calls go instead of api.twilio.com. */
  twilio: { accountSid: string; authToken: string; emulated: boolean; apiBaseUrl?: string };
  admin: { email: string; password: string | undefined };
  timeouts: { review: string; escalation: string };
  /** The environment variables behind settings that are set, so effectiveSettings can name each value's source. */
  settingsFromEnvironment: string[];
}

/** Environment variables that supply settings (settings/setting-definitions.ts names which). */
const SETTING_VARIABLES = ['COUNTERSIGN_REVIEW_TIMEOUT', 'COUNTERSIGN_ESCALATION_TIMEOUT'];

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function intVar(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new ConfigError(`${name}=${raw} is not a port number (0–65535)`);
  }
  return value;
}

function durationVar(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name] || fallback;
  try {
    parseDuration(raw);
  } catch (error) {
    throw new ConfigError(`${name}: ${(error as Error).message}`);
  }
  return raw.trim();
}

/** LLM_TIMEOUT: how long one completion may take before it counts as failed (and Temporal retries it). */
function llmTimeoutMs(env: NodeJS.ProcessEnv): number {
  const raw = env.LLM_TIMEOUT?.trim() || '20s';
  try {
    return parseDuration(raw);
  } catch (error) {
    throw new ConfigError(`LLM_TIMEOUT: ${(error as Error).message}`);
  }
}

function boolVar(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['on', 'true', '1', 'yes'].includes(raw)) return true;
  if (['off', 'false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name}=${env[name]}: use on or off`);
}

function urlVar(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name] || fallback;
  try {
    return new URL(raw).toString().replace(/\/$/, '');
  } catch {
    throw new ConfigError(`${name}=${raw} is not a URL (e.g. https://support.example.com)`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = intVar(env, 'PORT', 4000);
  const accountSid = env.TWILIO_ACCOUNT_SID || undefined;
  const llmConfigured = Boolean(env.OPENAI_API_KEY || env.OPENAI_BASE_URL);
  return {
    port,
    publicUrl: urlVar(env, 'PUBLIC_URL', `http://localhost:${port}`),
    dataDir: path.resolve(env.DATA_DIR || '.data'),
    databaseUrl: env.DATABASE_URL || undefined,
    embeddedPgPort: intVar(env, 'EMBEDDED_PG_PORT', 5433),
    temporal: {
      address: env.TEMPORAL_ADDRESS || undefined,
      port: intVar(env, 'TEMPORAL_PORT', 7233),
      uiPort: intVar(env, 'TEMPORAL_UI_PORT', 8233),
      namespace: env.TEMPORAL_NAMESPACE || 'default',
      taskQueue: env.TEMPORAL_TASK_QUEUE || DEFAULT_TASK_QUEUE,
      cli: env.TEMPORAL_CLI || undefined,
      uiUrl: env.TEMPORAL_UI_URL
        ? urlVar(env, 'TEMPORAL_UI_URL', '')
        : env.TEMPORAL_ADDRESS ? undefined : `http://localhost:${intVar(env, 'TEMPORAL_UI_PORT', 8233)}`,
    },
    llm: llmConfigured
      ? { apiKey: env.OPENAI_API_KEY, baseUrl: env.OPENAI_BASE_URL, model: env.LLM_MODEL || 'gpt-4o-mini', timeoutMs: llmTimeoutMs(env) }
      : undefined,
    calibration: boolVar(env, 'COUNTERSIGN_CALIBRATION', true),
    twilio: accountSid
      ? { accountSid, authToken: requireVar(env, 'TWILIO_AUTH_TOKEN', 'TWILIO_ACCOUNT_SID is set'), emulated: false }
      : {
          accountSid: EMULATOR_ACCOUNT_SID,
          authToken: env.TWILIO_AUTH_TOKEN || EMULATOR_AUTH_TOKEN,
          emulated: true,
          // A worker on another host than the API points this at the API's /emulator/twilio.
          apiBaseUrl: urlVar(env, 'TWILIO_EMULATOR_URL', `http://127.0.0.1:${port}/emulator/twilio`),
        },
    admin: {
      email: env.COUNTERSIGN_ADMIN_EMAIL || 'admin@localhost',
      password: env.COUNTERSIGN_ADMIN_PASSWORD || undefined,
    },
    timeouts: {
      review: durationVar(env, 'COUNTERSIGN_REVIEW_TIMEOUT', '15m'),
      escalation: durationVar(env, 'COUNTERSIGN_ESCALATION_TIMEOUT', '1h'),
    },
    settingsFromEnvironment: SETTING_VARIABLES.filter((name) => env[name]),
  };
}

function requireVar(env: NodeJS.ProcessEnv, name: string, because: string): string {
  const value = env[name];
  if (!value) throw new ConfigError(`${name} is required because ${because}`);
  return value;
}

export function temporalAddress(config: Config): string {
  return config.temporal.address ?? `127.0.0.1:${config.temporal.port}`;
}
