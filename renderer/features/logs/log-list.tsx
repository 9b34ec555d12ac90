import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

import { outcomeLabels, type LogSummary } from '../../../shared/logs/readiness-log';
import { showHiddenCharacters } from '../../../shared/text/visible-text';
import { OutcomeBadge } from './outcome-badge';
import { itemTitle, judgedText, platformName, shortWhen } from './log-format';

/** Every row is one line high, so rows are placed without measuring them. */
const logRowHeight = 44;
const pageRows = 10;
const rowHeight = () => logRowHeight;

/** "Firewall is on, Wi-Fi signal and 2 more"; the same "Nothing" / "See the log" rule as before. */
export function attentionTitles(log: Pick<LogSummary, 'attention' | 'outcome'>): string {
  const titles = [...new Set(log.attention.map((a) => itemTitle(a.id)))];
  if (titles.length === 0) return log.outcome === 'ready' ? 'Nothing' : 'See the log';
  const shown = titles.slice(0, 2).join(', ');
  return titles.length > 2 ? `${shown} and ${titles.length - 2} more` : shown;
}

/**
 * Every log the filter matches as a listbox, drawn a screenful at a time (TanStack Virtual), so
 * 20,000 rows scroll as smoothly as 20. One row takes part in Tab order; arrows, Page Up/Down,
 * Home and End move between rows, Enter or a click opens one.
 */
