// What PostgreSQL can store: text and jsonb refuse U+0000, and jsonb refuses an unpaired surrogate. A
// message carrying either is still a message (Twilio passes on what the handset sent), so the characters are
// dropped or replaced at the door instead of failing every attempt to record the case later.

export function storableText(value: string): string {
  return value.replace(/\u0000/g, '').toWellFormed();
}

/** The inbound message with every text field storable; ids and addresses too, since they are stored as well. */
export function storableMessage<T extends { from: string; to: string; body: string; providerMessageId: string; profileName?: string; email?: string }>(message: T): T {
  return {
    ...message,
    from: storableText(message.from),
    to: storableText(message.to),
    body: storableText(message.body),
    providerMessageId: storableText(message.providerMessageId),
    ...(message.profileName !== undefined ? { profileName: storableText(message.profileName) } : {}),
    ...(message.email !== undefined ? { email: storableText(message.email) } : {}),
  };
}
