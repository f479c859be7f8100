// The same figures in every layout that keeps cell boundaries give the same model and the same
// arithmetic findings; flattened rows are reported, and read only where exactly one split fits.
// Mutation: changing any single numeric cell of a consistent 表2 or 表3 is caught, in each layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LAYOUTS_WITH_CELLS, realisticFigures, render, type Figures } from '../helpers/render';
import { ARITHMETIC, dataRows, fixture, run, sampleFigures } from '../helpers/util';
import { parse } from '../../shared/src/index';

function arithmeticSignature(text: string, html: boolean): string[] {
  const { model, findings } = run(text, html);
  return findings.filter((f) => ARITHMETIC.includes(f.ruleId)).map((f) => `${f.ruleId} ${f.expected} ${f.actual} ${f.message.zh}`).concat(dataRows(model).length ? [] : ['no rows']);
}


const figureSets: Array<[string, Figures]> = [['realistic', realisticFigures()], ['sample', sampleFigures()]];

for (const [name, figures] of figureSets) {
  test(`${name}: every cell-keeping layout gives the same model and no finding`, () => {
    const reference = dataRows(run(render(figures, 'tab')).model);
    assert.equal(reference.length, 6 + 25 + 1);
    for (const layout of LAYOUTS_WITH_CELLS) {
      const { model, findings } = run(render(figures, layout), layout === 'html');
      assert.deepEqual(dataRows(model), reference, layout);
      assert.deepEqual(model.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6], layout);
      assert.deepEqual(findings.map((f) => `${f.ruleId}: ${f.message.zh}`), [], layout);
    }
  });
}

test('flattened layout: every row whose split is not forced by its digits is reported (the rows split by the identities once per table); unique splits are read and agree with the tab model', () => {
  const figures = realisticFigures();
  const { model, findings } = run(render(figures, 'flattened'));
  const reference = new Map(dataRows(run(render(figures, 'tab')).model).map((r) => [r.split(':')[0], r]));
  const flattened = findings.filter((f) => f.ruleId === 'flattened-row');
  const rows = Object.values(model.tables).flatMap((t) => t!.rows.filter((r) => r.flattened));
  const said = new Set(flattened.flatMap((f) => [f.range.start, ...f.related.map((r) => r.range.start)]));
  const unsaid = rows.filter((r) => !said.has(r.flattened!.range.start));
  assert.ok(unsaid.length > 0 && unsaid.every((r) => r.flattened!.forced && r.cells.every((c) => !c.read)), 'only a forced split goes unsaid, and it is read as sure');
  assert.ok(rows.some((r) => !r.flattened!.forced && r.flattened!.candidates.length === 1 && r.cells.every((c) => c.read === 'inferred')), 'a split the identities chose is inferred');
  const chosen = flattened.filter((f) => f.message.zh.includes('每行只有一种拆分'));
  assert.ok(chosen.length <= Object.keys(model.tables).length, 'rows split by the identities: one finding per table');
  for (const row of rows) {
    const tableId = Object.values(model.tables).find((t) => t!.rows.includes(row))!.id;
    const line = `${tableId}/${row.rowId}: ${row.cells.map((c) => (c.value.kind === 'number' ? c.value.value : c.value.kind)).join(' ')}`;
    if (row.flattened!.candidates.length === 1) assert.equal(line, reference.get(`${tableId}/${row.rowId}`));
    else assert.ok(row.cells.every((c) => c.value.kind === 'invalid'), 'an ambiguous row is not guessed');
  }
  // 171000018 fits its row total two ways (17|1|…|18 and 1|7|10|…|18); the column totals (I2) keep one.
  const process = model.tables.table2?.rows.find((r) => r.rowId === 'refused.process');
  assert.deepEqual(process?.cells.map((c) => (c.value.kind === 'number' ? c.value.value : null)), [17, 1, 0, 0, 0, 0, 18]);
  // docs/format.md's example: 713000074 = 71|3|0|0|0|0|74.
  const one = run('三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 713000074\n');
  assert.deepEqual(one.model.tables.table2?.rows[0]?.cells.map((c) => (c.value.kind === 'number' ? c.value.value : null)), [71, 3, 0, 0, 0, 0, 74]);
  const glued = run('三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量713000074\n');
  assert.deepEqual(glued.model.tables.table2?.rows[0]?.cells.map((c) => (c.value.kind === 'number' ? c.value.value : null)), [71, 3, 0, 0, 0, 0, 74]);
});

