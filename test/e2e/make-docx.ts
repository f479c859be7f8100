// Writes a Word report for the e2e workspace (run by test/e2e/run.mjs with tsx): the realistic
// figures with one mistyped 总计, so the rebuilt report has a finding in a known table cell.
import { writeFileSync } from 'node:fs';
import { renderDocx } from '../helpers/docx';
import { realisticFigures } from '../helpers/render';

const figures = realisticFigures();
figures.table2.granted![6] = 1775;
void renderDocx(figures).then((bytes) => writeFileSync(process.argv[2] as string, bytes));
