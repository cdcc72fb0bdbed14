// How API and workers reach Temporal: the dev server in the clear, or a cluster / Temporal Cloud over TLS,
// with an API key or a client certificate (mTLS). One reader for both the client and the worker connection.
import { readFileSync } from 'node:fs';
import { ConfigError, temporalAddress, type Config } from './config.js';

export interface TemporalConnectionOptions {
  address: string;
  tls?: {
    serverNameOverride?: string;
    serverRootCACertificate?: Buffer;
    clientCertPair?: { crt: Buffer; key: Buffer };
  };
  apiKey?: string;
}

/**
 * TEMPORAL_API_KEY (Temporal Cloud's API keys) turns TLS on; so does a client certificate
 * (TEMPORAL_TLS_CERT + TEMPORAL_TLS_KEY) or TEMPORAL_TLS=on. TEMPORAL_TLS_CA and TEMPORAL_TLS_SERVER_NAME
 * are for a self-hosted cluster behind its own CA or a proxy.
 */
export function temporalConnectionOptions(config: Config, env: NodeJS.ProcessEnv = process.env): TemporalConnectionOptions {
  const address = temporalAddress(config);
  const apiKey = env.TEMPORAL_API_KEY?.trim() || undefined;
  const certPath = env.TEMPORAL_TLS_CERT?.trim() || undefined;
  const keyPath = env.TEMPORAL_TLS_KEY?.trim() || undefined;
  if (Boolean(certPath) !== Boolean(keyPath)) {
    throw new ConfigError('TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY go together: set both for mTLS, or neither');
  }
  const caPath = env.TEMPORAL_TLS_CA?.trim() || undefined;
  const serverName = env.TEMPORAL_TLS_SERVER_NAME?.trim() || undefined;
  const tlsSwitch = env.TEMPORAL_TLS?.trim().toLowerCase();
  if (tlsSwitch && !['on', 'off'].includes(tlsSwitch)) throw new ConfigError(`TEMPORAL_TLS=${env.TEMPORAL_TLS}: use on or off`);
  const tlsWanted = tlsSwitch === 'on' || Boolean(apiKey || certPath || caPath || serverName);
  if (tlsSwitch === 'off' && tlsWanted) {
    throw new ConfigError('TEMPORAL_TLS=off contradicts TEMPORAL_API_KEY / TEMPORAL_TLS_*: an API key and certificates need TLS');
  }
  if (!tlsWanted) return { address };
  return {
    address,
    tls: {
      ...(serverName ? { serverNameOverride: serverName } : {}),
      ...(caPath ? { serverRootCACertificate: readPem('TEMPORAL_TLS_CA', caPath) } : {}),
      ...(certPath && keyPath ? { clientCertPair: { crt: readPem('TEMPORAL_TLS_CERT', certPath), key: readPem('TEMPORAL_TLS_KEY', keyPath) } } : {}),
    },
    ...(apiKey ? { apiKey } : {}),
  };
}

function readPem(variable: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new ConfigError(`${variable}=${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}
