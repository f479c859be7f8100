// What the PDF reader's stages take and give. The input (`PdfPage`: text items and ruling lines in
// PDF points from the page's lower left) comes from server/src/pdf.ts; every later stage works in
// downward page coordinates (the top of the page is 0). The names are the reader's own (PdfBox,
// PdfLine, RuledLine, PdfCellBox…), apart from the grid's (grid/grid.ts) and the model's.
import type { Rebuilt } from '../../grid/source';

export interface PdfItem {
  str: string;
  /** Baseline origin, PDF points from the page's lower left. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A horizontal (y0 = y1) or vertical (x0 = x1) ruling line. */
export interface PdfSegment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
  rules: PdfSegment[];
}

/** The rebuilt report, or a scan: no page has a text item. */
export type PdfLayoutResult = { ok: true; report: Rebuilt } | { ok: false; reason: 'scan' };

// ---------------------------------------------------------------- text: boxes and lines

/** A text item (or one figure of a run of figures) where it stands. */
export interface PdfBox {
  str: string;
  left: number;
  right: number;
  /** Downward page coordinates: top of the glyphs, baseline, middle. */
  top: number;
  base: number;
  mid: number;
  size: number;
  /** Stacked characters (vertical writing): a column of its own. */
  vertical: boolean;
}

/** The boxes on one baseline, left to right. */
export interface PdfLine {
  boxes: PdfBox[];
  base: number;
  top: number;
  bottom: number;
  size: number;
}

// ---------------------------------------------------------------- ruling lines

/** A ruling line in downward coordinates: horizontal (top = bottom) or vertical (x0 = x1). */
export interface RuledLine {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

/** The ruling lines of a page outside its lattices, for the tables read from where text stands. */
export interface Rulings {
  horizontal: RuledLine[];
  vertical: RuledLine[];
}

/** The ruled cell a box stands in: the nearest ruling lines on its four sides. */
export interface PdfCellBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

// ---------------------------------------------------------------- lattices (ruled tables)

/** A lattice's ruling lines, downward coordinates (top of the page is 0). */
export interface HRule { y: number; x0: number; x1: number }
export interface VRule { x: number; y0: number; y1: number }

export interface LatticeCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
}

export interface Lattice {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Column and row boundaries (xs.length - 1 columns, ys.length - 1 rows). */
  xs: number[];
  ys: number[];
  /** Every cell once, at its top-left grid position. */
  cells: LatticeCell[];
  /** For each grid position, the index of the cell covering it. */
  at: number[][];
  /** The items read into the table (the page's other items are text lines). */
  items: Set<PdfItem>;
}

// ---------------------------------------------------------------- tables read from where text stands

/** A label box placed in a row, with the ruled cell around it if the table has one. */
export interface PlacedBox {
  box: PdfBox;
  cell?: PdfCellBox;
}

/** A table row: a line that ends in figures, and the labels of the band it owns. */
export interface FigureRow {
  figures: PdfBox[];
  labels: PlacedBox[];
  groups: PlacedBox[];
  /** The band of the page this row owns. */
  from: number;
  to: number;
  mid: number;
  /** The figure cells with blanks in their columns, once known. */
  cells?: string[];
}

/** A label cell of a row: its text, and the left edge that gives its column. */
export interface LabelCell {
  left: number;
  text: string;
}

/** A page's content in reading order: a line of text, a table read from where its text stands
 *  (stream mode when the page has no rules), or a ruled table read as a lattice. A table's header
 *  lines are tab-separated cells; `headerAligned`: the first cell is the corner's (over the label
 *  columns) and each next one stands over one figure column. */
export type PdfBlock =
  | { kind: 'line'; line: PdfLine }
  | { kind: 'table'; rows: FigureRow[]; header: string[]; headerAligned?: boolean; stream: boolean }
  | { kind: 'lattice'; lattice: Lattice };

/** A page read: its blocks, and the left margin of its text (a first-line indent starts a paragraph). */
export interface PageLayout {
  blocks: PdfBlock[];
  margin: number;
}
