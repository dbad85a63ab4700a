// Browser mode: a read-only preview of one sheet; the file port's select() scrolls it to a cell and highlights it.
// The sheet is laid out by the engine (which holds the workbook) and drawn a few rows at a time, so that a
// long sheet never blocks the page.
import { Button, Caption1, DrawerBody, DrawerHeader, DrawerHeaderTitle, Field, makeStyles, mergeClasses, OverlayDrawer, Select, Spinner, tokens } from '@fluentui/react-components';
import { Dismiss20Regular } from '@fluentui/react-icons';
import { memo, startTransition, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { columnLetters } from '../../core/grid/grid';
import { anchorOf, rowOf, type PreviewRow } from '../preview';
import type { FilePort, SheetView } from '../standalone-port';
import type { Severity, Strings } from '../strings';
import { WIDE } from '../theme';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minHeight: 0, height: '100%' },
  bar: { display: 'flex', alignItems: 'end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  sheetField: { minWidth: '160px', flexGrow: 1, maxWidth: '320px' },
  note: { color: tokens.colorNeutralForeground3 },
  scroller: {
    // The rest of the column (wide) or of the drawer (narrow).
    flexGrow: 1,
    minHeight: '200px',
    [WIDE]: { minHeight: 0 },
    overflow: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  empty: {
    flexGrow: 1,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    textAlign: 'center',
    padding: tokens.spacingHorizontalXL,
    color: tokens.colorNeutralForeground3,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    minHeight: '160px',
  },
  table: { borderCollapse: 'separate', borderSpacing: 0, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  colHead: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    padding: `2px ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  corner: { left: 0, zIndex: 3 },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    textAlign: 'right',
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  cell: {
    padding: `2px ${tokens.spacingHorizontalS}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    whiteSpace: 'nowrap',
    maxWidth: '260px',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    verticalAlign: 'middle',
  },
  numeric: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  hidden: { color: tokens.colorNeutralForeground3, backgroundColor: tokens.colorNeutralBackground4 },
  markError: { backgroundColor: tokens.colorPaletteRedBackground1 },
  markWarning: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  markInfo: { backgroundColor: tokens.colorPaletteBlueBackground2 },
  evidence: {
    outline: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    outlineOffset: '-3px',
  },
  edited: {
    boxShadow: `inset 0 -3px 0 ${tokens.colorPaletteGreenBorder2}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  selected: {
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    outlineOffset: '-2px',
    backgroundColor: tokens.colorBrandBackground2,
    fontWeight: tokens.fontWeightSemibold,
  },
});

const useDrawerStyles = makeStyles({
  drawer: { height: '85vh' },
  body: { display: 'flex', flexDirection: 'column', paddingBottom: tokens.spacingVerticalL },
});

/** Narrow browser mode: the preview in a drawer over the pane, opened by a cell link, closed by the user (✕, Esc, or a click outside). */
export function PreviewDrawer({ open, onClose, ...props }: GridPreviewProps & { open: boolean; onClose: () => void }) {
  const styles = useDrawerStyles();
  const { strings: s, port } = props;
  const selection = useSyncExternalStore(port.subscribe, port.getState).selection;
  return (
    <OverlayDrawer position="bottom" className={styles.drawer} open={open} onOpenChange={(_, d) => !d.open && onClose()} aria-label={s.preview.heading} data-testid="preview-drawer">
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label={s.preview.close} icon={<Dismiss20Regular />} onClick={onClose} data-testid="preview-close" />}>
          {selection ? s.preview.title(`${selection.sheet}!${selection.address}`) : s.preview.heading}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={styles.body}>
        <GridPreview {...props} />
      </DrawerBody>
    </OverlayDrawer>
  );
}

const MARK = { error: 'markError', warning: 'markWarning', info: 'markInfo' } as const;

/** Rows drawn per step (one React commit each): enough to fill the screen at once, small enough to stay under a frame or two. */
const ROWS_PER_STEP = 40;

export interface GridPreviewProps {
  strings: Strings;
  port: FilePort;
  /** `sheet!address` → severity of the findings there. */
  marks: ReadonlyMap<string, Severity>;
  /** `sheet!address` of the selected finding's evidence cells (outlined). */
  evidence: ReadonlySet<string>;
  /** `sheet!address` of the cells changed by applied fixes (underlined in green). */
  edited: ReadonlySet<string>;
}

interface ChunkProps {
  strings: Strings;
  sheet: string;
  rows: readonly PreviewRow[];
  hiddenCols: ReadonlySet<number>;
  marks: ReadonlyMap<string, Severity>;
  evidence: ReadonlySet<string>;
  edited: ReadonlySet<string>;
  /** The selected address when it is in these rows. */
  selected?: string;
}

/** A run of rows; redrawn only when its own selection or the marks change. */
const RowChunk = memo(function RowChunk({ strings: s, sheet, rows, hiddenCols, marks, evidence, edited, selected }: ChunkProps) {
  const styles = useStyles();
  return (
    <>
      {rows.map((r) => (
        <tr key={r.row}>
          <th scope="row" className={mergeClasses(styles.rowHead, r.hidden && styles.hidden)} title={r.hidden ? s.preview.hidden : undefined}>
            {r.row + 1}
          </th>
          {r.cells.map((cell) => {
            const key = `${sheet}!${cell.address}`;
            const mark = marks.get(key);
            const isSelected = cell.address === selected;
            const isEvidence = evidence.has(key);
            const isEdited = edited.has(key);
            return (
              <td
                key={cell.col}
                data-address={cell.address}
                data-selected={isSelected ? 'true' : undefined}
                data-mark={mark}
                data-evidence={isEvidence ? 'true' : undefined}
                data-edited={isEdited ? 'true' : undefined}
                aria-current={isSelected ? 'true' : undefined}
                rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
                colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
                title={[cell.text.length > 12 ? cell.text : '', isEdited ? s.preview.edited : '', isEvidence ? s.preview.evidence : ''].filter((t) => t !== '').join(' · ') || undefined}
                className={mergeClasses(
                  styles.cell,
                  cell.numeric && styles.numeric,
                  (r.hidden || hiddenCols.has(cell.col)) && styles.hidden,
                  mark && styles[MARK[mark]],
                  isEdited && styles.edited,
                  isEvidence && styles.evidence,
                  isSelected && styles.selected,
                )}
              >
                {cell.text}
              </td>
            );
          })}
        </tr>
      ))}
    </>
  );
});

export function GridPreview({ strings: s, port, marks, evidence, edited }: GridPreviewProps) {
  const styles = useStyles();
  const state = useSyncExternalStore(port.subscribe, port.getState);
  const { workbook, selection } = state;
  const [chosen, setChosen] = useState<string>();
  const [view, setView] = useState<SheetView>();
  const [limit, setLimit] = useState(ROWS_PER_STEP);
  const scroller = useRef<HTMLDivElement>(null);

  // A new file starts on its first sheet (a fix changes the workbook, not the sheet shown); a selection
  // switches to its sheet.
  useEffect(() => setChosen(undefined), [state.openId]);
  useEffect(() => {
    if (selection) setChosen(selection.sheet);
  }, [selection]);

  const name = workbook ? (chosen !== undefined && workbook.sheets.includes(chosen) ? chosen : workbook.sheets[0]) : undefined;
  const version = workbook?.version;
  // The sheet's layout from the engine, again after every fix.
  useEffect(() => {
    if (name === undefined) {
      setView(undefined);
      return;
    }
    let gone = false;
    // Drawn as a transition (in slices), like the rows that follow.
    port.sheet(name).then(
      (v) => !gone && startTransition(() => setView(v)),
      () => !gone && setView(undefined),
    );
    return () => {
      gone = true;
    };
  }, [port, name, version, state.openId]);

  const shown = view && view.name === name ? view : undefined;
  const selected = selection && shown && selection.sheet === shown.name ? anchorOf(shown, selection.address) : undefined;
  const selectedRow = selected !== undefined ? rowOf(selected) : undefined;
  const rows = shown?.layout.rows;

  // Draw the rows a step at a time (the selected one at once), each step its own commit.
  useEffect(() => setLimit(ROWS_PER_STEP), [shown?.name, state.openId]);
  useEffect(() => {
    if (selectedRow !== undefined && selectedRow >= limit) setLimit(selectedRow + ROWS_PER_STEP);
  }, [selectedRow, limit]);
  useEffect(() => {
    if (!rows || limit >= rows.length) return;
    const timer = setTimeout(() => startTransition(() => setLimit((l) => l + ROWS_PER_STEP)), 0);
    return () => clearTimeout(timer);
  }, [rows, limit]);
  const chunks = useMemo(() => {
    const all = rows ?? [];
    const out: PreviewRow[][] = [];
    for (let i = 0; i < all.length; i += ROWS_PER_STEP) out.push(all.slice(i, i + ROWS_PER_STEP));
    return out;
  }, [rows]);

  // Bring the selected cell into view: centred vertically, and horizontally as far left as possible
  // (so the row's labels stay visible).
  const drawn = selectedRow !== undefined && selectedRow < limit;
  useLayoutEffect(() => {
    const box = scroller.current;
    const el = selected && selection && drawn ? box?.querySelector<HTMLElement>(`[data-address="${selected}"]`) : undefined;
    if (!box || !el) return;
    const view = box.getBoundingClientRect();
    const cell = el.getBoundingClientRect();
    box.scrollTop += cell.top + cell.height / 2 - (view.top + view.height / 2);
    const right = cell.right - view.left + box.scrollLeft;
    box.scrollLeft = Math.max(0, right - box.clientWidth + 24);
  }, [selected, selection, drawn, shown]);

  if (!workbook || name === undefined) {
    return (
      <section className={styles.root} aria-label={s.preview.heading}>
        <div className={styles.empty}>
          <Caption1>{s.preview.empty}</Caption1>
        </div>
      </section>
    );
  }
  const layout = shown?.layout;
  const cols = Array.from({ length: layout?.colCount ?? 0 }, (_, c) => c);
  return (
    <section className={styles.root} aria-label={s.preview.heading} data-testid="preview" data-sheet={name} aria-busy={layout ? undefined : true}>
      <div className={styles.bar}>
        <Field label={s.preview.sheet} size="small" className={styles.sheetField}>
          <Select size="small" value={name} onChange={(_, d) => setChosen(d.value)} data-testid="preview-sheet">
            {workbook.sheets.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </Select>
        </Field>
        {layout?.truncated && <Caption1 className={styles.note}>{s.preview.truncated(layout.rows.length, layout.colCount)}</Caption1>}
      </div>
      {!layout ? (
        <div className={styles.empty}>
          <Spinner size="tiny" label={s.preview.loading} />
        </div>
      ) : (
        <div className={styles.scroller} ref={scroller} tabIndex={0} role="region" aria-label={s.preview.gridLabel(name)}>
          <table className={styles.table}>
            <thead>
              <tr>
                <td className={mergeClasses(styles.colHead, styles.corner)} />
                {cols.map((c) => (
                  <th key={c} scope="col" className={mergeClasses(styles.colHead, layout.hiddenCols.has(c) && styles.hidden)}>
                    {columnLetters(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {chunks.map((rowsOf, i) =>
                i * ROWS_PER_STEP < limit ? (
                  <RowChunk
                    key={i}
                    strings={s}
                    sheet={name}
                    rows={rowsOf}
                    hiddenCols={layout.hiddenCols}
                    marks={marks}
                    evidence={evidence}
                    edited={edited}
                    {...(selectedRow !== undefined && selectedRow >= i * ROWS_PER_STEP && selectedRow < (i + 1) * ROWS_PER_STEP && selected ? { selected } : {})}
                  />
                ) : null,
              )}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
