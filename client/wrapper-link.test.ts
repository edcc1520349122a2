import { expect } from 'chai';
import type { Transport } from '../drivers/transport';
import { FrameRecorder } from './frame-recorder';
import { TraceRecorder } from './recorder';
import { WrapperClientLink } from './wrapper-link';

function link(answer: (sent: Uint8Array) => Uint8Array | undefined): { link: WrapperClientLink; trace: TraceRecorder } {
  let listener: (chunk: Uint8Array) => void = () => undefined;
  const transport: Transport = {
    label: 'scripted',
    write: async (bytes) => {
      const a = answer(bytes);
      if (a) queueMicrotask(() => listener(a));
    },
    onData: (l) => {
      listener = l;
    },
    onClose: () => undefined,
    close: async () => undefined,
  };
  const trace = new TraceRecorder();
  const settings = { framing: 'wrapper' as const, serverLogical: 1, addressSize: 1 as const, responseTimeoutMs: 50, interFrameTimeoutMs: 20 };
  return { link: new WrapperClientLink(transport, settings, 16, new FrameRecorder(trace, () => () => [])), trace };
}

describe('the wrapper client link', () => {
  it('reports bytes that are no wrapper PDU (an HDLC FRMR on a wrapper port) as a malformed answer with their hex, not as silence', async () => {
    const { link: l, trace } = link(() => Uint8Array.of(0x7e, 0xa0, 0x07, 0x21, 0x03, 0x97, 0x2b, 0xe1, 0x7e));
    const a = await l.exchange(Uint8Array.of(0xc0, 0x01, 0xc1));
    expect(a.kind).to.equal('malformed');
    if (a.kind !== 'malformed') return;
    expect(a.error.code).to.equal('WRAPPER_NOT_A_PDU');
    expect(a.error.message).to.match(/7EA0072103972BE17E/i);
    expect(trace.records.some((r) => r.note?.startsWith('discarded by the framer') === true)).to.equal(true);
  });

  it('still reports a real silence as silence', async () => {
    const { link: l } = link(() => undefined);
    expect((await l.exchange(Uint8Array.of(0xc0, 0x01, 0xc1))).kind).to.equal('silence');
  });
});
