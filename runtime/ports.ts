import net from 'node:net';

/** One line an operator can act on, for an error from listen(). */
export function describeListenError(error: unknown, port: number, variable: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return `port ${port} is already in use: stop what uses it, or set ${variable} to a free port`;
  if (code === 'EACCES') return `not allowed to listen on port ${port}: set ${variable} to a port above 1023`;
  return `cannot listen on port ${port}: ${(error as Error).message}`;
}

/** Whether something already listens on 127.0.0.1:port. */
export function isPortBusy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(true));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)));
  });
}

/** A free TCP port on loopback, for tests and tools that run beside a running product. */
export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port!;
}

/**
 * `count` distinct free ports. All are held open until every one is chosen: asking one at a time can hand
 * out the same port twice, and two servers would then race for it.
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: count }, () => new Promise<net.Server>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  })));
  const ports = servers.map((server) => (server.address() as net.AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}
