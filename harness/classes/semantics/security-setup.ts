/**
 * Security setup (class 64, Blue Book 4.4.6): the server_system_title is a system title of 8
 * octets (Green Book 9.2.3.7, the system title in the IV); the client_system_title one too,
 * or empty while no client has sent one.
 */
import { SYSTEM_TITLE_LENGTH } from '../../../dlms/security/gcm';
import type { ClassSemantics, Problem } from './types';

const CLIENT_SYSTEM_TITLE = 4;
const SERVER_SYSTEM_TITLE = 5;

export const SECURITY_SETUP_SEMANTICS: ClassSemantics = {
  classId: 64,
  clause: '4.4.6',
  check({ values }) {
    const problems: Problem[] = [];
    const server = values.get(SERVER_SYSTEM_TITLE);
    if (server?.type === 'octet-string' && server.value.length !== SYSTEM_TITLE_LENGTH)
      problems.push({
        attribute: SERVER_SYSTEM_TITLE,
        expected: 'server_system_title of 8 octets (Green Book 9.2.3.7, the system title in the IV)',
        actual: `${server.value.length} octets`,
      });
    const client = values.get(CLIENT_SYSTEM_TITLE);
    if (client?.type === 'octet-string' && client.value.length !== 0 && client.value.length !== SYSTEM_TITLE_LENGTH) {
      problems.push({
        attribute: CLIENT_SYSTEM_TITLE,
        expected: 'client_system_title of 8 octets, or empty (Green Book 9.2.3.7, the system title in the IV)',
        actual: `${client.value.length} octets`,
      });
    }
    return problems;
  },
};
