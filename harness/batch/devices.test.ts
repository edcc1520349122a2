import { expect } from 'chai';
import { ConfigError } from '../../config/error';
import { parseDevices } from './devices';
import { thrownBy } from '../../test/helpers/thrown';

const CSV = `id,serial,host,port,serverPhysical,logicalDeviceName,reader.password,management.blockCipherKey
m-0042,12345678,10.0.0.42,4059,17,ABC0000000042,env:METER_0042_LLS,env:METER_0042_EK
m-0043,,10.0.0.43,,,,env:METER_0043_LLS,file:keys/0043-ek.hex
`;

describe('devices list', () => {
  it('reads a CSV devices list: addressing, labels and secret references per device', () => {
    const list = parseDevices(CSV, 'devices.csv');
    expect(list.devices).to.have.length(2);
    const [a, b] = list.devices;
    expect(a).to.deep.include({ id: 'm-0042', serial: '12345678', host: '10.0.0.42', port: 4059, serverPhysical: 17, logicalDeviceName: 'ABC0000000042' });
    expect(a!.secrets).to.deep.equal([
      { association: 'reader', field: 'password', ref: 'env:METER_0042_LLS', place: { file: 'devices.csv', line: 2, col: 49 } },
      { association: 'management', field: 'blockCipherKey', ref: 'env:METER_0042_EK', place: { file: 'devices.csv', line: 2, col: 68 } },
    ]);
    // An empty cell keeps the profile's value.
    expect(b).to.not.have.any.keys('serial', 'port', 'serverPhysical', 'logicalDeviceName');
    expect(b!.secrets.map((s) => s.ref)).to.deep.equal(['env:METER_0043_LLS', 'file:keys/0043-ek.hex']);
  });

  it('reads a YAML devices list with the same keys', () => {
    const list = parseDevices(
      `- id: m-0042
  serial: "00012345"
  host: 10.0.0.42
  port: 4059
  reader.password: env:METER_0042_LLS
- { id: m-0043, path: /dev/ttyUSB3, serverPhysical: 18 }
`,
      'devices.yaml',
    );
    expect(list.devices[0]).to.deep.include({ id: 'm-0042', serial: '00012345', host: '10.0.0.42', port: 4059 });
    expect(list.devices[0]!.secrets[0]).to.deep.include({ association: 'reader', field: 'password', place: { file: 'devices.yaml', line: 5, col: 20 } });
    expect(list.devices[1]).to.deep.include({ id: 'm-0043', path: '/dev/ttyUSB3', serverPhysical: 18, secrets: [] });
  });

  it('refuses a secret written inline, located and never echoed, in CSV and in YAML', () => {
    const csv = thrownBy(ConfigError, () => parseDevices('id,reader.password\nm1,hunter2-secret\n', 'd.csv'));
    expect(csv.message).to.equal(
      'd.csv:2:4: SECRET_INLINE: expected a secret reference env:NAME, file:path or builtin:name (alternatives joined by ||), never the secret itself, got an inline value (not shown)',
    );
    const yaml = thrownBy(ConfigError, () => parseDevices('- id: m1\n  management.authenticationKey: 000102030405060708090A0B0C0D0E0F\n', 'd.yaml'));
    expect([yaml.code, yaml.line, yaml.col]).to.deep.equal(['SECRET_INLINE', 2, 33]);
    expect(yaml.message).to.not.contain('000102');
  });

  it('locates an unknown column, a bad number, a short row, a missing or repeated id', () => {
    const unknown = thrownBy(ConfigError, () => parseDevices('id,hots\nm1,x\n', 'd.csv'));
    expect([unknown.code, unknown.line, unknown.col]).to.deep.equal(['CONFIG_UNKNOWN_KEY', 1, 4]);
    const port = thrownBy(ConfigError, () => parseDevices('id,port\nm1,70000\n', 'd.csv'));
    expect([port.code, port.line, port.col]).to.deep.equal(['CONFIG_RANGE', 2, 4]);
    const notNumber = thrownBy(ConfigError, () => parseDevices('id,serverPhysical\nm1,x1\n', 'd.csv'));
    expect(notNumber.code).to.equal('CONFIG_TYPE');
    const short = thrownBy(ConfigError, () => parseDevices('id,host\nm1\n', 'd.csv'));
    expect([short.code, short.line]).to.deep.equal(['CSV_COLUMNS', 2]);
    const noId = thrownBy(ConfigError, () => parseDevices('id,host\n,h\n', 'd.csv'));
    expect([noId.code, noId.line, noId.col]).to.deep.equal(['CONFIG_MISSING_KEY', 2, 1]);
    const badId = thrownBy(ConfigError, () => parseDevices('- { id: "../etc" }\n', 'd.yaml'));
    expect(badId.code).to.equal('CONFIG_PATTERN');
    const dup = thrownBy(ConfigError, () => parseDevices('id\nm1\nm2\nm1\n', 'd.csv'));
    expect([dup.code, dup.line, dup.col]).to.deep.equal(['DEVICE_DUPLICATE_ID', 4, 1]);
    const unknownYaml = thrownBy(ConfigError, () => parseDevices('- { id: m1, reader.pasword: env:X }\n', 'd.yaml'));
    expect([unknownYaml.code, unknownYaml.line, unknownYaml.col]).to.deep.equal(['CONFIG_PATTERN', 1, 13]);
    expect(thrownBy(ConfigError, () => parseDevices('[]\n', 'd.yaml')).code).to.equal('CONFIG_TOO_FEW_ITEMS');
    expect(thrownBy(ConfigError, () => parseDevices('id,host\n', 'd.csv')).code).to.equal('CONFIG_TOO_FEW_ITEMS');
  });
});
