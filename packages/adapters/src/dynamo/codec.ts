import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';

export type Item = Record<string, AttributeValue>;

export const toItem = (value: Record<string, unknown>): Item =>
  marshall(value, { removeUndefinedValues: true, convertEmptyValues: false });

export const fromItem = <T>(item: Item): T => unmarshall(item) as T;

/** Drops the key attributes so a stored item reads back as the domain object it holds. */
export const stripKeys = <T>(item: Item): T => {
  const { pk, sk, gsi1pk, gsi1sk, gsi2pk, gsi2sk, gsi3pk, gsi3sk, gsi4pk, gsi4sk, expiresAt, ...rest } = fromItem<Record<string, unknown>>(item);
  return rest as T;
};
