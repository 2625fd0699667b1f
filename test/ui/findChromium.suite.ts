import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHROMIUM_ARGS, CHROMIUM_MISSING, findChromium } from '../../src/browser/findChromium.ts';

const only = (...files: string[]) => (file: string) => files.includes(file);

describe('findChromium', () => {
  it("prefers Playwright's own Chromium when it is installed", () => {
    const found = findChromium({
      env: { CHROMIUM_PATH: '/opt/chrome', PATH: '/usr/bin' },
      playwrightChromium: () => '/cache/ms-playwright/chromium/chrome',
      isExecutable: only('/cache/ms-playwright/chromium/chrome', '/opt/chrome', '/usr/bin/chromium'),
    });
    assert.equal(found, '/cache/ms-playwright/chromium/chrome');
  });

  it('then CHROMIUM_PATH, then the system’s', () => {
    const lookup = { playwrightChromium: () => '/cache/not-installed', isExecutable: only('/opt/chrome', '/usr/bin/chromium') };
    assert.equal(findChromium({ ...lookup, env: { CHROMIUM_PATH: '/opt/chrome', PATH: '/usr/bin' } }), '/opt/chrome');
    assert.equal(findChromium({ ...lookup, env: { PATH: '/usr/bin' } }), '/usr/bin/chromium');
    assert.equal(
      findChromium({ playwrightChromium: () => undefined, isExecutable: only('/usr/local/bin/google-chrome'), env: { PATH: '/usr/local/bin:/usr/bin' } }),
      '/usr/local/bin/google-chrome',
    );
    assert.equal(findChromium({ playwrightChromium: () => undefined, isExecutable: only('/usr/bin/chromium'), env: {} }), '/usr/bin/chromium');
  });

  it('refuses a CHROMIUM_PATH that names nothing rather than taking another browser', () => {
    assert.throws(
      () => findChromium({ playwrightChromium: () => undefined, isExecutable: only('/usr/bin/chromium'), env: { CHROMIUM_PATH: '/opt/typo', PATH: '/usr/bin' } }),
      /CHROMIUM_PATH=\/opt\/typo/,
    );
  });

  it('without any, says in one line how to install one', () => {
    assert.throws(
      () => findChromium({ playwrightChromium: () => undefined, isExecutable: () => false, env: { PATH: '/usr/bin:/bin' } }),
      (err: Error) => {
        assert.equal(err.message, CHROMIUM_MISSING);
        assert.doesNotMatch(err.message, /\n/);
        assert.match(err.message, /apt-get install -y chromium/);
        assert.match(err.message, /npx playwright install chromium/);
        return true;
      },
    );
  });

  it('launch arguments keep the browser quiet', () => {
    assert.deepEqual([...CHROMIUM_ARGS], ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']);
  });
});
