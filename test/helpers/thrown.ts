/**
 * The error `fn` throws, which must be a `type`: a test then asserts its code and place field by
 * field. Any other exception is rethrown as is; no exception at all fails the test.
 */
export function thrownBy<E>(type: abstract new (...args: never[]) => E, fn: () => unknown): E {
  try {
    fn();
  } catch (e) {
    if (e instanceof type) return e;
    throw e;
  }
  throw new Error(`expected a ${type.name}`);
}
