import { expect } from 'chai';
import * as path from 'node:path';
import { DEFAULT_METER, loadMeterDefinition, parseMeterDefinition } from './load';
import type { ServeContext } from '../objects/types';
import { VARIANTS } from '../variants';
import { MeterDefinitionError } from '../../config/yaml-cursor';

const MINIMAL = `logicalDeviceName: DLM0000000001
associations:
  - name: public
    clientSap: 16
    authentication: none
    conformance: [get]
    access: read-only
objects:
  - obis: 0-0:40.0.0.255
    class: association-ln
`;

function errorOf(text: string): MeterDefinitionError {
  try {
    parseMeterDefinition(text, 'meter.yaml');
  } catch (e) {
    if (e instanceof MeterDefinitionError) return e;
    throw e;
  }
  throw new Error('expected a MeterDefinitionError');
}

describe('meter definition loader', () => {
  it('loads the default meter with its public and LLS associations and the required objects', () => {
    const m = loadMeterDefinition(DEFAULT_METER);
    expect(m.logicalDeviceName).to.equal('DLM0000000001');
    expect(m.hdlc).to.include({ serverLogical: 1, serverPhysical: 16 });
    expect(m.wrapper.wPort).to.equal(1);
    // Other associations (SN, HLS, suites 1/2) are added by their own suites' needs.
    expect(m.associations.map((a) => [a.name, a.clientSap, a.authentication])).to.deep.include.members([
      ['public', 16, 'none'],
      ['management', 1, 'low'],
    ]);
    const obis = m.objects.map((o) => o.obis);
    for (const required of [
      '0-0:40.0.0.255',
      '0-0:41.0.0.255',
      '0-0:42.0.0.255',
      '0-0:1.0.0.255',
      '1-0:1.8.0.255',
      '1-0:2.8.0.255',
      '1-0:32.7.0.255',
      '0-0:22.0.0.255',
    ]) {
      expect(obis).to.include(required);
    }
  });

  it('resolves the management password from the built-in reference, keeping the reference', () => {
    const management = loadMeterDefinition().associations.find((a) => a.name === 'management')!;
    expect(management.password?.ref).to.equal('builtin:sim-lls');
    expect(new TextDecoder().decode(management.password!.bytes)).to.equal('Qz7-sim-LLS');
  });

  it('takes the algorithm of an HLS mechanism 2 association from the registry, and refuses a name it does not know', () => {
    const m2 = loadMeterDefinition().associations.find((a) => a.name === 'hls-manufacturer')!;
    expect([m2.authentication, m2.security?.algorithm]).to.deep.equal(['hls-manufacturer', 'dlmsct-test-hmac-sha256']);
    const withHls = (security: string) =>
      MINIMAL.replace(
        '    access: read-only\n',
        `    access: read-only\n  - name: m2\n    clientSap: 55\n    authentication: hls-manufacturer\n    password: builtin:sim-hls\n    security: ${security}\n    conformance: [get]\n    access: read-only\n`,
      );
    expect(errorOf(withHls('{ setup: 0-0:43.0.0.255, context: plain, algorithm: acme-nope }')).message).to.match(
      /no manufacturer-specific HLS algorithm of that name \(known: dlmsct-test-hmac-sha256/,
    );
  });

  it('applies the defaults of absent HDLC settings', () => {
    const m = parseMeterDefinition(MINIMAL, 'meter.yaml');
    expect(m.hdlc).to.include({ serverLogical: 1, serverPhysical: 16, maxInfoTx: 128, windowTx: 1 });
    expect(m.associations[0]!.maxPduSize).to.equal(1024);
  });

  it('reports a misspelt key with file, line and column', () => {
    const e = errorOf(MINIMAL.replace('clientSap: 16', 'clientSAP: 16'));
    expect(e.file).to.equal('meter.yaml');
    expect(e.line).to.equal(4);
    expect(e.message).to.match(/^meter\.yaml:4:5: .*unknown key "clientSAP"/);
  });

  it('reports an OBIS code that does not parse at its line', () => {
    const e = errorOf(MINIMAL.replace('0-0:40.0.0.255', '0-0:40.x.0.255'));
    expect(e.line).to.equal(9);
    expect(e.problem).to.contain('not an OBIS code');
  });

  it('reports an unknown class with the classes it knows', () => {
    const e = errorOf(MINIMAL.replace('class: association-ln', 'class: flux-capacitor'));
    expect(e.line).to.equal(10);
    expect(e.problem).to.contain('register');
  });

  it('refuses a second association with the same client SAP', () => {
    const doubled = MINIMAL.replace(
      'objects:',
      `  - name: reader
    clientSap: 16
    authentication: none
    conformance: [get]
    access: read-only
objects:`,
    );
    const e = errorOf(doubled);
    expect(e.line).to.equal(8);
    expect(e.problem).to.contain('duplicate client SAP 16');
  });

  it('requires a password reference for LLS and names an unknown built-in secret', () => {
    expect(errorOf(MINIMAL.replace('authentication: none', 'authentication: low')).problem).to.contain('needs a password');
    const e = errorOf(MINIMAL.replace('authentication: none', 'authentication: low\n    password: builtin:nope'));
    expect(e.line).to.equal(6);
    expect(e.problem).to.contain('sim-lls');
  });

  it('never echoes an inline password in its message', () => {
    const e = errorOf(MINIMAL.replace('authentication: none', 'authentication: low\n    password: hunter22'));
    expect(e.message).not.to.contain('hunter22');
  });

  it('refuses a value outside its type range', () => {
    const e = errorOf(`${MINIMAL}  - obis: 1-0:32.7.0.255
    class: register
    value: { type: long-unsigned, value: 70000 }
    scaler: -1
    unit: V
`);
    expect(e.line).to.equal(13);
    expect(e.problem).to.contain('0..65535');
  });

  it('refuses visibility for an association that does not exist', () => {
    const e = errorOf(`${MINIMAL}    visibleTo: [management]\n`);
    expect(e.line).to.equal(11);
    expect(e.problem).to.contain('public');
  });

  it('refuses a logical device name longer than 16 characters', () => {
    expect(errorOf(MINIMAL.replace('DLM0000000001', 'DLM00000000000000001')).line).to.equal(1);
  });

  it('locates YAML syntax errors', () => {
    const e = errorOf('logicalDeviceName: [unclosed\n');
    expect(e.problem).to.contain('not valid YAML');
    expect(e.line).to.be.greaterThan(0);
  });

  describe('a variant that rewrites the definition of a meter that extends another (full.yaml extends default.yaml)', () => {
    const FULL = path.join(path.dirname(DEFAULT_METER), 'full.yaml');
    const plain = loadMeterDefinition(FULL);

    for (const v of VARIANTS.filter((x) => x.meter !== undefined)) {
      it(`loads with ${v.name}, keeping every object of the base and of the extension`, () => {
        const m = loadMeterDefinition(FULL, [v.name]);
        expect(m.objects.map((o) => o.obis)).to.deep.equal(plain.objects.map((o) => o.obis));
        expect(m.variants).to.deep.equal([v.name]);
      });
    }

    it("changes the base's settings, associations and objects, not only the extension's", () => {
      expect(loadMeterDefinition(FULL, ['hdlc-window-7']).hdlc).to.include({ windowTx: 7, windowRx: 7 });
      const publicGetOnly = loadMeterDefinition(FULL, ['public-get-only']).associations.find((a) => a.clientSap === 16)!;
      expect([...publicGetOnly.conformance]).to.deep.equal(['get']);
      // The voltage register is the base's (default.yaml): the variant must reach it.
      const voltage = loadMeterDefinition(FULL, ['register-unit-count']).objects.find((o) => o.obis === '1-0:32.7.0.255')!;
      expect(voltage.behaviour.read(3, {} as ServeContext)).to.deep.equal({
        kind: 'data',
        data: {
          type: 'structure',
          items: [
            { type: 'integer', value: 0 },
            { type: 'enum', value: 255 },
          ],
        },
      });
    });
  });
});
