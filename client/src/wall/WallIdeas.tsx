// Field 2 on the wall, Idéer: every post-it as a numbered tile in the order the ideas came, its
// text hyphenated the Danish way, its author and its zone as a word (an idea not yet assessed
// has a dashed grey edge instead, a look no zone has). The type size is the largest
// at which all tiles fit the field; past the floor, "+ n more" says how many are not shown.
// Hidden ideas of a silent brainstorm are counted, never shown.

import { useRef } from 'react';
import { useT } from '../app/i18n';
import { boardMessages } from '../board/messages';
import { useBrainstorm } from '../ideas/useBrainstorm';
import { postItColor } from '../ideas/postItColor';
import { useIdeas } from '../sync/BoardProvider';
import { hyphenate } from './hyphenate';
import { numberIdeas } from './numberedIdeas';
import { useFit } from './useFit';
import { wallMessages } from './messages';
import { FLOOR, MoreLine, WallField, type WallMode } from './WallField';
import { WallZoneTag } from './WallZoneTag';

/** The largest type a tile gets, per mode: a few ideas need not be shouted. */
const CEILING: Record<WallMode, number> = { board: 30, focus: 48 };

export function WallIdeas({ mode }: { mode: WallMode }) {
  const t = useT(wallMessages);
  const tb = useT(boardMessages);
  const ideas = numberIdeas(useIdeas());
  const hidden = useBrainstorm().hidden.reduce((sum, h) => sum + h.count, 0);
  const box = useRef<HTMLDivElement>(null);
  const contentKey = `${mode}:${hidden}:${ideas.map(({ idea }) => `${idea.id}:${idea.text.length}:${idea.zone}:${idea.authors.length}`).join()}`;
  const fit = useFit(box, { min: FLOOR[mode], max: CEILING[mode], contentKey });
  const unassessed = ideas.filter(({ idea }) => idea.zone === null).length;
  return (
    <WallField
      field="ideas"
      number={2}
      title={tb('ideas')}
      className={`is-${mode}`}
      aside={ideas.length > 0 ? `${t('ideasCount', { n: ideas.length })}${unassessed > 0 ? ` · ${t('unassessedCount', { n: unassessed })}` : ''}` : undefined}
    >
      <div ref={box} className={`wall-ideas is-${mode}`}>
        {hidden > 0 && (
          <p className="wall-hidden-ideas" data-testid="wall-hidden-ideas">
            {t('hiddenIdeas', { n: hidden })}
          </p>
        )}
        {ideas.length === 0 && hidden === 0 && <p className="wall-empty">{t('noIdeas')}</p>}
        <ol className="wall-idea-list">
          {ideas.map(({ idea, number }) => (
            <li key={idea.id} className="wall-idea" data-fit-item data-testid="idea-card" data-idea-id={idea.id} data-zone={idea.zone ?? 'none'} style={{ background: postItColor(idea.color) }}>
              <p className="wall-idea-text" lang="da">
                <span className="wall-idea-number" aria-label={`${number}.`}>
                  {number}
                </span>{' '}
                {hyphenate(idea.text)}
              </p>
              <p className="wall-idea-foot">
                <span className="wall-idea-author">{idea.authors.join(', ') || idea.author}</span>
                {/* Not assessed: the tile's dashed grey edge says it (and the count in the header). */}
                {idea.zone ? <WallZoneTag zone={idea.zone} /> : <span className="visually-hidden">{t('unassessed')}</span>}
              </p>
            </li>
          ))}
        </ol>
        <MoreLine text={t('more', { n: Math.max(0, ideas.length - fit.shown) })} />
      </div>
    </WallField>
  );
}
