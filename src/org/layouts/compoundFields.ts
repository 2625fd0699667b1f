import type { FieldDef, ObjectDef } from '../schema/types.ts';

/**
 * Compound fields as layouts name them. Salesforce puts `Name` on Lead and Contact layouts (one
 * read-only value on the record page, Salutation + First Name + Last Name in the dialogs) and
 * `Address`, `BillingAddress`, `MailingAddress` … for the address parts. The local schema has the
 * parts (and the derived Name) but no address field of its own, so a layout's address resolves
 * to its parts here.
 */

export interface CompoundField {
  /** As layouts name it: Name, Address, BillingAddress. */
  name: string;
  label: string;
  /** The parts, in the order Salesforce's editor shows them. */
  parts: FieldDef[];
}

const NAME_PARTS = ['Salutation', 'FirstName', 'LastName'];
const ADDRESS_PARTS = ['Street', 'City', 'State', 'PostalCode', 'Country'];

/** The person-name compound of Lead and Contact; undefined where Name is a plain field. */
export function personNameOf(object: ObjectDef): CompoundField | undefined {
  const name = object.fieldsByLowerName.get('name');
  if (!name || !object.fieldsByLowerName.has('firstname') || !object.fieldsByLowerName.has('lastname')) return undefined;
  return { name: name.name, label: name.label, parts: partsOf(object, NAME_PARTS) };
}

/** `Address`, `BillingAddress` …: an address compound, when the object has its Street part. */
export function addressOf(object: ObjectDef, name: string): CompoundField | undefined {
  const m = /^(.*)address$/i.exec(name);
  if (!m) return undefined;
  const street = object.fieldsByLowerName.get(`${m[1]}street`.toLowerCase());
  if (!street) return undefined;
  // The declared casing comes from the Street part: "billingaddress" → BillingAddress.
  const prefix = street.name.slice(0, -'Street'.length);
  const label = /Street$/.test(street.label) ? street.label.replace(/Street$/, 'Address') : prefix ? `${prefix} Address` : 'Address';
  return { name: `${prefix}Address`, label, parts: partsOf(object, ADDRESS_PARTS.map((p) => prefix + p)) };
}

function partsOf(object: ObjectDef, names: string[]): FieldDef[] {
  return names.flatMap((n) => {
    const f = object.fieldsByLowerName.get(n.toLowerCase());
    return f ? [f] : [];
  });
}
