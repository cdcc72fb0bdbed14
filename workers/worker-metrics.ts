// GET /metrics of a worker process: the product's counters its activities keep (runtime/metrics.ts). Port 0
// turns it off; run several workers on one host with a port each.
import { once } from 'node:events';
import http from 'node:http';
import { logger } from '../runtime/logger.js';
import { registry } from '../runtime/metrics.js';

export async function serveWorkerMetrics(port: number): Promise<http.Server | null> {
  if (!Number.isInteger(port) || port <= 0) return null;
  const server = http.createServer(async (request, response) => {
    if (request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    response.setHeader('content-type', registry.contentType);
    response.end(await registry.metrics());
  });
  server.listen(port);
  await once(server, 'listening');
  logger('worker').info({ port }, `worker metrics on http://localhost:${port}/metrics`);
  return server;
}