export function LogList({
  logs,
  filtered,
  onOpen,
  returnTo,
  onReturned,
}: {
  readonly logs: readonly LogSummary[];
  readonly filtered: boolean;
  readonly onOpen: (id: string) => void;
  /** The log last opened: the list starts with it in view and focused. */
  readonly returnTo?: string | null;
  /** Called once the row in `returnTo` has focus again. */
  readonly onReturned?: () => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const returnIndex = returnTo ? logs.findIndex((l) => l.id === returnTo) : -1;
  const startIndex = Math.max(0, returnIndex);
  const [active, setActive] = useState(startIndex);
  const focusWanted = useRef(returnIndex >= 0);
  const activeIndex = Math.min(active, Math.max(0, logs.length - 1));

  // The focused row is always drawn, so scrolling it out of view with the mouse keeps focus.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (activeIndex < range.count && !indexes.includes(activeIndex)) indexes.push(activeIndex);
      return indexes.sort((a, b) => a - b);
    },
    [activeIndex],
  );
  // The React Compiler is not used; this component re-renders on every scroll step by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: logs.length,
    getScrollElement: () => scroller.current,
    estimateSize: rowHeight,
    overscan: 6,
    rangeExtractor,
    initialOffset: Math.max(0, (startIndex - 2) * logRowHeight),
    // Stable between renders: a new function makes the virtualizer lay out all 20,000 rows again.
    getItemKey: useCallback((index: number) => logs[index]?.id ?? index, [logs]),
  });

  useLayoutEffect(() => {
    if (!focusWanted.current) return;
    const row = scroller.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`);
    if (!row) return;
    focusWanted.current = false;
    row.focus();
    if (returnTo) onReturned?.();
  });

  // A shorter list (a filter) must not leave the focused row past its end.
  useEffect(() => {
    if (active >= logs.length && logs.length > 0) setActive(logs.length - 1);
  }, [active, logs.length]);

  if (logs.length === 0) {
    return (
      <p className="rr-muted">
        {filtered
          ? 'No logs match these filters.'
          : 'No logs yet. A log is added each time you save a readiness check.'}
      </p>
    );
  }

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(logs.length - 1, index));
    setActive(next);
    focusWanted.current = true;
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, index: number) => {
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + pageRows,
      PageUp: index - pageRows,
      Home: 0,
      End: logs.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      moveTo(target);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const log = logs[index];
      if (log) onOpen(log.id);
    }
  };

  return (
    <div className="rr-log-list">
      <div className="rr-log-list__head rr-log-list__row" aria-hidden="true">
        <span>Checked</span>
        <span>Client</span>
        <span>Platform</span>
        <span>Outcome</span>
        <span>Needed attention</span>
      </div>
      {/* Rows are handled here, by their data-index, so a row redraws only when its own log or place changes. */}
      <div
        ref={scroller}
        className="rr-log-list__scroller"
        role="listbox"
        aria-label="Readiness logs, newest first. Each reads: when checked, client code, platform, outcome, then what needed attention. Press Enter to open one."
        onClick={(event) => {
          const index = rowIndex(event.target);
          const log = index === null ? undefined : logs[index];
          if (index === null || !log) return;
          setActive(index);
          onOpen(log.id);
        }}
        onFocus={(event) => {
          const index = rowIndex(event.target);
          if (index !== null && index !== activeIndex) setActive(index);
        }}
        onKeyDown={(event) => {
          const index = rowIndex(event.target);
          if (index !== null) onKeyDown(event, index);
        }}
      >
        <div className="rr-log-list__space" role="presentation" ref={(el) => setSpaceHeight(el, virtualizer)}>
          {virtualizer.getVirtualItems().map((item) => {
            const log = logs[item.index];
            return log ? (
              <LogRow
                key={item.key}
                log={log}
                index={item.index}
                start={item.start}
                setSize={logs.length}
                active={item.index === activeIndex}
              />
            ) : null;
          })}
        </div>
      </div>
    </div>
  );
}

/** The row an event happened in, by its place in the list. */
function rowIndex(target: EventTarget): number | null {
  const row = target instanceof Element ? target.closest<HTMLElement>('[data-index]') : null;
  return row ? Number(row.dataset.index) : null;
}

const LogRow = memo(function LogRow({
  log,
  index,
  start,
  setSize,
  active,
}: {
  readonly log: LogSummary;
  readonly index: number;
  readonly start: number;
  readonly setSize: number;
  readonly active: boolean;
}) {
  const when = shortWhen(log.createdAt);
  const code = showHiddenCharacters(log.clientCode);
  const platform = platformName(log.platform);
  const attention = attentionTitles(log);
  const judged = judgedText(log);
  return (
    <div
      data-index={index}
      ref={(el) => placeRow(el, start)}
      className="rr-log-list__row rr-log-list__option"
      role="option"
      aria-label={rowName({ when, code, platform, outcome: outcomeLabels[log.outcome], attention, judged })}
      aria-selected={active}
      aria-setsize={setSize}
      aria-posinset={index + 1}
      tabIndex={active ? 0 : -1}
    >
      {/* The spaces keep the columns' words apart for tools that read the text as one string. */}
      <span>{when}</span> <span className="rr-log-list__code">{code}</span> <span>{platform}</span>{' '}
      <OutcomeBadge outcome={log.outcome} />{' '}
      <span className="rr-log-list__attention">
        {attention}
        {judged && <span className="rr-logs__judged"> {judged}</span>}
      </span>
    </div>
  );
});

/**
 * A row's name is what it shows, in the order shown, so a voice user can say what they see (the
 * listbox's name says what each part is). It is given as one label because hidden words between
 * the columns made each row five elements heavier, which slowed scrolling at 20,000 rows.
 */
function rowName(row: {
  readonly when: string;
  readonly code: string;
  readonly platform: string;
  readonly outcome: string;
  readonly attention: string;
  readonly judged: string | null;
}): string {
  return [row.when, row.code, row.platform, row.outcome, row.attention, row.judged].filter(Boolean).join(', ');
}

/*
 * Sizes and positions are set through the style object (CSSOM), which the page's
 * Content-Security-Policy allows, never as style attributes in markup.
 */
function setSpaceHeight(el: HTMLDivElement | null, virtualizer: { getTotalSize(): number }): void {
  if (el) el.style.height = `${virtualizer.getTotalSize()}px`;
}

function placeRow(el: HTMLDivElement | null, start: number): void {
  if (el) el.style.transform = `translateY(${start}px)`;
}
