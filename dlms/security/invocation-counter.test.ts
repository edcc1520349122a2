import { expect } from 'chai';
import fc from 'fast-check';
import { DecodeError } from '../bytes/decode-error';
import { fromHex } from '../bytes/hex';
import { EMPTY_REPLAY_GUARD, acceptInvocationCounter, judgeInvocationCounter, sendCounter, takeInvocationCounter } from './invocation-counter';
import { thrownBy } from '../../test/helpers/thrown';

const errorOf = (fn: () => unknown): DecodeError => thrownBy(DecodeError, fn);

describe('invocation counters', () => {
  const meter = fromHex('4142434445464748');
  const other = fromHex('4D4D4D0000BC614E');

  it('accepts a first counter, then only strictly greater ones from the same system title', () => {
    const g1 = acceptInvocationCounter(EMPTY_REPLAY_GUARD, meter, 5);
    const g2 = acceptInvocationCounter(g1, meter, 6);
    const replay = errorOf(() => acceptInvocationCounter(g2, meter, 6, 17));
    expect([replay.code, replay.offset]).to.deep.equal(['SECURITY_COUNTER_REPLAYED', 17]);
    expect(errorOf(() => acceptInvocationCounter(g2, meter, 2)).code).to.equal('SECURITY_COUNTER_REPLAYED');
  });

  it('keeps one counter per peer and never changes an earlier guard', () => {
    const g1 = acceptInvocationCounter(EMPTY_REPLAY_GUARD, meter, 100);
    const g2 = acceptInvocationCounter(g1, other, 1);
    expect(judgeInvocationCounter(g2, other, 2).accepted).to.equal(true);
    expect(judgeInvocationCounter(g2, meter, 100)).to.deep.equal({ accepted: false, lastAccepted: 100 });
    expect(EMPTY_REPLAY_GUARD.last.size).to.equal(0);
    expect(g1.last.size).to.equal(1);
  });

  it('accepts any strictly increasing sequence and refuses any repeat in it', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 1, maxLength: 30 }), (xs) => {
        const sorted = [...xs].sort((a, b) => a - b);
        let g = EMPTY_REPLAY_GUARD;
        for (const x of sorted) g = acceptInvocationCounter(g, meter, x);
        return judgeInvocationCounter(g, meter, sorted[sorted.length - 1]!).accepted === false;
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('hands out send counters in order and stops after 2^32-1', () => {
    const a = takeInvocationCounter(sendCounter(0x0a55));
    const b = takeInvocationCounter(a.counter);
    expect([a.value, b.value]).to.deep.equal([0x0a55, 0x0a56]);
    const last = takeInvocationCounter(sendCounter(0xffffffff));
    expect(last.value).to.equal(0xffffffff);
    expect(errorOf(() => takeInvocationCounter(last.counter)).code).to.equal('SECURITY_COUNTER_EXHAUSTED');
    expect(errorOf(() => sendCounter(-1)).code).to.equal('SECURITY_BAD_COUNTER');
  });
});