function mutateAll(figures: Figures, visit: (mutated: Figures, where: string) => void): void {
  for (const [rowId, values] of Object.entries(figures.table2)) {
    values.forEach((_, k) => {
      const m: Figures = structuredClone(figures);
      m.table2[rowId]![k] = values[k]! + 1;
      visit(m, `table2 ${rowId}[${k}]`);
    });
  }
  figures.table3.forEach((v, k) => {
    const m: Figures = structuredClone(figures);
    m.table3[k] = v + 1;
    visit(m, `table3[${k}]`);
  });
}

for (const [name, figures] of figureSets) {
  for (const layout of LAYOUTS_WITH_CELLS) {
    test(`mutation (${name}, ${layout}): every single changed cell of 表2 and 表3 is caught`, () => {
      let count = 0;
      mutateAll(figures, (mutated, where) => {
        count++;
        const sig = arithmeticSignature(render(mutated, layout), layout === 'html');
        assert.ok(sig.length > 0, `${where} changed, nothing caught in ${layout}`);
      });
      assert.equal(count, 25 * 7 + 15);
    });
  }
  test(`mutation (${name}): the arithmetic findings are identical in every layout`, () => {
    mutateAll(figures, (mutated, where) => {
      const reference = arithmeticSignature(render(mutated, 'tab'), false);
      for (const layout of LAYOUTS_WITH_CELLS) assert.deepEqual(arithmeticSignature(render(mutated, layout), layout === 'html'), reference, `${where} in ${layout}`);
    });
  });
}

/** The row's seven value cells rewritten: '' for a blank cell. */
function setRowCells(text: string, layout: 'tab' | 'markdown' | 'cellPerLine' | 'html', label: string, cells: string[]): string {
  const lines = text.split('\n');
  const k = lines.findIndex((l) => l.includes(label));
  assert.ok(k >= 0, label);
  if (layout === 'html') {
    // As web pages write a blank cell: <td>&nbsp;</td>.
    const tds = lines[k]!.split('<td');
    tds.splice(tds.length - 7, 7, ...cells.map((c, j) => `>${c || '&nbsp;'}</td>${j === 6 ? '</tr>' : ''}`));
    lines[k] = tds.join('<td');
  } else if (layout === 'tab') {
    const parts = lines[k]!.split('\t');
    parts.splice(parts.length - 7, 7, ...cells);
    lines[k] = parts.join('\t');
  } else if (layout === 'markdown') {
    const parts = lines[k]!.split('|');
    parts.splice(parts.length - 8, 7, ...cells.map((c) => ` ${c} `));
    lines[k] = parts.join('|');
  } else {
    // The row's block: its label cells, then its seven values, up to the empty line.
    let end = k;
    while (end + 1 < lines.length && lines[end + 1] !== '') end++;
    for (let j = 0; j < 7; j++) lines[end - 6 + j] = `\t${cells[j]}`;
  }
  return lines.join('\n');
}

