// The PDF reader's tolerances, in one place (as pdfplumber's table settings): distances in ems
// (times the text's size) or in PDF points (pt), and the bounds a hostile page meets.
export const PDF_SETTINGS = {
  text: {
    /** pt: the least size a text item is given. */
    minSize: 1,
    /** pt: the least width of a text item's box. */
    minWidth: 0.1,
    /** em: the top of the glyphs above the baseline, and their middle. */
    ascent: 0.85,
    middle: 0.35,
    /** A run of several characters this many times taller than wide is stacked (vertical writing). */
    stacked: 1.5,
    /** em: items whose baselines are this close stand on one line. */
    sameBaseline: 0.3,
    /** em: items this close are one word ("202" + "4"). */
    touching: 0.2,
    /** em: a gap this wide between letters or digits is a space. */
    wordSpace: 0.25,
    /** em: a gap this wide is a cell boundary (a tab); closer boxes are one piece of a cell. */
    cellGap: 1.5,
    /** em: a line indented this far past the page's margin starts a paragraph (two characters, as
     *  Chinese paragraphs and headings are written). */
    indent: 1.5,
    /** A page number stands below this fraction of the page's height, or above that one. */
    footer: 0.88,
    header: 0.1,
  },
  table: {
    /** em: the figures of a row stand at least this far apart (a column gap, not one number split). */
    figureGap: 0.8,
    /** em: one figure after a label is a row only past this gap ("行政许可    9487"). */
    labelToFigure: 2,
    /** em: rows of one table follow each other this closely. */
    rowDistance: 6,
    /** em: without rules, a word this far right of every label starts a header (over a figure column). */
    pastLabels: 1,
    /** pt: left edges this close are one column; column boundaries this close are one. */
    columnAlign: 3,
    /** em: figures whose centres are this close stand in one column. */
    figureColumn: 0.6,
    /** pt: room around a ruling line (a box's centre on it, a row's band reaching it). */
    ruleSlack: 0.5,
    /** pt: an edge this close is the same edge (a label's right edge at the figures, a border drawn twice). */
    edge: 1,
    /** em: a row's band reaches this far when no rule or neighbour bounds it. */
    band: 2,
  },
  /** Stream mode (no rules): how text flows in a cell. */
  flow: {
    /** em: a piece that leaves less room than this in its column filled it (the words wrapped). */
    filled: 2,
    /** em: or this much, when the next piece starts with punctuation a line may not start with. */
    filledBeforePunctuation: 3,
    /** em: a wrapped line stands at most this far below the line it goes on. */
    wrapped: 2,
    /** em: boxes this far right of a column's text (or half this left of it) are in it (a header cell). */
    columnRight: 1.5,
    columnLeft: 0.5,
  },
  header: {
    /** em: header lines stand at most this far above the table (or the header line below them). */
    distance: 2.5,
    /** em: a header line reaches over the figure columns: a word starts at most this far left of them. */
    overFigures: 2,
    /** A line of more characters and no cell gap is a sentence, not a header. */
    maxChars: 12,
  },
  lattice: {
    /** pt: ruling lines this close meet; positions this close are one row or column boundary. */
    snap: 2,
    /** pt: a segment this thin is a rule. */
    thickness: 1.5,
    /** pt: pieces of one rule are at the same position within this. */
    collinear: 1,
    /** pt: the largest size an item's box is given. */
    maxSize: 72,
    /** em: items whose baselines are this close are one line of a cell. */
    sameBaseline: 0.4,
    /** Boundaries each way a table needs (two columns and two rows). */
    minLines: 3,
    /** Bounds on what one page may hold (hostile files): past them, no lattice is read. */
    maxRules: 4000,
    maxGrid: 200,
  },
} as const;
