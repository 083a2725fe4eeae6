import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';

export type Item = Record<string, AttributeValue>;

import { LoketError } from '@loket/core';

/** DynamoDB's limits (bytes): partition keys, sort keys (table and index), and a whole item. */
const PARTITION_KEY_LIMIT = 2048;
const SORT_KEY_LIMIT = 1024;
/** Below the 400 KB item limit, leaving room for attribute-name overhead the JSON estimate does not see. */
const ITEM_LIMIT = 350 * 1024;

/**
 * Every item and key goes through here, so no input can reach DynamoDB in a shape it refuses with a
 * ValidationException (a 5xx to the caller): an over-long key or an over-large item is refused first,
 * as the client's fault. Route parameters are checked earlier still; this is the floor under all of them.
 */
const guardLimits = (value: Record<string, unknown>) => {
  for (const [name, v] of Object.entries(value)) {
    if (typeof v !== 'string' || !/^(pk|sk|gsi\d+pk|gsi\d+sk)$/.test(name)) continue;
    const limit = name.endsWith('pk') ? PARTITION_KEY_LIMIT : SORT_KEY_LIMIT;
    if (Buffer.byteLength(v, 'utf8') > limit) {
      throw new LoketError(
        'validation',
        'Pengenal dalam permintaan terlalu panjang.',
        [{ field: '(id)', message: 'Terlalu panjang.' }],
        `${name} over ${limit} bytes`,
      );
    }
  }
  const size = Buffer.byteLength(JSON.stringify(value), 'utf8');
  if (size > ITEM_LIMIT) {
    throw new LoketError(
      'payload_too_large',
      'Data terlalu besar untuk disimpan; kurangi panjang isian.',
      [],
      `item of ~${size} bytes`,
    );
  }
};

export const toItem = (value: Record<string, unknown>): Item => {
  guardLimits(value);
  return marshall(value, { removeUndefinedValues: true, convertEmptyValues: false });
};

const fromItem = <T>(item: Item): T => unmarshall(item) as T;

/** Drops the key attributes so a stored item reads back as the domain object it holds. */
export const stripKeys = <T>(item: Item): T => {
  const { pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, gsi3pk, gsi3sk, gsi4pk, gsi4sk, expiresAt, ...rest } =
    fromItem<Record<string, unknown>>(item);
  return rest as T;
};