test('one figure in any column of an otherwise empty row is read in that column, in every layout that keeps cells (text, Markdown, cell per line, HTML, Word, PDF with and without rules)', async () => {
  const { renderDocx } = await import('../helpers/docx');
  const { readDocx } = await import('../../shared/src/index');
  const { renderPdf } = await import('../helpers/pdf');
  const { rebuildPdf } = await import('../../shared/src/readers/pdf');
  const { readPdfPages } = await import('../../server/src/pdf');
  const label = '3.危及“三安全一稳定”';
  for (let column = 0; column < 7; column++) {
    const cells = Array<string>(7).fill('');
    cells[column] = '7';
    const expected = cells.map((c) => (c === '' ? 'blank' : 7));
    for (const layout of ['tab', 'markdown', 'cellPerLine', 'html'] as const) {
      const text = setRowCells(render(realisticFigures(), layout), layout, label, cells);
      const row = parse(text, { html: layout === 'html' }).tables.table2!.rows.find((r) => r.rowId === 'refused.security')!;
      assert.deepEqual(row.cells.map((c) => (c.value.kind === 'number' ? c.value.value : c.value.kind)), expected, `${layout}, column ${column}`);
    }
    const f = realisticFigures();
    f.table2['refused.security']![column] = 7;
    const docx = readDocx(await renderDocx(f, { blank: [0, 1, 2, 3, 4, 5, 6].filter((k) => k !== column).map((k) => `table2:refused.security:${k}`) }));
    assert.ok(docx.ok);
    const row = parse(docx.report.markdown).tables.table2!.rows.find((r) => r.rowId === 'refused.security')!;
    assert.deepEqual(row.cells.map((c) => (c.value.kind === 'number' ? c.value.value : c.value.kind)), expected, `docx, column ${column}`);
    for (const style of ['ruled', 'borderless'] as const) {
      const pages = await readPdfPages(renderPdf(f, style, { blank: [0, 1, 2, 3, 4, 5, 6].filter((k) => k !== column).map((k) => `table2:refused.security:${k}`) }));
      assert.ok(pages.ok);
      const rebuilt = rebuildPdf(pages.pages);
      assert.ok(rebuilt.ok);
      const pdfRow = parse(rebuilt.report.markdown).tables.table2!.rows.find((r) => r.rowId === 'refused.security')!;
      assert.deepEqual(pdfRow.cells.map((c) => (c.value.kind === 'number' ? c.value.value : c.value.kind)), expected, `PDF ${style}, column ${column}`);
    }
  }
});

