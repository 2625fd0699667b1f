import { expect, test, unique } from './fixtures.ts';

/**
 * Phone and email values are links a phone can act on (issue item 9): `tel:` dialling the
 * number, `mailto:` the address. Runs in the desktop and the phone project, on the Lead record
 * page's Details tab and in a Leads list view (extensions and odd values: formatValue.test.ts).
 */

test.describe('phone and email fields are tel: and mailto: links', () => {
  let leadId: string;
  let lastName: string;

  test.beforeEach(async ({ localOrg }) => {
    lastName = unique('Dialer');
    leadId = localOrg.create('Lead', {
      FirstName: 'Tess',
      LastName: lastName,
      Company: 'Contact Links Inc',
      Phone: '(415) 555-0123', // the default org's validation rule wants exactly this format
      MobilePhone: '+1 628 555 0199',
      Email: 'tess.dialer@contact-links.example',
    });
  });

  test.afterEach(({ localOrg }) => {
    if (leadId) localOrg.remove('Lead', [leadId]);
    leadId = '';
  });

  test('on the Lead record page (Details)', async ({ page }) => {
    await page.goto(`/lightning/r/Lead/${leadId}/view`);
    const details = page.getByRole('tabpanel', { name: 'Details' });
    await expect(details.getByRole('status', { name: 'Loading' })).toHaveCount(0);

    await expect(details.getByRole('link', { name: '(415) 555-0123' })).toHaveAttribute('href', 'tel:4155550123');
    await expect(details.getByRole('link', { name: '+1 628 555 0199' })).toHaveAttribute('href', 'tel:+16285550199');
    await expect(details.getByRole('link', { name: 'tess.dialer@contact-links.example' })).toHaveAttribute('href', 'mailto:tess.dialer@contact-links.example');
    // Exactly the two phones and the email: no other value turned into a link of that kind.
    await expect(details.locator('a[href^="tel:"]')).toHaveCount(2);
    await expect(details.locator('a[href^="mailto:"]')).toHaveCount(1);
  });

  test('in the Leads list view', async ({ page }) => {
    // Opened first, so the lead heads Recently Viewed Leads whatever else the worker created.
    await page.goto(`/lightning/r/Lead/${leadId}/view`);
    await expect(page.getByRole('heading', { name: `Tess ${lastName}` })).toBeVisible();
    await page.goto('/lightning/o/Lead/list?filterName=Recent');
    const table = page.getByRole('table', { name: 'Recently Viewed Leads' });
    const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: `Tess ${lastName}` }) });
    await expect(row).toHaveCount(1);

    const phone = row.getByRole('link', { name: '(415) 555-0123' });
    await expect(phone).toBeVisible();
    await expect(phone).toHaveAttribute('href', 'tel:4155550123');
    const email = row.getByRole('link', { name: 'tess.dialer@contact-links.example' });
    await expect(email).toBeVisible();
    await expect(email).toHaveAttribute('href', 'mailto:tess.dialer@contact-links.example');
  });
});
