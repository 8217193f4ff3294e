// Issue 3 end to end: a goal with a generated ramp of targets, twelve months of actuals typed
// in, a CSV import with two bad rows (reported; the good rows land), the CSV export compared
// with the board, the months under target marked in the chart, the tooltip, and screenshots at
// wall and laptop size.
import { readFileSync } from 'node:fs';
import { SCREENSHOTS, expect, expectNoSeriousA11yViolations, openBoardAs, test } from './fixtures';

const MONTHS = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2026-${m}`);
// domain.md's example goal, with a December actual so all twelve months are typed in.
const ACTUALS = ['58', '61', '65', '66', '69', '70', '68', '67', '71', '75', '79', '81'];
const TARGETS = [60, 62, 64, 66, 68, 70, 72, 74, 76, 78, 80, 80];

test('a goal with a ramp, a year of actuals, an import with two bad rows, export and chart', async ({ page, createBoard, browser }) => {
  const board = await createBoard('Digital Post i Borgerservice');
  await openBoardAs(page, board.links.edit, 'Ulla');
  const goals = page.locator('[data-field="goals"]');

  // Create the goal with a baseline and a description.
  await goals.getByTestId('goal-create').click();
  const form = page.getByTestId('goal-dialog');
  await form.getByTestId('goal-form-name').fill('Andel breve sendt digitalt');
  await form.getByTestId('goal-form-unit').fill('%');
  await form.getByTestId('goal-form-owner').fill('Centerchef Hanne');
  await form.getByTestId('goal-form-baseline').fill('60');
  await form.getByTestId('goal-form-description').fill('Andel af breve fra Borgerservice, der sendes med Digital Post.');
  await form.getByTestId('goal-form-submit').click();
  const card = goals.getByTestId('goal-card');
  await expect(card.getByTestId('goal-baseline')).toHaveText('Udgangspunkt: 60 %');

  // Targets: a ramp from the baseline in January to 80 by November, held in December.
  await card.getByTestId('goal-generate').click();
  const generate = page.getByTestId('goal-generate-dialog');
  await generate.getByTestId('goal-generate-from').selectOption('2026-01');
  await generate.getByTestId('goal-generate-to').selectOption('2026-11');
  await expect(generate.getByTestId('goal-generate-baseline')).toHaveValue('60');
  await generate.getByTestId('goal-generate-value').fill('80');
  await generate.getByTestId('goal-generate-hold').selectOption('2026-12');
  await expect(generate.getByTestId('plan-change')).toHaveCount(12);
  await expect(generate.getByTestId('plan-summary')).toContainText('12 ændringer');
  await page.screenshot({ path: `${SCREENSHOTS}/goals-generate-dialog-1920.png` });
  await generate.getByTestId('goal-generate-confirm').click();
  await expect(generate).toBeHidden();
  for (const [i, month] of MONTHS.entries()) {
    await expect(card.locator(`[data-testid="goal-target-input"][data-period="${month}"]`)).toHaveValue(String(TARGETS[i]));
  }

  // Twelve months of actuals, typed in: Enter saves and moves down.
  await card.locator('[data-testid="goal-actual-input"][data-period="2026-01"]').click();
  for (const value of ACTUALS) {
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
  }
  await expect(card.locator('[data-testid="goal-actual-input"][data-period="2026-12"]')).toHaveValue('81');
  // Who entered it, and when.
  await expect(card.locator('[data-testid="goal-row"][data-period="2026-03"] [data-testid="goal-entered"]')).toContainText('Ulla');

  // Import a CSV file (semicolons, decimal comma) with two bad rows.
  const csv = [
    'periode;måltal;faktisk',
    '2026-12;80;80,5', // overwrites December's actual (81); the target is the same
    '2027-01;80;82', // new
    '2027-02;80;', // new target, no actual yet
    '2026-13;80;1', // bad: unknown period
    '2027-03;80;mange', // bad: not a number
  ].join('\r\n');
  await card.getByTestId('goal-import').click();
  const importDialog = page.getByTestId('goal-import-dialog');
  await importDialog.getByTestId('goal-import-file').setInputFiles({ name: 'tal.csv', mimeType: 'text/csv', buffer: Buffer.from('\ufeff' + csv, 'utf8') });
  const badRows = importDialog.getByTestId('plan-bad-row');
  await expect(badRows).toHaveCount(2);
  await expect(badRows.nth(0)).toHaveText('Række 5: ukendt periode »2026-13«');
  await expect(badRows.nth(1)).toHaveText('Række 6: ikke et tal i kolonnen faktisk: »mange«');
  await expect(importDialog.getByTestId('plan-change')).toHaveCount(4);
  const overwrite = importDialog.locator('[data-testid="plan-change"][data-overwrite="true"]');
  await expect(overwrite).toHaveCount(1);
  await expect(overwrite).toContainText('dec. 2026');
  await expect(overwrite).toContainText('81 %');
  await expect(overwrite).toContainText('80,5 %');
  await expect(overwrite).toContainText('Overskriver');
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: `${SCREENSHOTS}/goals-import-dialog-1920.png` });
  await importDialog.getByTestId('goal-import-confirm').click();
  await expect(importDialog).toBeHidden();
  await expect(card.getByTestId('goal-saved')).toHaveText('4 tal er gemt.');
  await expect(card.locator('[data-testid="goal-actual-input"][data-period="2026-12"]')).toHaveValue('80,5');
  await expect(card.locator('[data-testid="goal-actual-input"][data-period="2027-01"]')).toHaveValue('82');
  await expect(card.locator('[data-testid="goal-target-input"][data-period="2027-02"]')).toHaveValue('80');
  await expect(card.locator('[data-testid="goal-actual-input"][data-period="2027-03"]')).toHaveValue('');

  // The chart marks exactly the months under target (actual below the ramp).
  const under = ['2026-01', '2026-02', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];
  const points = card.getByTestId('goal-chart-point');
  await expect(points).toHaveCount(13);
  const marks = await points.evaluateAll((nodes) => nodes.map((n) => [n.getAttribute('data-period'), n.getAttribute('data-under-target')]));
  expect(marks.filter(([, u]) => u === 'true').map(([p]) => p)).toEqual(under);
  await expect(card.getByTestId('goal-under-band')).toHaveCount(under.length);
  // The latest number, its gap and the trend.
  await expect(card.getByTestId('goal-latest')).toHaveAttribute('data-period', '2027-01');
  await expect(card.getByTestId('goal-gap')).toContainText('+2 pct.-point over måltal');
  await expect(card.getByTestId('goal-trend')).toHaveAttribute('data-trend', 'rising');
  await expect(card.getByTestId('goal-status')).toHaveAttribute('data-under-target', 'false');

  // Keyboard: the chart is one tab stop; the arrow keys walk the periods, the tooltip follows.
  const nav = card.getByTestId('goal-chart-nav');
  await nav.focus();
  await expect(card.getByTestId('goal-chart-tip')).toHaveAttribute('data-period', '2027-01');
  await page.keyboard.press('Home');
  await expect(card.getByTestId('goal-chart-tip')).toHaveAttribute('data-period', '2026-01');
  await expect(nav).toHaveAttribute('aria-valuetext', 'jan. 2026: Måltal 60\u00a0%, Faktisk 58\u00a0%, under måltal');
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
  await expect(card.getByTestId('goal-chart-tip')).toContainText('aug. 2026');
  await expect(card.getByTestId('goal-chart-tip')).toContainText('Under måltal');
  await page.screenshot({ path: `${SCREENSHOTS}/goals-edit-1920.png` });
  await nav.blur();

  // Export the CSV through the menu and compare it with the board.
  await card.getByTestId('goal-export').click();
  const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('goal-export-csv').click()]);
  expect(download.suggestedFilename()).toMatch(/^Andel breve sendt digitalt \d{4}-\d{2}-\d{2}\.csv$/);
  const exported = readFileSync((await download.path())!, 'utf8');
  const onBoard: string[] = [];
  for (const row of await card.getByTestId('goal-row').all()) {
    const period = await row.getAttribute('data-period');
    const target = await row.getByTestId('goal-target-input').inputValue();
    const actual = await row.getByTestId('goal-actual-input').inputValue();
    if (target !== '' || actual !== '') onBoard.push(`${period};${target};${actual}`);
  }
  expect(exported).toBe('\ufeffperiod;target;actual\r\n' + onBoard.join('\r\n') + '\r\n');
  expect(onBoard).toHaveLength(14);
  expect(onBoard[11]).toBe('2026-12;80;80,5');

  // The chart as SVG: a file with the title and both lines, no live-only marks.
  await card.getByTestId('goal-export').click();
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), card.getByTestId('goal-export-svg').click()]);
  expect(svgDownload.suggestedFilename()).toMatch(/^Andel breve sendt digitalt \d{4}-\d{2}-\d{2}\.svg$/);
  const svg = readFileSync((await svgDownload.path())!, 'utf8');
  expect(svg).toContain('<svg');
  expect(svg).toContain('Andel breve sendt digitalt');
  expect(svg).toContain('class="target-line"');
  expect(svg).not.toContain('goal-chart-active');
  await card.getByTestId('goal-export').click();
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), card.getByTestId('goal-export-png').click()]);
  await pngDownload.saveAs(`${SCREENSHOTS}/goals-chart-export.png`);
  const png = readFileSync((await pngDownload.path())!);
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

  // Screenshots: the wall screen (view link, 1920×1080) and a laptop (edit link, 1366×768).
  const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await openBoardAs(wall, board.links.view);
  // The wall shows the goal as its latest number and a chart (tests/e2e/wall-meeting.spec.ts has the rest).
  await expect(wall.getByTestId('wall-goal-number')).toHaveText(/^82\s%$/);
  await expect(wall.locator('[data-field=goals] svg.wall-chart')).toBeVisible();
  await wall.screenshot({ path: `${SCREENSHOTS}/goals-wall-1920.png` });
  // The wall screen exports too (a leader's view link), but has nothing to edit with.
  await expect(wall.getByTestId('goal-import')).toHaveCount(0);
  const viewCsv = await wall.request.get(`/api/boards/${board.id}/goals/${await card.getAttribute('data-goal-id')}/export.csv?token=${encodeURIComponent(board.tokens.view)}`);
  expect(await viewCsv.text()).toBe(exported);
  await wall.close();

  const laptop = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await openBoardAs(laptop, board.links.edit, 'Hanne');
  await expect(laptop.getByTestId('goal-chart-point')).toHaveCount(13);
  await laptop.getByTestId('goal-chart-point').first().scrollIntoViewIfNeeded();
  await laptop.screenshot({ path: `${SCREENSHOTS}/goals-laptop-1366.png` });
  // Hover shows the same tooltip as the keyboard.
  const box = (await laptop.getByTestId('goal-chart-nav').boundingBox())!;
  await laptop.mouse.move(box.x + box.width * (6.5 / 14), box.y + box.height / 2);
  await expect(laptop.getByTestId('goal-chart-tip')).toHaveAttribute('data-period', '2026-07');
  await laptop.screenshot({ path: `${SCREENSHOTS}/goals-tooltip-laptop-1366.png` });
  await laptop.mouse.move(5, 5);
  await expect(laptop.getByTestId('goal-chart-tip')).toHaveCount(0);
  await laptop.getByTestId('goal-edit').click();
  await expect(laptop.getByTestId('goal-form-baseline')).toHaveValue('60');
  await laptop.screenshot({ path: `${SCREENSHOTS}/goals-edit-dialog-laptop-1366.png` });
  await laptop.keyboard.press('Escape');
  await laptop.getByTestId('goal-import').click();
  await laptop.getByTestId('goal-import-text').fill('Periode\tMåltal\tFaktisk\nokt. 2026\t78\t76\n2026-W44\t1\t1');
  await expect(laptop.getByTestId('plan-bad-row')).toHaveCount(1);
  await laptop.screenshot({ path: `${SCREENSHOTS}/goals-import-laptop-1366.png` });
  await laptop.keyboard.press('Escape');
  await expect(laptop.getByTestId('goal-import-dialog')).toBeHidden();
  // Cancelled: nothing was written.
  await laptop.getByTestId('goal-numbers-toggle').click();
  await expect(laptop.locator('[data-testid="goal-actual-input"][data-period="2026-10"]')).toHaveValue('75');
  await laptop.close();
});
