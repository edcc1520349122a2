import { expect } from 'chai';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError } from '../../config/error';
import { profileForDevice } from './device-profile';
import { parseDevices } from './devices';
import { thrownBy } from '../../test/helpers/thrown';

const PROFILE = `device: { name: Batch meter }
transport: { kind: tcp, host: 192.0.2.1, port: 4059, framing: hdlc }
hdlc: { serverLogical: 1, serverPhysical: 16 }
associations:
  public: { clientSap: 16, authentication: none }
  reader: { clientSap: 1, authentication: low, password: env:TEMPLATE_LLS }
  management:
    clientSap: 48
    authentication: hls-gmac
    security: { suite: 0, policy: authenticated-encrypted, systemTitle: "4443540000000001", blockCipherKey: env:TEMPLATE_EK, authenticationKey: env:TEMPLATE_AK }
expect: { logicalDeviceName: TEMPLATE }
`;

const EK = '000102030405060708090A0B0C0D0E0F';

function files(devicesText: string, name = 'devices.csv', profileText = PROFILE) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dlmsct-batch-'));
  fs.writeFileSync(path.join(dir, 'p.yaml'), profileText);
  fs.writeFileSync(path.join(dir, name), devicesText);
  return { profile: path.join(dir, 'p.yaml'), devices: parseDevices(devicesText, path.join(dir, name)), dir };
}

describe('profileForDevice', () => {
  it("overrides addressing and uses the device's own secrets, leaving the profile's references unresolved", () => {
    const f = files(
      'id,serial,host,port,serverPhysical,logicalDeviceName,reader.password,management.blockCipherKey,management.authenticationKey\n' +
        'm-0042,123,10.0.0.42,4060,17,ABC0000000042,env:M42_LLS,env:M42_EK,env:M42_AK\n',
    );
    const env = { M42_LLS: 'pw-0042', M42_EK: EK, M42_AK: EK.toLowerCase() };
    const p = profileForDevice(f.profile, f.devices, f.devices.devices[0]!, { env });
    expect(p.transport).to.deep.equal({ kind: 'tcp', framing: 'hdlc', host: '10.0.0.42', port: 4060 });
    expect(p.hdlc).to.deep.include({ serverLogical: 1, serverPhysical: 17 });
    expect(p.expect.logicalDeviceName).to.equal('ABC0000000042');
    expect(p.device.name).to.equal('Batch meter [m-0042]');
    const reader = p.associations.find((a) => a.name === 'reader')!;
    expect(reader.password!.source).to.equal('env:M42_LLS');
    expect(new TextDecoder().decode(reader.password!.reveal())).to.equal('pw-0042');
    const security = p.associations.find((a) => a.name === 'management')!.security!;
    expect(security.blockCipherKey!.source).to.equal('env:M42_EK');
    expect(Buffer.from(security.authenticationKey!.reveal()).toString('hex').toUpperCase()).to.equal(EK);
  });

  it("keeps the profile's values where the row says nothing, and resolves file: references from the devices file's folder", () => {
    const f = files('- { id: m1, reader.password: file:secrets/m1.txt }\n', 'devices.yaml');
    fs.mkdirSync(path.join(f.dir, 'secrets'));
    fs.writeFileSync(path.join(f.dir, 'secrets', 'm1.txt'), 'pw-m1\n');
    const p = profileForDevice(f.profile, f.devices, f.devices.devices[0]!, { env: { TEMPLATE_EK: EK, TEMPLATE_AK: EK } });
    expect(p.transport).to.deep.include({ host: '192.0.2.1', port: 4059 });
    expect(p.hdlc.serverPhysical).to.equal(16);
    expect(new TextDecoder().decode(p.associations[1]!.password!.reveal())).to.equal('pw-m1');
  });

  it('reports an unset reference at the cell of the devices file that names it', () => {
    const f = files('id,reader.password\nm1,env:M1_LLS\n');
    const e = thrownBy(ConfigError, () => profileForDevice(f.profile, f.devices, f.devices.devices[0]!, { env: { TEMPLATE_EK: EK, TEMPLATE_AK: EK } }));
    expect([e.code, e.file, e.line, e.col]).to.deep.equal(['SECRET_UNRESOLVED', f.devices.file, 2, 4]);
  });

  it('refuses a secret for an association or a field the profile does not have', () => {
    const env = { TEMPLATE_LLS: 'x', TEMPLATE_EK: EK, TEMPLATE_AK: EK, K: EK };
    const f = files('id,admin.password\nm1,env:K\n');
    const e = thrownBy(ConfigError, () => profileForDevice(f.profile, f.devices, f.devices.devices[0]!, { env }));
    expect([e.code, e.line, e.col]).to.deep.equal(['DEVICE_SECRET_UNUSED', 2, 4]);
    expect(e.actual).to.contain('no association "admin"');
    const g = files('id,reader.blockCipherKey\nm1,env:K\n');
    expect(thrownBy(ConfigError, () => profileForDevice(g.profile, g.devices, g.devices.devices[0]!, { env })).actual).to.contain('association reader of');
  });

  it('refuses addressing that does not fit the profile transport', () => {
    const env = { TEMPLATE_LLS: 'x', TEMPLATE_EK: EK, TEMPLATE_AK: EK };
    const f = files('id,path\nm1,/dev/ttyUSB0\n');
    const e = thrownBy(ConfigError, () => profileForDevice(f.profile, f.devices, f.devices.devices[0]!, { env }));
    expect([e.code, e.line, e.col]).to.deep.equal(['DEVICE_FIELD_NOT_APPLICABLE', 2, 4]);
    const wrapper = files('id,serverPhysical\nm1,17\n', 'devices.csv', PROFILE.replace('framing: hdlc', 'framing: wrapper'));
    expect(thrownBy(ConfigError, () => profileForDevice(wrapper.profile, wrapper.devices, wrapper.devices.devices[0]!, { env })).code).to.equal(
      'DEVICE_FIELD_NOT_APPLICABLE',
    );
  });

  it("takes a row's golden sample from the devices file's folder over the profile's, keeping the profile's rules", () => {
    const env = { TEMPLATE_LLS: 'x', TEMPLATE_EK: EK, TEMPLATE_AK: EK };
    const f = files('id,golden\nm1,golden/m1.json\nm2,\n', 'devices.csv', `${PROFILE}golden: { snapshot: batch.json, rules: rules.yaml }\n`);
    fs.mkdirSync(path.join(f.dir, 'golden'));
    fs.writeFileSync(path.join(f.dir, 'golden', 'm1.json'), '{}');
    const [m1, m2] = f.devices.devices.map((d) => profileForDevice(f.profile, f.devices, d, { env }).golden);
    expect(m1).to.deep.equal({ snapshot: path.join(f.dir, 'golden', 'm1.json'), rules: path.join(f.dir, 'rules.yaml') });
    expect(m2).to.deep.equal({ snapshot: path.join(f.dir, 'batch.json'), rules: path.join(f.dir, 'rules.yaml') });
  });

  it('reports a golden sample that does not exist at the cell that names it', () => {
    const env = { TEMPLATE_LLS: 'x', TEMPLATE_EK: EK, TEMPLATE_AK: EK };
    const f = files('id,serial,golden\nm1,S1,nowhere.json\n');
    const e = thrownBy(ConfigError, () => profileForDevice(f.profile, f.devices, f.devices.devices[0]!, { env }));
    expect([e.code, e.file, e.line, e.col]).to.deep.equal(['DEVICE_GOLDEN_MISSING', f.devices.file, 2, 7]);
    expect(e.actual).to.contain(path.join(f.dir, 'nowhere.json'));
  });
});
