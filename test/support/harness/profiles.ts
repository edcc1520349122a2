/** Profiles for the harness's own tests, parsed from text (no files, no environment). */
import { parseProfile } from '../../../harness/profile/load';
import type { Profile } from '../../../harness/profile/types';

export const TEST_PASSWORD = 'test-lls-secret-4711';

export function testProfile(extra = ''): Profile {
  return parseProfile(
    `device: { name: test meter }
transport: { kind: tcp, host: 127.0.0.1, port: 4059, framing: wrapper }
timeouts: { response: 50ms, connect: 50ms }
associations:
  public: { clientSap: 16, authentication: none }
  reader: { clientSap: 1, authentication: low, password: env:TEST_LLS }
expect: { logicalDeviceName: DLM0000000001, dlmsVersion: 6 }
features: { lls: true }
${extra}`,
    'test-profile.yaml',
    { env: { TEST_LLS: TEST_PASSWORD } },
  );
}
