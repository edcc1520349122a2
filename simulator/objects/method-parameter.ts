/**
 * Method parameters the Blue Book types as `data ::= integer (0)` (Register reset, Disconnect
 * control remote_disconnect/remote_reconnect, Push setup push): the parameter carries nothing,
 * but when present it must be that integer. Green Book 9.3.8 makes the parameter OPTIONAL in
 * the APDU, so an absent one is accepted as well.
 */
import type { Data } from '../../dlms/axdr/data';

export function isIntegerZero(parameters: Data | undefined): boolean {
  return parameters === undefined || (parameters.type === 'integer' && parameters.value === 0);
}
