// Issue 8, links that can be revoked, from the admin's start page: replacing a board's edit link
// stops it at once in a browser that has the board open (it says why), deleting a board after
// its confirmation removes it and tells whoever had it open, its JSON copy imports again as a
// new board, and the leader link can be replaced. The dialogs work by keyboard and pass axe.

import { ADMIN_TOKEN, SCREENSHOTS, expect, expectNoSeriousA11yViolations, openBoardAs, test } from './fixtures';

test('the admin replaces an edit link and deletes a board; open browsers are told why', async ({ browser, createBoard, server }) => {
  const board = await createBoard('Linkskifte i Borgerservice');
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const admin = await context.newPage();
  const anna = await context.newPage();
  const wall = await context.newPage();
  await openBoardAs(anna, board.links.edit, 'Anna');
  await openBoardAs(wall, board.links.view);

  await admin.goto(`/?admin=${ADMIN_TOKEN}`);
  const item = admin.getByTestId('board-item').filter({ hasText: 'Linkskifte i Borgerservice' });
  await expect(item).toBeVisible();
  const oldEditHref = await item.getByTestId('edit-link').getAttribute('href');

  // Escape on the confirmation changes nothing.
  await item.getByTestId('rotate-edit').click();
  const dialog = admin.getByTestId('rotate-link-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Annullér' })).toBeFocused();
  await expectNoSeriousA11yViolations(admin);
  await admin.screenshot({ path: `${SCREENSHOTS}/start-rotate-link-1366.png` });
  await admin.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(item.getByTestId('rotate-edit')).toBeFocused();
  await expect(anna.getByTestId('denied')).toHaveCount(0);

  // By keyboard: Enter opens, Tab to the confirm button, Enter replaces the link.
  await admin.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await admin.keyboard.press('Tab');
  await admin.keyboard.press('Enter');
  await expect(admin.getByRole('status').filter({ hasText: 'har fået et nyt redigeringslink' })).toBeVisible();
  await expect(item.getByTestId('edit-link')).not.toHaveAttribute('href', oldEditHref!);

  // Anna's open board stops with the reason; the wall screen (view link) goes on.
  await expect(anna.getByTestId('denied')).toHaveAttribute('data-code', '4410');
  await expect(anna.getByRole('alert')).toContainText('Linket er skiftet ud med et nyt');
  await expectNoSeriousA11yViolations(anna);
  await expect(wall.getByTestId('denied')).toHaveCount(0);

  // The new edit link opens the board for editing.
  const newEdit = await item.getByTestId('edit-link').getAttribute('href');
  // (The name is remembered in this browser.)
  await openBoardAs(anna, newEdit!);

  // Deleting: the dialog offers the whole board as JSON first, and the copy downloads.
  await item.getByTestId('delete-board').click();
  const deleteDialog = admin.getByTestId('delete-board-dialog');
  await expect(deleteDialog).toContainText('slettes for altid');
  const copy = deleteDialog.getByRole('link', { name: /Hent først en kopi/ });
  const download = await admin.request.get(new URL((await copy.getAttribute('href'))!, server.url).toString());
  expect(download.status()).toBe(200);
  const copyJson = await download.body();
  expect(JSON.parse(copyJson.toString('utf8')).meta.title).toBe('Linkskifte i Borgerservice');
  await expectNoSeriousA11yViolations(admin);
  await deleteDialog.getByTestId('confirm-yes').click();
  await expect(admin.getByRole('status').filter({ hasText: 'er slettet' })).toBeVisible();
  await expect(item).toHaveCount(0);
  await expect(wall.getByTestId('denied')).toHaveAttribute('data-code', '4404');
  await expect(wall.getByRole('alert')).toContainText('Den kan være blevet slettet');
  await expect(anna.getByTestId('denied')).toHaveAttribute('data-code', '4404');

  // The copy comes back in as a new board from the start page.
  await admin.getByTestId('import-board').setInputFiles({ name: 'tavle-linkskifte.json', mimeType: 'application/json', buffer: copyJson });
  await expect(admin.getByRole('status').filter({ hasText: 'er importeret med 0 idéer og 0 handlinger' })).toBeVisible();
  await expect(admin.getByTestId('board-item').filter({ hasText: 'Linkskifte i Borgerservice' })).toHaveCount(1);
  await expectNoSeriousA11yViolations(admin);
  // A file that is no export is refused with the server's reason.
  await admin.getByTestId('import-board').setInputFiles({ name: 'noter.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
  await expect(admin.getByRole('alert')).toContainText('format must be');
  await context.close();
});

test('the admin replaces the leader link; the old one no longer opens the overview', async ({ page, server }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const before = (await (await fetch(`${server.url}/api/leader-link`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as { token: string; link: string };
  await page.goto(`/?admin=${ADMIN_TOKEN}`);
  await page.getByTestId('rotate-leader-link').click();
  const dialog = page.getByTestId('rotate-leader-dialog');
  await expect(dialog).toContainText('holder op med at virke med det samme');
  await dialog.getByTestId('confirm-yes').click();
  await expect(page.getByTestId('leader-tools').getByRole('status')).toHaveText('Der er lavet et nyt lederlink. Det gamle virker ikke længere.');
  expect((await fetch(`${server.url}/api/boards`, { headers: { Authorization: `Bearer ${before.token}` } })).status).toBe(401);
  const leader = await page.context().newPage();
  await leader.goto(before.link);
  await expect(leader.getByRole('alert')).toContainText('ikke gyldigt');
});
