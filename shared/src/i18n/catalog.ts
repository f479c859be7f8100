// Every sentence a user sees, in Simplified Chinese (default) and English. Placeholders are
// {name}; format() fills them. Rule titles and descriptions live here too, so the rule docs,
// the settings schema and the diagnostics speak with one voice.
import type { Localized } from '../spec/schema';

export type Lang = 'zh-CN' | 'en';

export const catalog = {
  // ---- rule titles and descriptions
  'balance.title': { zh: '收支平衡：一 + 二 = （七）总计 + 四', en: 'Balance: I + II = (7) total + IV' },
  'balance.description': { zh: '表2 每一列中，本年新收与上年结转之和必须等于本年办理结果总计与结转下年度之和（表2 角注的勾稽关系）。', en: 'In each column of table 2, new applications plus those carried over must equal the outcome total plus those carried forward (the relation stated in the corner note).' },
  'outcome-total.title': { zh: '办理结果总计：（七）= 各项之和', en: 'Outcome total: (7) = sum of outcomes' },
  'outcome-total.description': { zh: '表2 每一列中，（七）总计必须等于（一）（二）及（三）至（六）各小项之和。', en: 'In each column of table 2, (7) must equal (1) + (2) + every sub-row of (3)–(6).' },
  'row-total.title': { zh: '行合计：总计 = 六类申请人之和', en: 'Row total: total = six applicant columns' },
  'row-total.description': { zh: '表2 每一行的“总计”必须等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他之和（没有“法人或其他组织”小计列）。', en: 'In each row of table 2, the total must equal the six applicant columns (there is no organisation subtotal).' },
  'review-total.title': { zh: '复议诉讼合计：总计 = 维持 + 纠正 + 其他 + 尚未审结', en: 'Review total: total = upheld + corrected + other + pending' },
  'review-total.description': { zh: '表3 行政复议、未经复议直接起诉、复议后起诉三组，各组“总计”必须等于四项之和。', en: 'In each of the three groups of table 3, the total must equal the four results.' },
  'section-missing.title': { zh: '缺少部分', en: 'Section missing' },
  'section-missing.description': { zh: '年度报告必须包含格式规定的六个部分（第五十条）。', en: 'The report must contain the six sections of the format (article 50).' },
  'section-duplicate.title': { zh: '部分重复', en: 'Section duplicated' },
  'section-duplicate.description': { zh: '同一部分出现了两次。', en: 'The same section appears twice.' },
  'section-order.title': { zh: '部分顺序错误', en: 'Sections out of order' },
  'section-order.description': { zh: '六个部分应按一至六的顺序排列。', en: 'The six sections must appear in order.' },
  'section-numbering.title': { zh: '部分编号错误', en: 'Section misnumbered' },
  'section-numbering.description': { zh: '部分标题应以汉字编号“一、”至“六、”开头，且编号与标题内容一致。', en: 'Section headings are numbered 一、 to 六、 in Chinese numerals, matching their content.' },
  'section-title.title': { zh: '部分标题与格式不同', en: 'Section title differs from the format' },
  'section-title.description': { zh: '标题措辞与格式规定不同（仅提示，不影响识别）。', en: 'The heading words differ from the format (a hint; the section is still recognised).' },
  'heading-level.title': { zh: 'Markdown 标题级别不一致', en: 'Inconsistent Markdown heading levels' },
  'heading-level.description': { zh: '六个部分是同一级标题，Markdown 的 # 数量应一致，否则大纲层级错乱。', en: 'The six sections are siblings; their Markdown levels should be equal, or the outline nests them wrongly.' },
  'title-missing.title': { zh: '缺少报告标题', en: 'Report title missing' },
  'title-missing.description': { zh: '第一部分之前应有“机关名称 + 年度 + 政府信息公开工作年度报告”标题。', en: 'A title (agency + year + 政府信息公开工作年度报告) should precede section 一.' },
  'year-unknown.title': { zh: '无法确定报告年度', en: 'Report year unknown' },
  'year-unknown.description': { zh: '标题中没有年度，无法判断应使用的格式。', en: 'No year in the title, so the expected format cannot be decided.' },
  'table-missing.title': { zh: '缺少表格', en: 'Table missing' },
  'table-missing.description': { zh: '第二、三、四部分分别应含表1、表2、表3。', en: 'Sections 二, 三 and 四 must contain tables 1, 2 and 3.' },
  'row-missing.title': { zh: '缺少表格行', en: 'Table row missing' },
  'row-missing.description': { zh: '表格缺少格式规定的行（或第二十条的项）。', en: 'A row (or article-20 item) required by the format is missing.' },
  'row-duplicate.title': { zh: '表格行重复', en: 'Table row duplicated' },
  'row-duplicate.description': { zh: '同一行在表格中出现了两次，只按第一次计算。', en: 'A row appears twice; only the first is used.' },
  'column-missing.title': { zh: '缺少表格列', en: 'Table column missing' },
  'column-missing.description': { zh: '表头缺少格式规定的列。', en: 'The header lacks a column required by the format.' },
  'blank-value.title': { zh: '空白单元格', en: 'Blank cell' },
  'blank-value.description': { zh: '空白不等于 0：没有发生的事项应填 0。', en: 'A blank is not 0: write 0 where nothing happened.' },
  'invalid-number.title': { zh: '数值无效', en: 'Invalid number' },
  'invalid-number.description': { zh: '件数应为非负整数；“本年增/减”可以为负；金额可以有小数。', en: 'Counts are non-negative integers; 本年增/减 may be negative; amounts may have decimals.' },
  'placeholder-value.title': { zh: '用符号代替数字', en: 'Placeholder instead of a number' },
  'placeholder-value.description': { zh: '“—”“/”“无”等不是数字，无法参与勾稽校验；没有发生的事项应填 0。', en: 'Dashes, slashes and 无 are not numbers and cannot be checked; write 0.' },
  'number-format.title': { zh: '数字书写不规范', en: 'Non-standard number' },
  'number-format.description': { zh: '全角数字、千位分隔符或单位：能读出数值，但建议改为半角阿拉伯数字。', en: 'Full-width digits, thousands separators or units: readable, but plain ASCII digits are preferred.' },
  'short-row.title': { zh: '行中数值不足', en: 'Row has too few values' },
  'short-row.description': { zh: '某行数值少于列数，解析器按顺序对应前几列，其余视为空白。', en: 'A row has fewer values than columns; they were read in order and the rest treated as blank.' },
  'extra-cells.title': { zh: '行中数值过多', en: 'Row has too many values' },
  'extra-cells.description': { zh: '某行数值多于列数，多出的数值未计入。', en: 'A row has more values than columns; the extra values were ignored.' },
  'flattened-row.title': { zh: '数字连在一起', en: 'Flattened row' },
  'flattened-row.description': { zh: '一行的数字连成一串（网页复制常见）。只有唯一拆分满足勾稽关系时才按此读取，并提示。', en: 'The values of a row ran together (a web copy). Read only when exactly one split satisfies the identities, and said so.' },
  'unknown-header.title': { zh: '无法识别的表头', en: 'Unknown header' },
  'unknown-header.description': { zh: '表头文字不是格式规定的列名，可能是笔误。', en: 'A header is not a column name of the format; likely a typo.' },
  'unknown-row-label.title': { zh: '无法识别的行标签', en: 'Unknown row label' },
  'unknown-row-label.description': { zh: '带数值的行标签不是格式规定的行，可能是笔误；该行数值未计入。', en: 'A labelled row with values matches no row of the format; likely a typo. Its values were not used.' },
  'outdated-format.title': { zh: '使用了过时的 2019 年格式', en: 'Outdated 2019 format' },
  'outdated-format.description': { zh: '2021 年及以后的年度报告应使用国办公开办函〔2021〕30号格式。', en: 'Reports on 2021 and later must use the 2021 format.' },
  'mixed-format.title': { zh: '混用 2019 与 2021 年格式', en: 'Mixed 2019 and 2021 formats' },
  'mixed-format.description': { zh: '表格中同时出现两种格式的特征。', en: 'The tables show features of both formats.' },

  'text-table.title': { zh: '正文与表格不一致', en: 'Narrative contradicts the tables' },
  'text-table.description': { zh: '正文引用的件数（新收、上年结转、办结、结转、予以公开、复议、诉讼）应与表2、表3 一致。', en: 'Figures quoted in the narrative (received, carried over, closed, carried forward, disclosed, reconsideration, litigation) must agree with tables 2 and 3.' },

  'carry-over.title': { zh: '跨年度结转不一致', en: 'Carry-over differs from last year' },
  'carry-over.description': { zh: '本年“二、上年结转政府信息公开申请数量”应等于同一机关上年报告的“四、结转下年度继续办理”（逐列）。需要同时检查两个年度的报告。', en: "This year's row II must equal row IV of the same agency's report for the year before, column by column. Needs both reports." },
  'stock.title': { zh: '现行有效件数与上年不衔接', en: 'Documents in force do not follow from last year' },
  'stock.description': { zh: '表1 第（一）项：现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数（2021 年格式）。机关清理后重新计数时常不成立，故仅提示。', en: 'Table 1 item (1): in force = last year in force + issued − repealed (2021 format). Agencies re-base after clean-ups, so this is only a hint.' },

  // ---- messages
  'msg.rowTotal.wrong': { zh: '“{row}”行：总计为 {actual}，六类申请人之和为 {expected}（{formula}）', en: 'Row "{row}": total is {actual}, but the six applicant columns sum to {expected} ({formula})' },
  'msg.rowTotal.blank': { zh: '“{row}”行：总计为空，应为 {expected}（{formula}）', en: 'Row "{row}": total is blank; it should be {expected} ({formula})' },
  'msg.outcomeTotal.wrong': { zh: '“{column}”列：（七）总计为 {actual}，各项办理结果之和为 {expected}', en: 'Column "{column}": (7) total is {actual}, but the outcomes sum to {expected}' },
  'msg.outcomeTotal.blank': { zh: '“{column}”列：（七）总计为空，应为 {expected}', en: 'Column "{column}": (7) total is blank; it should be {expected}' },
  'msg.balance.wrong': { zh: '“{column}”列不平衡：一 + 二 = {new} + {carried} = {lhs}，（七）+ 四 = {total} + {carryOver} = {rhs}', en: 'Column "{column}" does not balance: I + II = {new} + {carried} = {lhs}, (7) + IV = {total} + {carryOver} = {rhs}' },
  'msg.balance.fill': { zh: '“{column}”列：“{row}”为空；按一 + 二 = （七）+ 四，应为 {expected}', en: 'Column "{column}": "{row}" is blank; by I + II = (7) + IV it should be {expected}' },
  'msg.reviewTotal.wrong': { zh: '表3“{group}”：总计为 {actual}，四项之和为 {expected}（{formula}）', en: 'Table 3 "{group}": total is {actual}, but the four results sum to {expected} ({formula})' },
  'msg.reviewTotal.blank': { zh: '表3“{group}”：总计为空，应为 {expected}（{formula}）', en: 'Table 3 "{group}": total is blank; it should be {expected} ({formula})' },
  'msg.fix.setTotal': { zh: '将总计改为 {value}', en: 'Change the total to {value}' },
  'msg.fix.fill': { zh: '填入 {value}', en: 'Fill in {value}' },
  'msg.related.cell': { zh: '{label} = {value}', en: '{label} = {value}' },
  'msg.section.missing': { zh: '缺少第{numeral}部分“{title}”', en: 'Section {numeral} "{titleEn}" ({title}) is missing' },
  'msg.section.duplicate': { zh: '第{numeral}部分“{title}”重复出现', en: 'Section {numeral} "{titleEn}" appears again' },
  'msg.section.order': { zh: '第{numeral}部分“{title}”位于第{prevNumeral}部分之后，顺序错误', en: 'Section {numeral} "{titleEn}" comes after section {prevNumeral}' },
  'msg.section.numbering': { zh: '标题编号“{written}”应为“{numeral}、”', en: 'Heading number "{written}" should be "{numeral}、"' },
  'msg.section.title': { zh: '标题“{title}”与格式规定的“{canonical}”不同', en: 'Heading "{title}" differs from the format\'s "{canonical}"' },
  'msg.fix.numbering': { zh: '将编号改为“{numeral}、”', en: 'Renumber as "{numeral}、"' },
  'msg.headingLevel': { zh: '第{numeral}部分的 Markdown 标题级别为 {level}（{hashes}），第一部分为 {expected}', en: 'Section {numeral} is a level-{level} Markdown heading; section 一 is level {expected}' },
  'msg.fix.headingLevel': { zh: '改为 {hashes}', en: 'Change to {hashes}' },
  'msg.titleMissing': { zh: '第一部分之前没有找到报告标题（机关名称 + 年度 + 政府信息公开工作年度报告）', en: 'No report title (agency + year + 政府信息公开工作年度报告) before section 一' },
  'msg.yearUnknown': { zh: '无法从标题确定报告年度，未能核对应使用的格式', en: 'The report year could not be read from the title; the format could not be checked against it' },
  'msg.tableMissing': { zh: '缺少表{number}“{title}”', en: 'Table {number} "{titleEn}" is missing' },
  'msg.rowMissing.table2': { zh: '表2 缺少“{row}”行', en: 'Table 2 lacks the row "{row}"' },
  'msg.rowMissing.table1': { zh: '表1 第二十条第（{item}）项缺少“{row}”行', en: 'Table 1, article 20 item ({itemNo}), lacks the row "{row}"' },
  'msg.itemMissing': { zh: '表1 缺少第二十条第（{item}）项', en: 'Table 1 lacks article 20 item ({itemNo})' },
  'msg.rowMissing.table3': { zh: '表3 没有数据行（应有 15 个数值）', en: 'Table 3 has no data row (15 values expected)' },
  'msg.rowDuplicate': { zh: '“{row}”行重复出现，只按第一次计算', en: 'Row "{row}" appears again; only the first is used' },
  'msg.columnMissing': { zh: '{table}表头缺少“{column}”列', en: '{tableEn} header lacks the column "{column}"' },
  'msg.blank': { zh: '“{row}”行“{column}”为空：空白不等于 0，没有发生请填 0', en: 'Row "{row}", column "{column}" is blank: a blank is not 0; write 0 if nothing happened' },
  'msg.invalid.negative': { zh: '“{raw}”无效：“{column}”是件数，不能为负数', en: '"{raw}" is invalid: "{column}" is a count and cannot be negative' },
  'msg.invalid.fraction': { zh: '“{raw}”无效：“{column}”是件数，应为整数', en: '"{raw}" is invalid: "{column}" is a count and must be a whole number' },
  'msg.invalid.tooLarge': { zh: '“{raw}”过大，不是可信的件数（“{row}”行“{column}”）', en: '"{raw}" is too large to be a real count (row "{row}", column "{column}")' },
  'msg.invalid.text': { zh: '“{raw}”不是数字（“{row}”行“{column}”）', en: '"{raw}" is not a number (row "{row}", column "{column}")' },
  'msg.placeholder': { zh: '“{raw}”不是数字，无法校验（“{row}”行“{column}”）；没有发生请填 0', en: '"{raw}" is not a number and cannot be checked (row "{row}", column "{column}"); write 0 if nothing happened' },
  'msg.numberFormat': { zh: '“{raw}”应写作 {canonical}（{what}）', en: '"{raw}" should be written {canonical} ({whatEn})' },
  'msg.fix.numberFormat': { zh: '改为 {canonical}', en: 'Change to {canonical}' },
  'msg.shortRow': { zh: '“{row}”行只有 {count} 个数值（应为 {expected} 个），已按顺序对应前 {count} 列，其余视为空白', en: 'Row "{row}" has {count} values ({expected} expected); they were read as the first {count} columns and the rest taken as blank' },
  'msg.extraCells': { zh: '“{row}”行有 {count} 个数值，多于 {expected} 列；多出的 {extra} 未计入', en: 'Row "{row}" has {count} values, more than its {expected} columns; the extra {extra} was ignored' },
  'msg.flattened.unique': { zh: '“{row}”行的数字连在一起（{digits}）；唯一满足勾稽关系的拆分是 {split}，已按此读取，请核对', en: 'Row "{row}": the values ran together ({digits}); the only split that satisfies the identities is {split}, read as such; please verify' },
  'msg.flattened.ambiguous': { zh: '“{row}”行的数字连在一起（{digits}），无法唯一拆分（{count} 种拆分都满足勾稽关系），该行未计入校验', en: 'Row "{row}": the values ran together ({digits}) and cannot be split unambiguously ({count} splits satisfy the identities); the row was not checked' },
  'msg.flattened.none': { zh: '“{row}”行的数字连在一起（{digits}），没有满足勾稽关系的拆分，该行未计入校验', en: 'Row "{row}": the values ran together ({digits}) and no split satisfies the identities; the row was not checked' },
  'msg.fix.split': { zh: '拆分为 {split}', en: 'Split into {split}' },
  'msg.unknownHeader': { zh: '无法识别的表头“{text}”，可能是“{suggestion}”', en: 'Unknown header "{text}"; did you mean "{suggestion}"?' },
  'msg.unknownHeader.noSuggestion': { zh: '无法识别的表头“{text}”', en: 'Unknown header "{text}"' },
  'msg.fix.replaceWith': { zh: '改为“{suggestion}”', en: 'Replace with "{suggestion}"' },
  'msg.unknownRow': { zh: '无法识别的行标签“{text}”，可能是“{suggestion}”；该行数值未计入', en: 'Unknown row label "{text}"; did you mean "{suggestion}"? Its values were not used' },
  'msg.unknownRow.noSuggestion': { zh: '无法识别的行标签“{text}”；该行数值未计入', en: 'Unknown row label "{text}"; its values were not used' },
  'msg.outdatedFormat': { zh: '{year} 年度报告使用了 2019 年格式（{evidence}）；2021 年起应使用{document}', en: 'The {year} report uses the 2019 format ({evidenceEn}); reports on 2021 and later use the 2021 format' },
  'msg.mixedFormat': { zh: '表格混用两种格式：{evidence2019}（2019 年格式）与 {evidence2021}（2021 年格式）', en: 'The tables mix formats: {evidence2019En} (2019) and {evidence2021En} (2021)' },
  'msg.carryOver': { zh: '“{column}”列：本年“二、上年结转”为 {actual}，但 {year} 年报告“四、结转下年度继续办理”为 {expected}', en: 'Column "{column}": this year\'s row II is {actual}, but row IV of the {year} report is {expected}' },
  'msg.stock': { zh: '“{row}”现行有效件数为 {actual}；按上年 {previous} + 本年制发 {issued} − 本年废止 {repealed}，应为 {expected}', en: '"{row}": {actual} in force; last year\'s {previous} + {issued} issued − {repealed} repealed gives {expected}' },
  'msg.textTable': { zh: '正文说“{quote}”，但{what}为 {table}', en: 'The text says "{quote}", but {whatEn} is {table}' },

  // ---- hovers
  'hover.noArticle': { zh: '_条例没有专门条款。_', en: '_No article of the Regulations names it._' },
  'hover.noSuchItem': { zh: '（条例第二十条没有此项）', en: '(article 20 has no such item)' },
  'hover.article20': { zh: '_《政府信息公开条例》第二十条：行政机关应当主动公开本行政机关的下列政府信息。_', en: '_Article 20 of the Regulations: information every agency must disclose proactively._' },
  'hover.itemCounts': { zh: '表1（{format} 年格式）统计本项的：', en: 'Table 1 ({format} format) counts, for this item:' },
  'hover.itemNotCounted': { zh: '表1（{format} 年格式）不统计本项。', en: 'Table 1 ({format} format) does not count this item.' },
  'hover.columns': { zh: '列：', en: 'Columns:' },
  'hover.blank': { zh: '⚠ 空白：空白不等于 0。', en: '⚠ Blank: a blank is not 0.' },
  'hover.cannotVerify': { zh: '（有空白或无效单元格，无法核对）', en: ' (blank or invalid cells: cannot verify)' },
  'hover.mismatch': { zh: '✗（表中为 {actual}）', en: '✗ (the table says {actual})' },
  'hover.mismatchBlank': { zh: '✗（表中为空白）', en: '✗ (the table has a blank)' },
  'hover.rowTotal': { zh: '本行总计 = 六类申请人之和：', en: 'Row total = the six applicant columns: ' },
  'hover.outcomeTotal': { zh: '（七）总计 = 各项办理结果之和：', en: '(7) = sum of outcomes: ' },
  'hover.reviewTotal': { zh: '总计 = 维持 + 纠正 + 其他 + 尚未审结：', en: 'Total = upheld + corrected + other + pending: ' },
  'hover.basis': { zh: '**依据**', en: '**Basis**' },
  'hover.balance': { zh: '勾稽关系：一 + 二 = （七）总计 + 四。', en: 'Identity: I + II = (7) + IV.' },
} satisfies Record<string, Localized>;

export type MessageId = keyof typeof catalog;
export type Params = Record<string, string | number>;

/** Fills a message in both languages. A param named x is used in zh; xEn (if given) in en. */
export function message(id: MessageId, params: Params = {}): Localized {
  const entry: Localized = catalog[id];
  return { zh: fill(entry.zh, params, 'zh'), en: fill(entry.en, params, 'en') };
}

function fill(template: string, params: Params, lang: 'zh' | 'en'): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const en = lang === 'en' ? params[key + 'En'] : undefined;
    const v = en ?? params[key];
    return v === undefined ? `{${key}}` : String(v);
  });
}

export function pick(text: Localized, lang: Lang): string {
  return lang === 'en' ? text.en : text.zh;
}
