import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * Values every instance must share and that must survive restarts, such as the key that signs web chat
 * visitor cookies. Created by migrations, never by request handlers.
 */
export const SettingSchema = defineEntity({
  name: 'Setting',
  tableName: 'settings',
  properties: (p) => ({
    key: p.string().primary(),
    value: p.text(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type Setting = InferEntity<typeof SettingSchema>;
