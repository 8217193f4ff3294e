// "Eksportér": a goal's numbers as CSV or .xlsx (made by the server, with the board's token)
// and its chart as PNG or SVG (made here from the chart on screen). A disclosure button with a
// short list, not an ARIA menu: links and buttons that Tab reaches and Escape closes.

import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { readableFileName } from '../../../shared/domain/fileNames';
import { dateInZone } from '../../../shared/domain/calendar';
import type { Goal } from '../../../shared/schema/goal';
import { parseRoute } from '../app/route';
import { useT } from '../app/i18n';
import { useBoardConnection } from '../sync/BoardProvider';
import { chartSvgFile, downloadBlob, svgToPng } from './chartExport';
import { goalMessages } from './messages';
import { useTargetWording } from './targetWording';

/** The server's export URL of a goal's numbers, with the token of the link this page was opened with. */
export function exportUrl(boardId: string, goalId: string, format: 'csv' | 'xlsx', token: string): string {
  return `/api/boards/${encodeURIComponent(boardId)}/goals/${encodeURIComponent(goalId)}/export.${format}?token=${encodeURIComponent(token)}`;
}

export function ExportMenu({ goal, cardRef }: { goal: Goal; cardRef: RefObject<HTMLElement | null> }) {
  const t = useT(goalMessages);
  const wording = useTargetWording();
  const { boardId } = useBoardConnection();
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);
  const listId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const route = parseRoute(window.location);
  const token = route.page === 'board' ? route.token : '';

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const chartFile = async (format: 'svg' | 'png') => {
    setFailed(false);
    try {
      const chart = cardRef.current?.querySelector<SVGSVGElement>('svg.goal-chart-svg');
      if (!chart) throw new Error('no chart');
      const file = chartSvgFile(chart, {
        title: goal.name,
        subtitle: [goal.unit && `${t('unit')}: ${goal.unit}`, goal.owner && t('ownerLine', { owner: goal.owner })].filter(Boolean).join(' · '),
        legend: { target: t('legendTarget'), actual: t('legendActual'), under: chart.querySelector('.under-band') ? wording.statusWord(goal.direction, false) : null },
      });
      const name = readableFileName(goal.name, dateInZone(new Date()), format);
      const blob = format === 'svg' ? new Blob([file.svg], { type: 'image/svg+xml' }) : await svgToPng(file.svg, file.width, file.height);
      downloadBlob(blob, name);
      close();
    } catch {
      setFailed(true);
    }
  };

  const hasChart = Object.keys(goal.targets).length > 0 || Object.keys(goal.actuals).length > 0;

  return (
    <div
      className="goal-export"
      ref={rootRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <button
        type="button"
        ref={buttonRef}
        className="quiet"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
        data-testid="goal-export"
      >
        <span aria-hidden="true">⤓ </span>
        {t('exportMenu')}
        <span className="visually-hidden"> – {goal.name}</span>
        <span aria-hidden="true"> ▾</span>
      </button>
      <ul id={listId} className="goal-export-list" hidden={!open}>
        <li>
          <a href={exportUrl(boardId, goal.id, 'csv', token)} download onClick={() => setOpen(false)} data-testid="goal-export-csv">
            {t('exportCsv')}
          </a>
        </li>
        <li>
          <a href={exportUrl(boardId, goal.id, 'xlsx', token)} download onClick={() => setOpen(false)} data-testid="goal-export-xlsx">
            {t('exportXlsx')}
          </a>
        </li>
        {hasChart && (
          <>
            <li>
              <button type="button" onClick={() => void chartFile('png')} data-testid="goal-export-png">
                {t('exportPng')}
              </button>
            </li>
            <li>
              <button type="button" onClick={() => void chartFile('svg')} data-testid="goal-export-svg">
                {t('exportSvg')}
              </button>
            </li>
          </>
        )}
      </ul>
      {failed && (
        <p className="goal-error" role="alert">
          {t('exportFailed')}
        </p>
      )}
    </div>
  );
}
