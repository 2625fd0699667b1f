import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isEnvironmentFailure } from '../../src/gate/results/environmentFailure.ts';

const cases: Array<[string, boolean]> = [
  ['INVALID_SESSION_ID: Session expired or invalid', true],
  ["Could not log in as persona 'junior-rep' (junior.rep@golive.local): INVALID_LOGIN", true],
  ['page.goto: net::ERR_CONNECTION_REFUSED at http://127.0.0.1:4100/lightning', true],
  ['connect ECONNREFUSED 127.0.0.1:4100', true],
  ['REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.', true],
  ['locator.click: Target page, context or browser has been closed', true],
  ["The frontdoor did not sign persona 'admin' (admin@golive.local) in: HTTP 302 to /. Is the org's session still valid?", true],
  ['expect(received).toBe(expected) // Expected: "Customer - Direct" Received: null', false],
  ["expect(locator).toBeVisible() failed Locator: getByRole('button', { name: 'Convert' })", false],
  ['FIELD_CUSTOM_VALIDATION_EXCEPTION: Amount is required from Proposal/Price Quote on', false],
  // A business assertion that mentions logins is about the org, not the environment.
  ['expected the login history to list 2 entries, found 1', false],
];

for (const [message, expected] of cases) {
  test(`${expected ? 'environment' : 'not environment'}: ${message.slice(0, 60)}`, () => {
    assert.equal(isEnvironmentFailure(message), expected);
  });
}
