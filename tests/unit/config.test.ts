import { describe, expect, it } from 'vitest';
import { ConfigError, EMULATOR_AUTH_TOKEN, loadConfig } from '../../runtime/config.js';
import { parseDuration } from '../../domain/duration.js';
import { projectRootOf } from '../../runtime/temporal-cli.js';

describe('loadConfig', () => {
  it('runs on embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.publicUrl).toBe('http://localhost:4000');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.embeddedPgPort).toBe(5433);
    expect(config.temporal).toMatchObject({ address: undefined, port: 7233, uiPort: 8233, namespace: 'default', taskQueue: 'countersign' });
    expect(config.llm).toBeUndefined();
    expect(config.twilio).toMatchObject({ emulated: true, authToken: EMULATOR_AUTH_TOKEN, apiBaseUrl: 'http://127.0.0.1:4000/emulator/twilio' });
    expect(config.timeouts).toEqual({ review: '15m', escalation: '1h' });
    expect(config.admin.email).toBe('admin@localhost');
  });

  it('switches each embedded part for the real service when its variable is set', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://db.example.com/cs',
      TEMPORAL_ADDRESS: 'temporal.example.com:7233',
      OPENAI_API_KEY: 'sk-test',
      LLM_MODEL: 'gpt-4.1-mini',
      TWILIO_ACCOUNT_SID: 'AC123',
      TWILIO_AUTH_TOKEN: 'secret',
    });
    expect(config.databaseUrl).toBe('postgres://db.example.com/cs');
    expect(config.temporal.address).toBe('temporal.example.com:7233');
    expect(config.llm).toMatchObject({ apiKey: 'sk-test', model: 'gpt-4.1-mini' });
    expect(config.twilio).toEqual({ accountSid: 'AC123', authToken: 'secret', emulated: false });
  });

  it('says what is wrong with a bad value, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT=eighty/);
    expect(() => loadConfig({ COUNTERSIGN_REVIEW_TIMEOUT: 'soon' })).toThrow(/COUNTERSIGN_REVIEW_TIMEOUT.*90s, 15m, 2h/);
    expect(() => loadConfig({ TWILIO_ACCOUNT_SID: 'AC1' })).toThrow(/TWILIO_AUTH_TOKEN is required/);
    expect(() => loadConfig({ PUBLIC_URL: 'not a url' })).toThrow(/PUBLIC_URL/);
  });
});

describe('parseDuration', () => {
  it('reads the units operators write', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('1d')).toBe(86_400_000);
    expect(parseDuration('500ms')).toBe(500);
  });

  it('refuses numbers without units and zero', () => {
    expect(() => parseDuration('15')).toThrow(/not a duration/);
    expect(() => parseDuration('0s')).toThrow(/longer than zero/);
  });
});

describe('the project root', () => {
  it('is a real path when the checkout sits in a folder with spaces or non-ASCII letters', () => {
    expect(projectRootOf('file:///home/me/my%20projects/Caf%C3%A9/countersign/runtime/temporal-cli.ts')).toBe('/home/me/my projects/Café/countersign');
  });
});
