/**
 * A serial meter that signs on with IEC 62056-21 protocol mode E, on one end of a pty pair: it
 * answers each request message `/?!CR LF` with a scripted identification and, after the
 * acknowledgement, hands the line to the reference simulator (HDLC) until the next request.
 * A pty ignores line settings, so one 8N1 port serves both the 300-baud sign-on and HDLC; the
 * state, not the port, tells the two apart (a request starts with '/', an HDLC frame with 0x7E).
 */
import * as fs from 'node:fs';
import { openSerial } from '../../drivers/serial';
import type { Transport } from '../../drivers/transport';
import { createSimulator, type Simulator } from '../../simulator';

/** IEC 62056-21 6.3.1: the start character of a request message. */
const START = 0x2f;
const ACK = 0x06;

export interface ModeEMeter {
  /** Everything the meter received during sign-ons (requests and acknowledgements), as text. */
  readonly signOns: () => string;
  stop(): Promise<void>;
}

/**
 * Serves `meterPath`; `clientPath` is held open too, so that the client closing and reopening
 * its end between cases (and across the mode E reopen) never leaves the pty without a reader.
 */
export async function startModeEMeter(meterPath: string, clientPath: string, identification: string): Promise<ModeEMeter> {
  const hold = fs.openSync(clientPath, fs.constants.O_RDWR | fs.constants.O_NOCTTY);
  const port = await openSerial({ path: meterPath, baudRate: 9600, timeoutMs: 2000 });
  const sim: Simulator = createSimulator({ framing: 'hdlc' });
  let toSimulator: (chunk: Uint8Array) => void = () => undefined;
  // The simulator sees a transport that exists only while HDLC runs on the line.
  const hdlcSide: Transport = {
    label: `mode E meter ${meterPath}`,
    write: (bytes) => port.write(bytes),
    onData: (listener) => (toSimulator = listener),
    onClose: () => undefined,
    close: async () => undefined,
  };
  sim.serveTransport(hdlcSide);
  let phase: 'sign-on' | 'hdlc' = 'sign-on';
  let line = '';
  let seen = '';
  port.onData((chunk) => {
    if (chunk[0] === START) {
      phase = 'sign-on';
      line = '';
    }
    if (phase === 'hdlc') {
      toSimulator(chunk);
      return;
    }
    const text = String.fromCharCode(...chunk);
    line += text;
    seen += text;
    if (line.startsWith('/?') && line.endsWith('!\r\n')) {
      line = '';
      void port.write(Uint8Array.from(identification, (c) => c.charCodeAt(0)));
    } else if (line.charCodeAt(0) === ACK && line.endsWith('\r\n')) {
      line = '';
      phase = 'hdlc';
    }
  });
  return {
    signOns: () => seen,
    async stop() {
      await sim.stop();
      await port.close();
      fs.closeSync(hold);
    },
  };
}
