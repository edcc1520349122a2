import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError } from '../../config/error';
import { builtinSecret } from '../builtin-secrets';
import { loadProfile, parseProfile } from './load';
import { thrownBy } from '../../test/helpers/thrown';

const HEAD = `device: { name: m }
transport: { kind: tcp, host: h, port: 4059, framing: wrapper }
`;

describe('loadProfile', () => {
  it('loads the shipped simulator profiles with no environment set', () => {
    for (const f of ['profiles/simulator.yaml', 'profiles/simulator-wrapper.yaml']) {
      const p = loadProfile(f, { env: {}, builtinSecrets: builtinSecret });
      expect(p.transport.kind).to.equal('builtin');
      expect(p.associations.slice(0, 2).map((a) => [a.name, a.clientSap, a.authentication])).to.deep.equal([
        ['public', 16, 'none'],
        ['reader', 1, 'low'],
      ]);
      expect(p.associations[1]!.password!.source).to.equal('builtin:sim-lls');
    }
  });

  it('prefers the environment variable over the built-in password when it is set', () => {
    const p = loadProfile('profiles/simulator.yaml', { env: { DLMSCT_SIM_LLS: 'other' }, builtinSecrets: builtinSecret });
    expect(p.associations[1]!.password!.source).to.equal('env:DLMSCT_SIM_LLS');
    expect(new TextDecoder().decode(p.associations[1]!.password!.reveal())).to.equal('other');
  });

  it('reads the serial opening in its plain and object forms, requireEnhancedId true unless said otherwise', () => {
    const serial = (opening: string) =>
      parseProfile(
        `device: { name: m }\ntransport: { kind: serial, framing: hdlc, path: /dev/ttyUSB0, baudRate: 9600, opening: ${opening} }\nhdlc: { serverLogical: 1 }\nassociations: { a: { clientSap: 16, authentication: none } }\n`,
        'p.yaml',
      ).transport;
    expect(serial('iec21-mode-e')).to.deep.include({ opening: { kind: 'iec21-mode-e', requireEnhancedId: true } });
    expect(serial('{ kind: iec21-mode-e }')).to.deep.include({ opening: { kind: 'iec21-mode-e', requireEnhancedId: true } });
    expect(serial('{ kind: iec21-mode-e, requireEnhancedId: false }')).to.deep.include({ opening: { kind: 'iec21-mode-e', requireEnhancedId: false } });
    const e = thrownBy(ConfigError, () => serial('{ kind: iec21-mode-e, requireEnhancedID: false }'));
    expect(e.message).to.match(/p\.yaml:2/);
  });

  it('parses durations into milliseconds and fills the defaults', () => {
    const p = parseProfile(
      `${HEAD}timeouts: { response: 1.5s, interFrame: 20ms, inactivity: 2min }\nassociations: { a: { clientSap: 16, authentication: none } }\n`,
      'p.yaml',
    );
    expect(p.timeouts).to.deep.equal({ responseMs: 1500, interFrameMs: 20, inactivityMs: 120000, connectMs: 5000 });
  });

  it('refuses an inline password at its exact place and never shows it', () => {
    const e = thrownBy(ConfigError, () =>
      parseProfile(`${HEAD}associations:\n  r: { clientSap: 1, authentication: low, password: hunter2-secret }\n`, 'p.yaml'),
    );
    expect([e.code, e.file, e.line, e.col]).to.deep.equal(['SECRET_INLINE', 'p.yaml', 4, 53]);
    expect(e.message).to.not.contain('hunter2');
  });

  it('refuses a password written as a number without echoing it', () => {
    const e = thrownBy(ConfigError, () => parseProfile(`${HEAD}associations:\n  r: { clientSap: 1, authentication: low, password: 12345678 }\n`, 'p.yaml'));
    expect(e.code).to.equal('CONFIG_TYPE');
    expect(e.message).to.not.contain('12345678');
  });

  it('names an unknown key and the keys allowed there', () => {
    const e = thrownBy(ConfigError, () => parseProfile(`${HEAD}associations: { a: { clientSap: 16, authentication: none, auth: low } }\n`, 'p.yaml'));
    expect([e.code, e.line, e.col]).to.deep.equal(['CONFIG_UNKNOWN_KEY', 3, 59]);
    expect(e.expected).to.contain('authentication');
    expect(e.actual).to.equal('"auth"');
  });

  it('reports a duration without a unit at the value', () => {
    const e = thrownBy(ConfigError, () =>
      parseProfile(`${HEAD}timeouts:\n  response: 5\nassociations: { a: { clientSap: 16, authentication: none } }\n`, 'p.yaml'),
    );
    expect([e.code, e.line, e.col]).to.deep.equal(['CONFIG_TYPE', 4, 13]);
    const e2 = thrownBy(ConfigError, () =>
      parseProfile(`${HEAD}timeouts:\n  response: 5 seconds\nassociations: { a: { clientSap: 16, authentication: none } }\n`, 'p.yaml'),
    );
    expect([e2.code, e2.line, e2.col]).to.deep.equal(['DURATION_BAD', 4, 13]);
  });

  it('reports a missing key at the mapping that lacks it, choosing the transport kind written', () => {
    const e = thrownBy(ConfigError, () =>
      parseProfile(
        'device: { name: m }\ntransport: { kind: tcp, host: h, framing: hdlc }\nassociations: { a: { clientSap: 16, authentication: none } }\n',
        'p.yaml',
      ),
    );
    expect([e.code, e.line, e.col]).to.deep.equal(['CONFIG_MISSING_KEY', 2, 12]);
    expect(e.expected).to.contain('port');
  });

  it('reports an out-of-range client SAP and an unknown mechanism', () => {
    const e = thrownBy(ConfigError, () => parseProfile(`${HEAD}associations: { a: { clientSap: 300, authentication: none } }\n`, 'p.yaml'));
    expect([e.code, e.line, e.col]).to.deep.equal(['CONFIG_RANGE', 3, 33]);
    const e2 = thrownBy(ConfigError, () => parseProfile(`${HEAD}associations: { a: { clientSap: 1, authentication: hls-foo } }\n`, 'p.yaml'));
    expect([e2.code, e2.line, e2.col]).to.deep.equal(['CONFIG_NOT_ALLOWED', 3, 52]);
  });

  it('requires a password for low level security', () => {
    const e = thrownBy(ConfigError, () => parseProfile(`${HEAD}associations:\n  r: { clientSap: 1, authentication: low }\n`, 'p.yaml'));
    expect([e.code, e.line, e.col]).to.deep.equal(['PASSWORD_MISSING', 4, 6]);
  });

  it('refuses an HLS mechanism 2 association whose algorithm the registry does not know, at its hlsAlgorithm', () => {
    const e = thrownBy(ConfigError, () =>
      parseProfile(`${HEAD}associations:\n  m: { clientSap: 55, authentication: hls-manufacturer, password: env:M2, hlsAlgorithm: acme-nope }\n`, 'p.yaml', {
        env: { M2: 'x' },
      }),
    );
    expect([e.code, e.line, e.actual]).to.deep.equal(['PROFILE_UNKNOWN_HLS_ALGORITHM', 4, 'acme-nope']);
  });

  it('says which environment variable is unset', () => {
    const e = thrownBy(ConfigError, () =>
      parseProfile(`${HEAD}associations:\n  r: { clientSap: 1, authentication: low, password: env:NOPE_LLS }\n`, 'p.yaml', { env: {} }),
    );
    expect([e.code, e.line, e.col]).to.deep.equal(['SECRET_UNRESOLVED', 4, 53]);
    expect(e.actual).to.contain('NOPE_LLS is not set');
  });

  it('refuses builtin: references outside the built-in simulator', () => {
    const e = thrownBy(ConfigError, () =>
      parseProfile(`${HEAD}associations:\n  r: { clientSap: 1, authentication: low, password: builtin:sim-lls }\n`, 'p.yaml', {
        builtinSecrets: builtinSecret,
      }),
    );
    expect(e.code).to.equal('SECRET_BUILTIN_OUTSIDE_SIMULATOR');
  });

  it('reads key files as hex relative to the profile', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-profile-'));
    fs.writeFileSync(path.join(dir, 'ek.hex'), '000102030405060708090A0B0C0D0E0F\n');
    fs.writeFileSync(
      path.join(dir, 'p.yaml'),
      `${HEAD}associations:\n  m:\n    clientSap: 1\n    authentication: hls-gmac\n    security: { suite: 0, policy: authenticated-encrypted, blockCipherKey: file:ek.hex }\n`,
    );
    const p = loadProfile(path.join(dir, 'p.yaml'));
    expect(p.associations[0]!.security!.blockCipherKey!.length).to.equal(16);
    expect(String(p.associations[0]!.security!.blockCipherKey)).to.equal('«secret»');
  });

  it('reports YAML syntax errors and duplicate keys with their place', () => {
    const e = thrownBy(ConfigError, () => parseProfile('device: { name: m\n', 'p.yaml'));
    expect(e.code).to.equal('YAML_SYNTAX');
    expect(e.line).to.be.greaterThan(0);
    const d = thrownBy(ConfigError, () => parseProfile('device: { name: m }\ndevice: { name: n }\n', 'p.yaml'));
    expect([d.code, d.line, d.col]).to.deep.equal(['YAML_DUPLICATE_KEY', 2, 1]);
  });

  it('reports an unreadable file as a located error', () => {
    const e = thrownBy(ConfigError, () => loadProfile('no/such/profile.yaml'));
    expect([e.code, e.file, e.line, e.col]).to.deep.equal(['FILE_UNREADABLE', 'no/such/profile.yaml', 1, 1]);
  });

  it('addresses a built-in meter with legal variants as the variants say, and locates an unknown variant', () => {
    const text = (variants: string) =>
      `device: { name: d }\ntransport: { kind: builtin, framing: hdlc, variants: [${variants}] }\nhdlc: { serverLogical: 1, addressSize: 1 }\nassociations: { a: { clientSap: 16, authentication: none } }\n`;
    const p = parseProfile(text('hdlc-four-byte-address, hdlc-window-7'), 'p.yaml');
    expect(p.hdlc).to.deep.include({ addressSize: 4, serverPhysical: 0x1234, window: 7 });
    const e = thrownBy(ConfigError, () => parseProfile(text('no-such-variant'), 'p.yaml'));
    expect([e.code, e.line]).to.deep.equal(['VARIANT_UNKNOWN', 2]);
    expect(e.expected).to.contain('idle-silence');
  });
});
