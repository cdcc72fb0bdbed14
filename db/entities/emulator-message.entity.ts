import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** What the built-in Twilio emulator holds: messages as Twilio's REST API would return them. */
export const EmulatorMessageSchema = defineEntity({
  name: 'EmulatorMessage',
  tableName: 'emulator_messages',
  properties: (p) => ({
    sid: p.string().primary(),
    accountSid: p.string(),
    direction: p.string(),
    from: p.string().index(),
    to: p.string().index(),
    body: p.text(),
    status: p.string(),
    statusCallback: p.text().nullable(),
    numSegments: p.integer(),
    errorCode: p.integer().nullable(),
    errorMessage: p.string().nullable(),
    dateCreated: p.datetime().onCreate(() => new Date()),
    dateUpdated: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  }),
});
export type EmulatorMessage = InferEntity<typeof EmulatorMessageSchema>;
