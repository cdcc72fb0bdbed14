import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../runtime/config.js';
import { temporalConnectionOptions } from '../../runtime/temporal-connection.js';

const options = (env: Record<string, string>) => temporalConnectionOptions(loadConfig(env), env);

describe('temporalConnectionOptions', () => {
  it('talks to the embedded dev server in the clear', () => {
    expect(options({})).toEqual({ address: '127.0.0.1:7233' });
    expect(options({ TEMPORAL_ADDRESS: 'temporal.internal:7233' })).toEqual({ address: 'temporal.internal:7233' });
  });

  it('uses TLS with an API key for Temporal Cloud', () => {
    expect(options({ TEMPORAL_ADDRESS: 'eu-west-1.aws.api.temporal.io:7233', TEMPORAL_API_KEY: 'key-123' }))
      .toEqual({ address: 'eu-west-1.aws.api.temporal.io:7233', tls: {}, apiKey: 'key-123' });
  });

  it('reads a client certificate, a CA and a server name for mTLS', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'temporal-tls-'));
    for (const name of ['client.pem', 'client.key', 'ca.pem']) writeFileSync(path.join(dir, name), `-----${name}-----`);
    const tls = options({
      TEMPORAL_ADDRESS: 'temporal.internal:7233',
      TEMPORAL_TLS_CERT: path.join(dir, 'client.pem'),
      TEMPORAL_TLS_KEY: path.join(dir, 'client.key'),
      TEMPORAL_TLS_CA: path.join(dir, 'ca.pem'),
      TEMPORAL_TLS_SERVER_NAME: 'frontend.temporal',
    }).tls!;
    expect(tls.serverNameOverride).toBe('frontend.temporal');
    expect(tls.serverRootCACertificate!.toString()).toBe('-----ca.pem-----');
    expect(tls.clientCertPair!.crt.toString()).toBe('-----client.pem-----');
    expect(tls.clientCertPair!.key.toString()).toBe('-----client.key-----');
  });

  it('refuses half a certificate pair, a missing file and a contradictory TEMPORAL_TLS', () => {
    expect(() => options({ TEMPORAL_TLS_CERT: '/etc/client.pem' })).toThrow(new ConfigError('TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together: set both for mTLS, or neither'));
    expect(() => options({ TEMPORAL_TLS_CA: '/nonexistent/ca.pem' })).toThrow('TEMPORAL_TLS_CA=/nonexistent/ca.pem: no such file');
    expect(() => options({ TEMPORAL_TLS: 'off', TEMPORAL_API_KEY: 'key' })).toThrow(/TEMPORAL_TLS=off contradicts/);
    expect(() => options({ TEMPORAL_TLS: 'maybe' })).toThrow('TEMPORAL_TLS=maybe: use on or off');
    expect(options({ TEMPORAL_TLS: 'on' })).toEqual({ address: '127.0.0.1:7233', tls: {} });
  });
});
