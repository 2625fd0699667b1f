import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml, html, join, raw, safeHref } from '../../src/org/ui/render/html.ts';

describe('html renderer', () => {
  it('escapes every interpolated value', () => {
    const name = '<img src=x onerror=alert(1)>';
    assert.equal(html`<td>${name}</td>`.value, '<td>&lt;img src=x onerror=alert(1)&gt;</td>');
    assert.equal(html`<a title="${'" onclick="x'}">`.value, '<a title="&quot; onclick=&quot;x">');
    assert.equal(html`<a title='${"' onclick='x"}'>`.value, "<a title='&#39; onclick=&#39;x'>");
    assert.equal(escapeHtml('a & b `c`'), 'a &amp; b &#96;c&#96;');
  });

  it('inserts fragments as they are, arrays item by item, and nothing for null, undefined and false', () => {
    const rows = ['a<', 'b>'].map((v) => html`<li>${v}</li>`);
    assert.equal(html`<ul>${rows}</ul>`.value, '<ul><li>a&lt;</li><li>b&gt;</li></ul>');
    assert.equal(html`${null}${undefined}${false}${0}`.value, '0');
    assert.equal(html`<p>${raw('<b>trusted</b>')}</p>`.value, '<p><b>trusted</b></p>');
    assert.equal(join([html`<i>1</i>`, html`<i>2</i>`]).value, '<i>1</i><i>2</i>');
  });

  it('does not treat a string that looks like markup as a fragment', () => {
    const lookalike = { value: '<script>', toString: () => '<script>' };
    assert.equal(html`${lookalike}`.value, '&lt;script&gt;');
  });

  it('safeHref keeps web, mail, phone and same-site links and defuses the rest', () => {
    for (const ok of ['https://example.com/a?b=1', 'http://x', 'mailto:a@b.c', 'tel:+14155550142', '/lightning/page/home']) assert.equal(safeHref(ok), ok);
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>', '//evil.example', '/\\evil.example', 'vbscript:x']) {
      assert.equal(safeHref(bad), '#', bad);
    }
  });
});
