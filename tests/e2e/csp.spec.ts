// Issue 8: the strict Content-Security-Policy does not break the app. The start page, a board's
// edit link (a post-it, an action with its date picker) and the wall-screen link work, and the
// browser reports no violation: neither a console message nor a securitypolicyviolation event.
import type { Page } from '@playwright/test';
import { ADMIN_TOKEN, expect, openBoardAs, setDeadline, test } from './fixtures';

/** Every CSP violation the page reports, as text (console errors and securitypolicyviolation events). */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Content-Security-Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) fromConsole.push(message.text());
  });
  // An init script is not subject to the page's policy; it records before the app runs.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`));
  });
  return async () => [...fromConsole, ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []))];
}

test('start page, edit link and wall screen run under the policy without a single violation', async ({ browser, server }) => {
  const context = await browser.newContext();
  const admin = await context.newPage();
  const adminViolations = await watchCsp(admin);
  const start = await admin.goto(`${server.url}/?admin=${ADMIN_TOKEN}`);
  const policy = start!.headers()['content-security-policy'] ?? '';
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("frame-ancestors 'none'");
  await admin.getByLabel('Tavlens navn').fill('Sikker tavle');
  await admin.getByRole('button', { name: 'Opret tavle' }).click();
  const item = admin.getByTestId('board-item').filter({ hasText: 'Sikker tavle' });
  await expect(item).toBeVisible();
  const editLink = (await item.getByTestId('edit-link').getAttribute('href'))!;
  const viewLink = (await item.getByTestId('view-link').getAttribute('href'))!;
  expect(await adminViolations()).toEqual([]);

  // The board: live over the WebSocket (connect-src), a post-it, an action with a deadline picker.
  const editor = await context.newPage();
  const editorViolations = await watchCsp(editor);
  await openBoardAs(editor, editLink, 'Hanne');
  await expect(editor.locator('.connection')).toHaveAttribute('data-status', 'online');
  await editor.getByTestId('idea-input').fill('Kampagne på biblioteket');
  await editor.getByTestId('idea-add').click();
  await expect(editor.locator('[data-field=ideas] [data-testid=idea-card]').filter({ hasText: 'Kampagne på biblioteket' })).toBeVisible();
  // To the action plan, with a deadline through the date picker (its own chunk) and its calendar popover.
  await editor.getByTestId('action-new-title').fill('Plakater i venteområdet');
  await editor.getByTestId('action-add').click();
  const action = editor.getByTestId('action-row').first();
  await expect(action.locator('textarea.action-title')).toHaveValue('Plakater i venteområdet');
  await setDeadline(action, '2026-12-24');
  const calendar = action.getByTestId('deadline-picker').getByRole('button').first();
  if (await calendar.isVisible()) {
    await calendar.click();
    await expect(editor.getByRole('grid').first()).toBeVisible();
    await editor.keyboard.press('Escape');
  }
  expect(await editorViolations()).toEqual([]);

  // The wall screen (view link): its own chunk and stylesheet, scaled through style attributes.
  const wall = await context.newPage();
  const wallViolations = await watchCsp(wall);
  await wall.goto(viewLink);
  await expect(wall.getByTestId('wall')).toBeVisible();
  await expect(wall.getByText('Kampagne på biblioteket').first()).toBeVisible();
  expect(await wallViolations()).toEqual([]);
  // The edit page saw nothing later either (live updates while the wall joined).
  expect(await editorViolations()).toEqual([]);
  await context.close();
});
