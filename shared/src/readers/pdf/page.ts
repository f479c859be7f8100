// One page read, stage by stage: its ruled tables as lattices (lattice.ts); the rest of its items
// → boxes → lines, page numbers dropped (lines.ts) → lines of text and tables read from where their
// text stands (tables.ts); the lattices put in among them by where they stand.
import { pageToLattices } from './lattice';
import { boxesToLines, itemsToBoxes, withoutPageNumbers } from './lines';
import { segmentsToRuledLines } from './rulings';
import { PDF_SETTINGS } from './settings';
import { linesToBlocks } from './tables';
import type { Lattice, PageLayout, PdfBlock, PdfItem, PdfPage } from './types';

export function pageToLayout(page: PdfPage): PageLayout {
  const min = PDF_SETTINGS.lattice.minLines;
  const lattices = pageToLattices(page).filter((l) => l.xs.length >= min && l.ys.length >= min && l.items.size > 0);
  const rest = lattices.length ? withoutLattices(page, lattices) : page;
  const lines = withoutPageNumbers(boxesToLines(itemsToBoxes(rest)), page.height);
  const margin = Math.min(...lines.map((l) => l.boxes[0]?.left ?? Infinity));
  const blocks: PdfBlock[] = linesToBlocks(lines, segmentsToRuledLines(rest.rules, page.height));
  for (const lattice of lattices) {
    const k = blocks.findIndex((b) => blockTop(b) > lattice.top);
    blocks.splice(k < 0 ? blocks.length : k, 0, { kind: 'lattice', lattice });
  }
  return { blocks, margin };
}

/** The page without its lattices' items, and without rules: the rest of it is read in stream mode. */
function withoutLattices(page: PdfPage, lattices: Lattice[]): PdfPage {
  const inLattice = new Set<PdfItem>();
  for (const l of lattices) for (const it of l.items) inLattice.add(it);
  return { ...page, items: page.items.filter((it) => !inLattice.has(it)), rules: [] };
}

function blockTop(b: PdfBlock): number {
  if (b.kind === 'lattice') return b.lattice.top;
  if (b.kind === 'line') return b.line.top;
  return b.rows[0]?.from ?? 0;
}
