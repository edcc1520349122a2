/** The profile a bench reads a meter through: one TCP port, its framing, the public association (client SAP 16, no authentication). */
import * as fs from 'node:fs';

export interface TcpProfile {
  readonly file: string;
  readonly deviceName: string;
  readonly port: number;
  readonly framing: 'hdlc' | 'wrapper';
  /** The `hdlc:` mapping's contents, for HDLC framing. */
  readonly hdlc: string;
}

/** Writes the profile to `file` and returns its path. */
export function writeTcpProfile(p: TcpProfile): string {
  fs.writeFileSync(
    p.file,
    [
      `device: { name: ${p.deviceName} }`,
      `transport: { kind: tcp, host: 127.0.0.1, port: ${p.port}, framing: ${p.framing} }`,
      ...(p.framing === 'hdlc' ? [`hdlc: { ${p.hdlc} }`] : []),
      'timeouts: { response: 2s, interFrame: 200ms, inactivity: 120s, connect: 2s }',
      'associations:',
      '  public: { clientSap: 16, authentication: none }',
      '',
    ].join('\n'),
  );
  return p.file;
}
