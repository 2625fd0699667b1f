/**
 * Where a record's values go when a duplicate rule compares it with another object's records
 * (a lead against contacts). Salesforce's default field mapping pairs fields with the same name
 * and, for the standard objects, the address and company fields that are named differently;
 * a duplicate rule's <objectMapping> overrides it field by field.
 */

const ADDRESS = ['Street', 'City', 'State', 'PostalCode', 'Country'];

const address = (from: string, to: string): Array<[string, string]> => ADDRESS.map((p) => [`${from}${p}`, `${to}${p}`]);

/** `Input>Output` (lower-cased) → [input field, output field path] pairs beyond same-named fields. */
const STANDARD: ReadonlyMap<string, ReadonlyArray<[string, string]>> = new Map([
  ['lead>contact', [...address('', 'Mailing'), ['Company', 'Account.Name']]],
  ['contact>lead', [...address('Mailing', ''), ['Account.Name', 'Company']]],
  ['lead>account', [...address('', 'Billing'), ['Company', 'Name']]],
  ['account>lead', [...address('Billing', ''), ['Name', 'Company']]],
]);

/** The input field path Salesforce's default mapping gives an output field, if any besides the same name. */
export function standardInputFor(input: string, output: string, outputPath: string): string | undefined {
  const pairs = STANDARD.get(`${input}>${output}`.toLowerCase());
  return pairs?.find(([, to]) => to.toLowerCase() === outputPath.toLowerCase())?.[0];
}
