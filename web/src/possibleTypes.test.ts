// @vitest-environment node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, isAbstractType } from 'graphql';
import { expect, it } from 'vitest';
import { possibleTypes } from './possibleTypes';

const schemaPath = fileURLToPath(new URL('../../schema.graphql', import.meta.url));

it('lists every union and interface of schema.graphql with its members', () => {
  const schema = buildSchema(readFileSync(schemaPath, 'utf8'));
  const expected: Record<string, string[]> = {};
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !isAbstractType(type)) continue;
    expected[type.name] = schema.getPossibleTypes(type).map((member) => member.name).sort();
  }
  const actual = Object.fromEntries(Object.entries(possibleTypes).map(([name, members]) => [name, [...members].sort()]));
  expect(actual).toEqual(expected);
});
