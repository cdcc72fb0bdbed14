// The console's Phone page: the Twilio emulator's handsets, only while no Twilio account is configured.
import { EmulatorMessageSchema, type EmulatorMessage } from '../../../db/entities/index.js';
import { normalisePhoneNumber } from '../../../channels/addresses.js';
import type { HandsetEvent } from '../../emulator/handset-events.js';
import { HandsetInputError, handsetAddress, handsetThread, sendFromHandset } from '../../emulator/handset.js';
import { caseWorkflowId } from '../../../domain/case.js';
import { requireUser, type GraphQLContext } from '../context.js';
import { codedError } from '../errors.js';
import type { HandsetChannel, HandsetMessage, Resolvers } from '../generated/resolvers-types.js';

type HandsetArgs = { number: string; channel: HandsetChannel };

function requireEmulator(ctx: GraphQLContext): void {
  requireUser(ctx);
  if (!ctx.deps.config.twilio.emulated) {
    throw codedError('BAD_INPUT', 'the Twilio emulator is off because TWILIO_ACCOUNT_SID is set: use a real phone');
  }
}

const addressOf = ({ number, channel }: HandsetArgs) => handsetAddress(channel === 'WHATSAPP' ? 'whatsapp' : 'sms', normalisePhoneNumber(number));

function messageView(message: EmulatorMessage): HandsetMessage {
  return {
    ...message,
    direction: message.direction === 'inbound' ? 'INBOUND' : 'OUTBOUND',
    caseId: message.direction === 'inbound' ? caseWorkflowId(message.from.startsWith('whatsapp:') ? 'whatsapp' : 'sms', message.sid) : null,
    createdAt: message.dateCreated.toISOString(),
    updatedAt: message.dateUpdated.toISOString(),
  };
}

export const handsetMessageResolvers: Resolvers = {
  Query: {
    async handsetThread(_, args, ctx) {
      requireEmulator(ctx);
      return (await handsetThread(ctx.em, addressOf(args))).map(messageView);
    },
  },
  Mutation: {
    async sendFromHandset(_, { input }, ctx) {
      requireEmulator(ctx);
      try {
        const channel = input.channel === 'WHATSAPP' ? 'whatsapp' : 'sms';
        return messageView(await sendFromHandset(ctx.deps, { ...input, channel, profileName: input.profileName ?? undefined }));
      } catch (error) {
        if (error instanceof HandsetInputError) throw codedError('BAD_INPUT', error.message);
        throw error;
      }
    },
  },
  Subscription: {
    handsetEvents: {
      async *subscribe(_, args, ctx) {
        requireEmulator(ctx);
        const address = addressOf(args);
        for await (const event of ctx.deps.caseEvents.listen<HandsetEvent>('emulator_handsets', ctx.request.signal)) {
          if (event.handset !== address) continue;
          // A fresh fork per event: the subscription outlives any one identity map.
          const message = await ctx.deps.orm.em.fork().findOne(EmulatorMessageSchema, { sid: event.sid });
          if (message) yield { handsetEvents: messageView(message) };
        }
      },
    },
  },
};
