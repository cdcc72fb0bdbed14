import type { Context } from 'koa';

export class BodyTooLargeError extends Error {}

/** Reads a request body up to `limit` bytes; larger bodies are refused before they are buffered. */
export async function readBody(ctx: Context, limit = 64 * 1024): Promise<string> {
  const declared = Number(ctx.get('content-length') || 0);
  if (declared > limit) throw new BodyTooLargeError();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Form fields as Twilio posts them: every value a string; a repeated key keeps its last value. */
export async function readForm(ctx: Context, limit?: number): Promise<Record<string, string>> {
  return Object.fromEntries(new URLSearchParams(await readBody(ctx, limit)));
}
