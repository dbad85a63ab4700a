// Browser mode: a read-only preview of one sheet; the file port's select() scrolls it to a cell and highlights it.
import { Caption1, Field, makeStyles, mergeClasses, Select, tokens } from '@fluentui/react-components';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { columnLetters } from '../../core/grid/grid';
import { anchorOf, layoutSheet } from '../preview';
import type { FilePort } from '../standalone-port';
import type { Severity, Strings } from '../strings';
import { WIDE } from '../theme';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minHeight: 0, height: '100%' },
  bar: { display: 'flex', alignItems: 'end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  sheetField: { minWidth: '160px', flexGrow: 1, maxWidth: '320px' },
  note: { color: tokens.colorNeutralForeground3 },
  scroller: {
    // Narrow (stacked under the pane): a window of its own; wide: the rest of the column.
    height: '60vh',
    minHeight: '240px',
    [WIDE]: { height: 'auto', flexGrow: 1, minHeight: 0 },
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
  hidden: { color: tokens.colorNeutralForeground4, backgroundColor: tokens.colorNeutralBackground4 },
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

const MARK = { error: 'markError', warning: 'markWarning', info: 'markInfo' } as const;

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

export function GridPreview({ strings: s, port, marks, evidence, edited }: GridPreviewProps) {
  const styles = useStyles();
  const state = useSyncExternalStore(port.subscribe, port.getState);
  const { workbook, selection } = state;
  const [chosen, setChosen] = useState<string>();
  const scroller = useRef<HTMLDivElement>(null);

  // A new file starts on its first sheet (a fix changes the workbook, not the sheet shown); a selection
  // switches to its sheet.
  useEffect(() => setChosen(undefined), [state.openId]);
  useEffect(() => {
    if (selection) setChosen(selection.sheet);
  }, [selection]);

  const sheet = workbook?.sheets.find((x) => x.name === chosen) ?? workbook?.sheets[0];
  const layout = useMemo(() => (sheet ? layoutSheet(sheet) : undefined), [sheet]);
  const selected = selection && sheet && selection.sheet === sheet.name ? anchorOf(sheet, selection.address) : undefined;

  // Bring the selected cell into view: centred vertically, and horizontally as far left as possible
  // (so the row's labels stay visible); then the preview itself into the page when stacked.
  useLayoutEffect(() => {
    const box = scroller.current;
    const el = selected && selection ? box?.querySelector<HTMLElement>(`[data-address="${selected}"]`) : undefined;
    if (!box || !el) return;
    const view = box.getBoundingClientRect();
    const cell = el.getBoundingClientRect();
    box.scrollTop += cell.top + cell.height / 2 - (view.top + view.height / 2);
    const right = cell.right - view.left + box.scrollLeft;
    box.scrollLeft = Math.max(0, right - box.clientWidth + 24);
    box.scrollIntoView({ block: 'nearest' });
  }, [selected, selection]);

  if (!workbook || !sheet || !layout) {
    return (
      <section className={styles.root} aria-label={s.preview.heading}>
        <div className={styles.empty}>
          <Caption1>{s.preview.empty}</Caption1>
        </div>
      </section>
    );
  }
  const cols = Array.from({ length: layout.colCount }, (_, c) => c);
  return (
    <section className={styles.root} aria-label={s.preview.heading} data-testid="preview" data-sheet={sheet.name}>
      <div className={styles.bar}>
        <Field label={s.preview.sheet} size="small" className={styles.sheetField}>
          <Select size="small" value={sheet.name} onChange={(_, d) => setChosen(d.value)}>
            {workbook.sheets.map((x) => (
              <option key={x.name} value={x.name}>
                {x.name}
              </option>
            ))}
          </Select>
        </Field>
        {layout.truncated && <Caption1 className={styles.note}>{s.preview.truncated(layout.rows.length, layout.colCount)}</Caption1>}
      </div>
      <div className={styles.scroller} ref={scroller} tabIndex={0} role="region" aria-label={s.preview.gridLabel(sheet.name)}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={mergeClasses(styles.colHead, styles.corner)} scope="col" />
              {cols.map((c) => (
                <th key={c} scope="col" className={mergeClasses(styles.colHead, layout.hiddenCols.has(c) && styles.hidden)}>
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {layout.rows.map((r) => (
              <tr key={r.row}>
                <th scope="row" className={mergeClasses(styles.rowHead, r.hidden && styles.hidden)} title={r.hidden ? s.preview.hidden : undefined}>
                  {r.row + 1}
                </th>
                {r.cells.map((cell) => {
                  const key = `${sheet.name}!${cell.address}`;
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
                        (r.hidden || layout.hiddenCols.has(cell.col)) && styles.hidden,
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
          </tbody>
        </table>
      </div>
    </section>
  );
}
