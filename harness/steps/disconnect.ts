/** `disconnect: {}` — close the link (DISC/UA for HDLC, then the transport). */
import { defineStep } from './registry';

defineStep({
  name: 'disconnect',
  description: 'Close the link: DISC/UA for HDLC, then the transport',
  schema: { type: 'object', properties: {} },
  async run(ctx) {
    await ctx.client.disconnect();
    ctx.association = undefined;
    ctx.note('link closed');
  },
});