for (const [name, figures] of figureSets) {
  test(`crawler text (${name}): metadata lines, then the whole body on one line with every cell glued: the sections and tables are found, each row whose split is unique reads as the tab text, the others are said once and not checked`, () => {
    const { model, findings } = run(render(figures, 'crawler'));
    assert.deepEqual(model.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
    assert.equal(model.title?.text.includes('政府信息公开工作年度报告'), true);
    const reference = new Map(dataRows(run(render(figures, 'tab')).model).map((r) => [r.split(':')[0], r]));
    const read = dataRows(model);
    assert.equal(read.length, reference.size);
    const unread = Object.values(model.tables).flatMap((t) => t!.rows.filter((r) => r.flattened && r.flattened.candidates.length !== 1).map((r) => `${t!.id}/${r.rowId}`));
    for (const row of read) {
      const key = row.split(':')[0]!;
      if (unread.includes(key)) assert.match(row, /^[^:]+:( invalid)+$/, `${key} is not guessed`);
      else assert.equal(row, reference.get(key));
    }
    // Most rows are read; the unread ones are named by one finding per table, and nothing else is said.
    assert.ok(unread.length <= 3, unread.join(', '));
    assert.deepEqual(findings.filter((f) => f.ruleId !== 'lost-line-breaks' && f.ruleId !== 'flattened-row').map((f) => f.ruleId), []);
    assert.ok(findings.filter((f) => f.ruleId === 'flattened-row').length <= 3);
  });

  test(`mutation (${name}, crawler text): a changed figure is caught, or its row is said to be unreadable and left out of the arithmetic; never read silently`, () => {
    let count = 0;
    mutateAll(figures, (mutated, where) => {
      count++;
      const { model, findings } = run(render(mutated, 'crawler'));
      if (findings.some((f) => ARITHMETIC.includes(f.ruleId))) return;
      // Glued digits with a changed figure no longer split one way under the identities: the row is
      // not read (a guessed split is never checked), and the finding names it.
      const [, tableId, rowId] = /^(table[23]) ?([^[]*)\[/.exec(where)!;
      const row = model.tables[tableId as 'table2' | 'table3']!.rows.find((r) => (tableId === 'table3' ? true : r.rowId === rowId))!;
      assert.ok(row.flattened && row.flattened.candidates.length !== 1, `${where}: read silently`);
      assert.ok(row.cells.every((c) => c.value.kind === 'invalid'), `${where}: guessed`);
      assert.ok(findings.some((f) => f.ruleId === 'flattened-row' && f.message.zh.includes(row.label.trim() || '表3')), `${where}: not said`);
    });
    assert.equal(count, 25 * 7 + 15);
  });
}

test('a row with fewer figures than columns (a blank cell left no trace in PDF text or in collapsed crawler text): its figures are not placed for the arithmetic; one short-row finding, no arithmetic finding, no fix', () => {
  const text = render(realisticFigures(), 'pdf');
  const line = text.split('\n').find((l) => l.includes('1.本机关不掌握相关政府信息'))!;
  // The first figure gone: read in order, every figure would stand one column to the left.
  const figures = line.split(' ').filter((c) => /^\d+$/.test(c));
  const short = text.replace(line, line.replace(` ${figures[0]} `, ' '));
  assert.notEqual(short, text);
  const { model, findings } = run(short);
  const row = model.tables.table2!.rows.find((r) => r.rowId === 'unable.notHeld')!;
  assert.ok(row.padded > 0 && row.cells.filter((c) => c.value.kind === 'number').every((c) => c.guessed));
  assert.deepEqual(findings.map((f) => f.ruleId), ['short-row']);
  assert.ok(findings.every((f) => !f.fix));
});

test('PDF text whose spaces fall inside cells ("0" and the next figure printed as "05"): split like glued digits, the spaces kept as boundaries; one fitting split is read and said, two read nothing, with one finding and no arithmetic finding; a short row without such a piece stays short', () => {
  const figures = sampleFigures();
  const text = render(figures, 'pdf');
  const reference = dataRows(run(render(figures, 'tab')).model);
  // Every 表2 row with a 0 followed by another cell: that 0 printed against the next figure.
  let changed = 0;
  let spaced = text;
  for (const values of Object.values(figures.table2)) {
    const k = values.findIndex((v, j) => v === 0 && j < values.length - 1);
    if (k < 0) continue;
    const pieces = values.map(String);
    pieces.splice(k, 2, `0${values[k + 1]}`);
    const line = spaced.split('\n').find((l) => l.endsWith(` ${values.join(' ')}`) && !l.startsWith(' '));
    if (!line) continue;
    spaced = spaced.replace(line, line.slice(0, line.length - values.join(' ').length) + pieces.join(' '));
    changed++;
  }
  assert.ok(changed >= 10, `${changed} rows changed`);
  const { model, findings } = run(spaced);
  assert.deepEqual(dataRows(model), reference);
  assert.deepEqual(findings.filter((f) => ARITHMETIC.includes(f.ruleId) || f.ruleId === 'short-row'), []);
  // "05" can only be 0|5 (no count is written with a leading 0): each such row has one split
  // whatever the identities say, so it is read as written, with nothing to say.
  const spacedRows = model.tables.table2!.rows.filter((r) => r.flattened);
  assert.equal(spacedRows.length, changed);
  assert.ok(spacedRows.every((r) => r.flattened!.forced && r.cells.every((c) => !c.read)));
  assert.deepEqual(findings.filter((f) => f.ruleId === 'flattened-row'), []);
  // Where the identities choose (713000074 is 71|3|0|0|0|0|74 by the row total), the rows are
  // inferred, and said once for the table.
  const chosen = run('三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 713000074\n（七）总计 713000074\n');
  const chosenRows = chosen.model.tables.table2!.rows.filter((r) => r.flattened?.candidates.length === 1 && !r.flattened.forced);
  assert.equal(chosenRows.length, 2);
  assert.ok(chosenRows.every((r) => r.cells.every((c) => c.read === 'inferred')));
  const once = chosen.findings.filter((f) => f.ruleId === 'flattened-row');
  assert.equal(once.length, 1);
  assert.ok(once[0]!.message.zh.startsWith('表2有 2 行') && once[0]!.severity === 'warning', once[0]!.message.zh);
  assert.ok(once[0]!.related.every((r) => r.message.zh.includes('唯一满足勾稽关系的拆分是 71 | 3 | 0 | 0 | 0 | 0 | 74')));
  // Two splits satisfy the row's total: the row is not read.
  const two = run('三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 10 019 110 343\n');
  const row = two.model.tables.table2!.rows[0]!;
  assert.equal(row.flattened?.candidates.length, 2);
  assert.ok(row.cells.every((c) => c.value.kind !== 'number'));
  assert.deepEqual(two.findings.filter((f) => ARITHMETIC.includes(f.ruleId)), []);
  assert.equal(two.findings.filter((f) => f.ruleId === 'flattened-row').length, 1);
  // No piece a count is not written as: blank cells that left no trace (short-row), not split.
  const short = run('三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 100 0 0 0 1\n');
  assert.equal(short.model.tables.table2!.rows[0]!.flattened, undefined);
  assert.equal(short.findings.filter((f) => f.ruleId === 'short-row').length, 1);
});

test('Markdown emphasis in cells and lines (a converter\'s **bold** labels, item markers and figures) and "<br>" in a header word: read as the words and figures they mark, each figure\'s range the figure', () => {
  const original = fixture('corpus', 'shuyang-2025.md');
  const marked = original
    .replace(/^### (第二十条第（.）项)$/gm, '**$1**')
    .replace(/^\| (（七）总计|规章|一、本年新收政府信息公开申请数量) \|/gm, '| **$1** |')
    .replace('| （一）予以公开 |', '| （一）**予以公开** |')
    .replace(/^(\| 四、结转下年度继续办理(?: \| [^|]+){6}) \| (\d+) \|$/m, '$1 | **$2** |');
  assert.notEqual(marked, original);
  assert.ok(marked.includes('**第二十条第（一）项**') && marked.includes('| **（七）总计** |') && marked.includes('| **规章** |') && /\| \*\*\d+\*\* \|$/m.test(marked));
  const a = run(original);
  const b = run(marked);
  assert.deepEqual(dataRows(b.model), dataRows(a.model));
  assert.deepEqual(b.findings.map((f) => `${f.ruleId} ${f.message.zh}`), a.findings.map((f) => `${f.ruleId} ${f.message.zh}`));
  const bold = b.model.tables.table2!.rows.find((r) => r.rowId === 'carryOver')!.cells.at(-1)!;
  assert.equal(marked.slice(bold.range.start, bold.range.end), bold.raw);
  // A header word written over two lines with <br>.
  const withBr = original.replace('| 法律服务机构 |', '| 法律服务<br>机构 |');
  assert.notEqual(withBr, original);
  assert.deepEqual(run(withBr).findings.map((f) => f.ruleId), a.findings.map((f) => f.ruleId));
});

test('glued digits after a numbered label with a comma in it (brackets lost, or "，" for "、") are that row\'s; a sentence ending in a figure is narrative, not a row', () => {
  const clean = fixture('rules', 'clean-2023.txt');
  const glued = clean
    .replace('\t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t2\t0\t0\t0\t0\t0\t2', '\t（二）部分公开区分处理的，只计这一情形，不计其他情形2000002');
  assert.notEqual(glued, clean);
  const a = run(clean);
  const b = run(glued);
  assert.deepEqual(dataRows(b.model), dataRows(a.model));
  assert.deepEqual(b.findings.filter((f) => f.ruleId !== 'flattened-row' && f.ruleId !== 'lost-line-breaks').map((f) => f.ruleId), a.findings.map((f) => f.ruleId));
  // A narrative line before 表2 that ends in a figure: not the 上年结转 row.
  const narrative = clean.replace('三、收到和处理政府信息公开申请情况\n', '三、收到和处理政府信息公开申请情况\n全年新收申请15件，上年结转1件，结转下年度继续办理103\n');
  assert.notEqual(narrative, clean);
  const n = run(narrative);
  assert.deepEqual(dataRows(n.model), dataRows(a.model));
  assert.deepEqual(n.findings.filter((f) => f.ruleId === 'row-duplicate' || f.ruleId === 'flattened-row'), []);
});
