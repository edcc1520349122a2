import { expect } from 'chai';
import { fromHex } from '../../dlms/bytes/hex';
import { createSimulator } from '../index';

/** SNRM from client 16 to logical device 1, one-byte addresses (the frame cli.test.ts decodes). */
const SNRM = fromHex('7EA0070321930F017E');
/** UA with the final bit set, as the answer to a poll is. */
const UA_FINAL = 0x73;
const FINAL_BIT = 0x10;

describe('the simulator’s IO shell (serve.ts)', () => {
  it('answers a frame before the event loop turns: no timer, no setImmediate, no idle-gap wait after its last byte', async () => {
    const sim = createSimulator({ framing: 'hdlc' });
    const client = sim.connectMemory();
    try {
      const answers: Uint8Array[] = [];
      client.onData((chunk) => answers.push(chunk));
      void client.write(SNRM);
      // setImmediate runs after every microtask of this turn and before any timer of the next:
      // the whole UA must be here by then.
      const byTheTurn = await new Promise<Uint8Array[]>((resolve) => setImmediate(() => resolve([...answers])));
      expect(byTheTurn, 'the UA by the end of the turn that brought the SNRM').to.have.length(1);
      // The control field follows the flag, the frame format (2 bytes) and the two one-byte addresses.
      expect(byTheTurn[0]![5]! | FINAL_BIT).to.equal(UA_FINAL);
    } finally {
      await client.close();
      await sim.stop();
    }
  });
});
