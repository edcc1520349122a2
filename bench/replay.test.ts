import { expect } from 'chai';
import { readWhole, recordingTransport, replayCost, replayTransport, turnaroundCost } from './replay';
import { createTimedSimulator } from './timed-simulator';

describe('the replayed read (the client’s own work, no socket)', () => {
  for (const framing of ['hdlc', 'wrapper'] as const) {
    it(`replays a recorded ${framing} read with exactly as many writes as the recording, and measures a positive CPU per exchange`, async () => {
      const sim = createTimedSimulator(framing);
      const r = await replayCost(async () => sim.connectMemory(), framing, 2, 1, 1);
      expect(r.exchanges).to.be.greaterThan(10);
      expect(r.sessions).to.equal(2);
      expect(r.cpuUs).to.be.greaterThan(0);
      expect(r.leastCpuUs).to.be.at.most(r.cpuUs);
    });
  }

  it('counts the writes a recording has no answer for, instead of inventing one', async () => {
    const sim = createTimedSimulator('wrapper');
    const rec = recordingTransport(sim.connectMemory());
    await readWhole({ kind: 'factory', label: 'recorded', open: async () => rec.transport }, 'wrapper');
    const short = replayTransport(rec.recording.slice(0, 2));
    await short.write(Uint8Array.of(1));
    await short.write(Uint8Array.of(2));
    expect(short.extraWrites()).to.equal(0);
    await short.write(Uint8Array.of(3));
    expect(short.extraWrites()).to.equal(1);
  });

  it('times each turn of the client from an answer to the next request, one turn per write that follows an answer', async () => {
    const sim = createTimedSimulator('wrapper');
    const t = await turnaroundCost(async () => sim.connectMemory(), 'wrapper', 2, 0);
    expect(t.writes).to.be.greaterThan(10);
    // Every write but the first of each connection follows an answer; each memory answer is one chunk.
    expect(t.turns).to.equal(t.writes - 2);
    expect(t.chunks).to.be.at.least(t.turns);
    expect(t.meanUs).to.be.greaterThan(0);
  });
});
