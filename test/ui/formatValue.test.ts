import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatValue, telHref } from '../../src/org/ui/fields/formatValue.ts';
import type { FieldDef } from '../../src/org/schema/types.ts';

/** Phone and email values as links (issue "Local org, part 3", item 9); the browser side is contactLinks.spec.ts. */

test('telHref dials the number as written', () => {
  const cases: Array<[string, string | undefined]> = [
    ['(415) 555-0123', 'tel:4155550123'],
    ['+1 530 555 0185', 'tel:+15305550185'],
    ['(415) 555-0123 x45', 'tel:4155550123;ext=45'],
    ['415.555.0123 ext. 7', 'tel:4155550123;ext=7'],
    ['+44 20 7946 0958 #12', 'tel:+442079460958;ext=12'],
    ['1-800-FLOWERS', 'tel:18003569377'],
    ['555-0123x', 'tel:5550123'],
    ['n/a', undefined],
    ['x12', undefined],
  ];
  for (const [phone, href] of cases) assert.equal(telHref(phone), href, phone);
});

const field = (type: string): FieldDef => ({ name: 'F', label: 'F', type }) as unknown as FieldDef;

test('phones and emails render as tel: and mailto: links, text escaped', () => {
  assert.equal(formatValue(field('phone'), '(415) 555-0123', 'UTC').value, '<a href="tel:4155550123">(415) 555-0123</a>');
  assert.equal(formatValue(field('phone'), 'n/a', 'UTC').value, 'n/a');
  assert.equal(formatValue(field('email'), 'a+b@example.com', 'UTC').value, '<a href="mailto:a+b@example.com">a+b@example.com</a>');
  assert.equal(formatValue(field('email'), '"x"<b>@e.com', 'UTC').value, '<a href="mailto:&quot;x&quot;&lt;b&gt;@e.com">&quot;x&quot;&lt;b&gt;@e.com</a>');
});
