import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CsrfTokens } from '../../src/org/ui/http/csrf.ts';
import { safeRelativeUrl } from '../../src/org/ui/http/relativeUrl.ts';
import { soqlContains, soqlString } from '../../src/org/ui/records/soqlLiteral.ts';

describe('redirect targets (startURL, retURL)', () => {
  it('accepts paths on this server', () => {
    assert.equal(safeRelativeUrl('/lightning/o/Lead/list?filterName=AllOpenLeads'), '/lightning/o/Lead/list?filterName=AllOpenLeads');
    assert.equal(safeRelativeUrl('/lightning/page/home#x'), '/lightning/page/home#x');
  });

  it('refuses absolute, protocol-relative and disguised URLs', () => {
    for (const bad of [
      'https://evil.example/',
      'http:/evil.example',
      '//evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      ' //evil.example',
      '/\t/evil.example',
      'lightning/page/home',
      '',
      undefined,
      42,
    ]) {
      assert.equal(safeRelativeUrl(bad), undefined, String(bad));
    }
  });
});

describe('CSRF tokens', () => {
  it('are stable per session, differ between sessions and between processes', () => {
    const tokens = new CsrfTokens(Buffer.alloc(32, 1));
    assert.equal(tokens.forSession('s1'), tokens.forSession('s1'));
    assert.notEqual(tokens.forSession('s1'), tokens.forSession('s2'));
    assert.notEqual(tokens.forSession('s1'), new CsrfTokens(Buffer.alloc(32, 2)).forSession('s1'));
    // A login-form token is not a session token for an id that happens to equal the nonce.
    assert.notEqual(tokens.forLoginNonce('n'), tokens.forSession('n'));
  });

  it('compare exactly', () => {
    const token = new CsrfTokens().forSession('s');
    assert.equal(CsrfTokens.matches(token, token), true);
    assert.equal(CsrfTokens.matches(token, undefined), false);
    assert.equal(CsrfTokens.matches(token, ''), false);
    assert.equal(CsrfTokens.matches(token, token.slice(0, -1)), false);
    assert.equal(CsrfTokens.matches(token, `${token}x`), false);
  });
});

describe('SOQL literals from requests', () => {
  it('quote and escape', () => {
    assert.equal(soqlString("O'Brien"), "'O\\'Brien'");
    assert.equal(soqlString('a\\b'), "'a\\\\b'");
    assert.equal(soqlString('line\nbreak'), "'line\\nbreak'");
    assert.equal(soqlString('bell\u0007'), "'bell'");
  });

  it('make LIKE wildcards in a term literal', () => {
    assert.equal(soqlContains('50%_off'), "'%50\\%\\_off%'");
    assert.equal(soqlContains("it's"), "'%it\\'s%'");
  });
});
