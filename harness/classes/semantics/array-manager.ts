/** Array manager (class 123, Blue Book 4.4.11): each array component has its own id, the one every method names it by. */
import { type ClassSemantics, duplicates, itemsOf, numberOf } from './types';

const ARRAY_COMPONENTS = 2;

export const ARRAY_MANAGER_SEMANTICS: ClassSemantics = {
  classId: 123,
  clause: '4.4.11',
  check: ({ values }) =>
    duplicates(itemsOf(values.get(ARRAY_COMPONENTS)).map((c) => numberOf(itemsOf(c)[0]))).map((id) => ({
      attribute: ARRAY_COMPONENTS,
      expected: 'each array component id used once',
      actual: `id ${id} twice`,
    })),
};
