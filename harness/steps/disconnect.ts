/** `disconnect: {}` — close the link (DISC/UA for HDLC, then the transport). */
import { registerStep } from './registry';

registerStep<Record<string, never>>({
  name: 'disconnect',
  description: 'Close the link: DISC/UA for HDLC, then the transport',
  schema: { type: 'object', properties: {} },
  async run(ctx) {
    await ctx.client.disconnect();
    ctx.association = undefined;
    ctx.note('link closed');
  },
});
