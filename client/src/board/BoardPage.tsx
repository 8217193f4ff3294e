// The board page: opens the connection and lays out the four fields like the paper board.

import { lazy, Suspense, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { openBoard, type BoardConnection } from '../sync/connection';
import { BoardProvider, useCanEdit } from '../sync/BoardProvider';
import { useT } from '../app/i18n';
import { boardMessages } from './messages';
import { BoardHeader } from './BoardHeader';
import { NameDialog } from './NameDialog';
import { DeniedNotice } from './DeniedNotice';
import { SkipLinks } from './SkipLinks';
import { GoalsField } from '../goals/GoalsField';
import { IdeasField } from '../ideas/IdeasField';
import { AssessmentField } from '../assessment/AssessmentField';
import { AssessmentDnd } from '../assessment/AssessmentDnd';
import { ActionsField } from '../actions/ActionsField';
import { MeetingBar } from '../meeting/MeetingBar';
import { useBoardLayoutMeeting } from '../meeting/useBoardLayoutMeeting';
import './board.css';

// The wall screen is its own chunk: an editor's laptop never loads it (nor its hyphenation patterns).
const WallLayout = lazy(() => import('../wall/WallLayout').then((module) => ({ default: module.WallLayout })));

/** How long to wait for the server before showing the offline copy. */
const OFFLINE_COPY_AFTER_MS = 2500;

export function BoardPage({ boardId, token }: { boardId: string; token: string }) {
  const [connection, setConnection] = useState<BoardConnection | null>(null);
  useEffect(() => {
    const opened = openBoard(boardId, token);
    setConnection(opened);
    return () => opened.destroy();
  }, [boardId, token]);
  if (!connection) return null;
  return (
    <BoardProvider connection={connection}>
      <ReadyGate connection={connection} />
    </BoardProvider>
  );
}

function ReadyGate({ connection }: { connection: BoardConnection }) {
  const t = useT(boardMessages);
  const { synced, localLoaded, status } = useStore(connection.state);
  const [waitedLong, setWaitedLong] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setWaitedLong(true), OFFLINE_COPY_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  if (status === 'denied') return <DeniedNotice />;
  const ready = synced || (localLoaded && (waitedLong || status === 'offline'));
  if (!ready) {
    return (
      <main className="board-loading" aria-busy="true">
        <p role="status">{t('loading')}</p>
      </main>
    );
  }
  return <BoardLayout />;
}

function BoardLayout() {
  const canEdit = useCanEdit();
  // A view link is the wall screen (and what leaders open): see client/src/wall/.
  if (!canEdit)
    return (
      <Suspense fallback={null}>
        <WallLayout />
      </Suspense>
    );
  return <EditLayout />;
}

function EditLayout() {
  const canEdit = useCanEdit();
  const meetingAttributes = useBoardLayoutMeeting();
  return (
    <div className={`board-page ${canEdit ? 'can-edit' : 'view-only'}`} {...meetingAttributes}>
      <SkipLinks />
      <BoardHeader />
      <MeetingBar />
      <AssessmentDnd>
        <main className="board-fields">
          <GoalsField />
          <IdeasField />
          <AssessmentField />
          <ActionsField />
        </main>
      </AssessmentDnd>
      {canEdit && <NameDialog />}
    </div>
  );
}
