import type { FieldSpec } from '../defineObject.ts';
import type { PicklistValue } from '../types.ts';

/**
 * Shorthands for writing the built-in standard objects the way describe reports them. They only
 * fill in the type-specific parts; defineField supplies the rest, so a standard field reads as
 * one line in the object lists.
 */

type Extra = Partial<FieldSpec>;

/** Platform-maintained: neither settable on create nor on update. */
export const READ_ONLY = { createable: false, updateable: false } as const;

export const text = (name: string, label: string, length: number, extra: Extra = {}): FieldSpec => ({
  name,
  label,
  type: 'string',
  length,
  ...extra,
});

export const textArea = (name: string, label: string, length: number, extra: Extra = {}): FieldSpec => ({
  name,
  label,
  type: 'textarea',
  length,
  ...extra,
});

export const email = (name: string, label: string, length = 80, extra: Extra = {}): FieldSpec => ({
  name,
  label,
  type: 'email',
  length,
  ...extra,
});

export const phone = (name: string, label: string, extra: Extra = {}): FieldSpec => ({
  name,
  label,
  type: 'phone',
  length: 40,
  ...extra,
});

export const url = (name: string, label: string, extra: Extra = {}): FieldSpec => ({ name, label, type: 'url', length: 255, ...extra });

export const checkbox = (name: string, label: string, defaultValue = false, extra: Extra = {}): FieldSpec => ({
  name,
  label,
  type: 'boolean',
  defaultValue,
  ...extra,
});

export const date = (name: string, label: string, extra: Extra = {}): FieldSpec => ({ name, label, type: 'date', ...extra });

export const dateTime = (name: string, label: string, extra: Extra = {}): FieldSpec => ({ name, label, type: 'datetime', ...extra });

export const integer = (name: string, label: string, digits: number, extra: Extra = {}): FieldSpec => ({
  name,
  label,
  type: 'int',
  digits,
  ...extra,
});

export const currency = (name: string, label: string, precision: number, scale: number, extra: Extra = {}): FieldSpec => ({
  name,
  label,
  type: 'currency',
  precision,
  scale,
  ...extra,
});

export const percent = (name: string, label: string, precision: number, scale: number, extra: Extra = {}): FieldSpec => ({
  name,
  label,
  type: 'percent',
  precision,
  scale,
  ...extra,
});

/**
 * A picklist; the field's default is the value flagged default, as describe reports it in both
 * places (defaultValue on the field and defaultValue on the entry).
 */
export const picklist = (name: string, label: string, values: PicklistValue[], extra: Extra = {}): FieldSpec => {
  const def = values.find((v) => v.defaultValue);
  return {
    name,
    label,
    type: 'picklist',
    length: 255,
    picklistValues: values,
    ...(def ? { defaultValue: def.value } : {}),
    ...extra,
  };
};

export const multiPicklist = (name: string, label: string, values: PicklistValue[], extra: Extra = {}): FieldSpec => ({
  name,
  label,
  type: 'multipicklist',
  length: 4099,
  picklistValues: values,
  ...extra,
});

export const lookup = (
  name: string,
  label: string,
  referenceTo: string[],
  relationshipName: string | undefined,
  childRelationshipName: string | null,
  extra: Extra = {},
): FieldSpec => ({
  name,
  label,
  type: 'reference',
  length: 18,
  referenceTo,
  ...(relationshipName ? { relationshipName } : {}),
  childRelationshipName,
  ...extra,
});

/** Picklist entries from plain labels (value = label, as standard value sets have them). */
export function values(labels: readonly string[], defaultLabel?: string): PicklistValue[] {
  return labels.map((label) => ({ value: label, label, active: true, defaultValue: label === defaultLabel }));
}
