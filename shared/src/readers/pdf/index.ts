// A PDF's report rebuilt from where its text stands on the page (pure: the items and ruling lines
// come from server/src/pdf.ts), in named stages as pdfplumber reads a page:
//   lines.ts         page items → boxes → lines (page numbers dropped)
//   lattice.ts       ruling lines → ruled tables (lattices), each item in the cell that holds it
//   tables.ts        lines → lines of text and tables read from where their text stands
//                    (flow.ts: how text flows in a cell when the page has no rules)
//   headers.ts       the lines above a table → its header rows
//   cells.ts         label boxes → label cells
//   page.ts          one page through the stages above
//   continuation.ts  a table broken by a page goes on
//   rebuild.ts       the pages → the rebuilt report (grid/rebuilt.ts writes it)
// Tolerances are in settings.ts, the words told apart by their text in patterns.ts.
export { rebuildPdf } from './rebuild';
export type { PdfItem, PdfLayoutResult, PdfPage, PdfSegment } from './types';
