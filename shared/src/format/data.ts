// docs/format.md §2–§8 as data: the single source for parsing, rules, hovers and docs.
import { articles } from './articles';
import type { Basis, ColumnSpec, FormatSpec, RowSpec, Table1ItemSpec } from './schema';

const none = (zh: string, en: string): Basis => ({ articles: [], note: { zh, en } });
const art = (id: string, item?: number, sub?: string): Basis['articles'][number] =>
  item === undefined ? (sub === undefined ? { id } : { id, sub }) : sub === undefined ? { id, item } : { id, item, sub };

const count = (id: string, label: string, en: string, zh: string, enMeaning: string, aliases: string[] = []): ColumnSpec => ({
  id, label, en, aliases, kind: 'count', meaning: { zh, en: enMeaning },
});

// ---------------------------------------------------------------- 表2
const BOTH = ['2019', '2021'] as const;
const ONLY2021 = ['2021'] as const;
const ONLY2019 = ['2019'] as const;

function row(
  id: string, label: string, en: string, keys: string[], meaning: [string, string], basis: Basis,
  extra: Partial<Pick<RowSpec, 'parent' | 'group' | 'exact'>> & { formats?: readonly ('2019' | '2021')[] } = {},
): RowSpec {
  return {
    id, label, en, keys, basis,
    meaning: { zh: meaning[0], en: meaning[1] },
    exact: extra.exact ?? false,
    group: extra.group ?? false,
    formats: [...(extra.formats ?? BOTH)],
    ...(extra.parent ? { parent: extra.parent } : {}),
  };
}

const noArticle = none('本项为年度报告格式规定的统计口径，条例没有专门条款。', 'A category defined by the report format; no article of the Regulations names it.');
const art50Basis: Basis = { articles: [art('art50', 2)] };

const table2Rows: RowSpec[] = [
  row('new', '一、本年新收政府信息公开申请数量', 'I. New applications received this year', ['本年新收', '新收政府信息公开申请'],
    ['本年度新收到的政府信息公开申请件数。', 'Applications received during the year.'], art50Basis),
  row('carried', '二、上年结转政府信息公开申请数量', 'II. Applications carried over from last year', ['上年结转'],
    ['上一年度未办结、结转到本年度继续办理的申请件数；应等于上年报告“四、结转下年度继续办理”。', "Applications pending at the end of last year; should equal last year's row IV."], art50Basis),
  row('results', '三、本年度办理结果', 'III. Outcomes this year', ['本年度办理结果', '办理结果'],
    ['本年度办结申请的处理结果，按（一）至（六）分类，（七）为合计。', 'Outcomes of the applications closed this year, (1)–(6), with (7) the total.'], art50Basis, { group: true }),
  row('granted', '（一）予以公开', '(1) Disclosed', ['予以公开'],
    ['全部公开所申请信息的件数。', 'Applications answered with full disclosure.'], none('条例没有单独规定“予以公开”的条款；公开是原则（第五条），答复方式见第三十六条。', 'No single article; disclosure is the rule (art. 5), answers are governed by art. 36.'), { parent: 'results' }),
  row('partial', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '(2) Partly disclosed', ['部分公开'],
    ['作区分处理、部分公开的件数；只计这一情形，不再计入其他情形。', 'Partly disclosed after separating what may be disclosed; counted here only.'], { articles: [art('art37')] }, { parent: 'results' }),
  row('refused', '（三）不予公开', '(3) Not disclosed', ['不予公开'],
    ['依法不予公开的件数，按 1–8 细分。', 'Refusals, by reason 1–8.'], { articles: [art('art14'), art('art15'), art('art16')] }, { parent: 'results', group: true }),
  row('refused.stateSecret', '1.属于国家秘密', '3.1 State secret', ['国家秘密'],
    ['依法确定为国家秘密的政府信息。', 'Information classified as a state secret.'], { articles: [art('art14')] }, { parent: 'refused' }),
  row('refused.prohibited', '2.其他法律行政法规禁止公开', '3.2 Prohibited by other laws', ['禁止公开'],
    ['法律、行政法规禁止公开的政府信息。', 'Disclosure prohibited by laws or administrative regulations.'], { articles: [art('art14')] }, { parent: 'refused' }),
  row('refused.security', '3.危及“三安全一稳定”', '3.3 Endangers the "three securities and one stability"', ['三安全一稳定', '危及三安全'],
    ['公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息（“三安全一稳定”）。', 'Disclosure could endanger national, public or economic security or social stability.'], { articles: [art('art14')] }, { parent: 'refused' }),
  row('refused.thirdParty', '4.保护第三方合法权益', '3.4 Third-party rights', ['第三方合法权益', '第三方'],
    ['涉及商业秘密、个人隐私等，公开会损害第三方合法权益。', 'Trade secrets, privacy or other third-party rights.'], { articles: [art('art15')] }, { parent: 'refused' }),
  row('refused.internal', '5.属于三类内部事务信息', '3.5 Internal affairs (three kinds)', ['内部事务信息', '事务信息'],
    ['人事管理、后勤管理、内部工作流程三类内部事务信息。', 'Internal affairs: personnel, logistics, internal procedures.'], { articles: [art('art16')] }, { parent: 'refused' }),
  row('refused.process', '6.属于四类过程性信息', '3.6 Process information (four kinds)', ['过程性信息'],
    ['讨论记录、过程稿、磋商信函、请示报告四类过程性信息。', 'Process information: minutes, drafts, consultation letters, requests for instructions.'], { articles: [art('art16')] }, { parent: 'refused' }),
  row('refused.enforcementFile', '7.属于行政执法案卷', '3.7 Enforcement case files', ['行政执法案卷', '执法案卷'],
    ['行政执法案卷信息。', 'Administrative enforcement case files.'], { articles: [art('art16')] }, { parent: 'refused' }),
  row('refused.inquiry', '8.属于行政查询事项', '3.8 Administrative inquiry matters', ['行政查询事项', '查询事项'],
    ['应通过行政查询渠道办理的事项。', 'Matters handled through administrative inquiry channels.'], noArticle, { parent: 'refused' }),
  row('unable', '（四）无法提供', '(4) Cannot be provided', ['无法提供'],
    ['无法提供所申请信息的件数，按 1–3 细分。', 'Information cannot be provided, by reason 1–3.'], { articles: [art('art36', 4), art('art36', 5), art('art38')] }, { parent: 'results', group: true }),
  row('unable.notHeld', '1.本机关不掌握相关政府信息', '4.1 Not held by this agency', ['不掌握'],
    ['信息不存在，或不属于本机关负责公开。', 'The information does not exist or is not this agency’s to disclose.'], { articles: [art('art36', 4), art('art36', 5)] }, { parent: 'unable' }),
  row('unable.needsCreation', '2.没有现成信息需要另行制作', '4.2 Would need to be created', ['另行制作', '没有现成信息'],
    ['需要对现有信息进行加工、分析才能提供。', 'Providing it would require processing or analysing existing information.'], { articles: [art('art38')] }, { parent: 'unable' }),
  row('unable.unclear', '3.补正后申请内容仍不明确', '4.3 Still unclear after correction', ['仍不明确', '补正后申请内容'],
    ['申请人补正后，申请内容仍不明确。', 'The application remained unclear after correction.'], { articles: [art('art30')] }, { parent: 'unable' }),
  row('notProcessed', '（五）不予处理', '(5) Not processed', ['不予处理'],
    ['不作为政府信息公开申请处理的件数，按 1–5 细分。', 'Not processed as disclosure applications, by reason 1–5.'], { articles: [art('art35'), art('art36', 6), art('art39')] }, { parent: 'results', group: true }),
  row('notProcessed.petition', '1.信访举报投诉类申请', '5.1 Petitions, reports, complaints', ['信访举报投诉', '信访'],
    ['以申请形式进行信访、投诉、举报。', 'Petitions, complaints or reports filed as applications.'], { articles: [art('art39')] }, { parent: 'notProcessed' }),
  row('notProcessed.repeated', '2.重复申请', '5.2 Repeated applications', ['重复申请'],
    ['已答复后重复申请公开相同信息。', 'Repeated application for information already answered.'], { articles: [art('art36', 6)] }, { parent: 'notProcessed' }),
  row('notProcessed.publication', '3.要求提供公开出版物', '5.3 Requests for publications', ['公开出版物'],
    ['要求提供政府公报、报刊、书籍等公开出版物。', 'Requests for gazettes, periodicals, books or other publications.'], { articles: [art('art39')] }, { parent: 'notProcessed' }),
  row('notProcessed.excessive', '4.无正当理由大量反复申请', '5.4 Excessive repeated applications', ['大量反复申请', '大量反复'],
    ['申请数量、频次明显超过合理范围且理由不合理。', 'Number or frequency clearly beyond a reasonable range without good reason.'], { articles: [art('art35')] }, { parent: 'notProcessed' }),
  row('notProcessed.confirmation', '5.要求行政机关确认或重新出具已获取信息', '5.5 Confirmation or re-issue of obtained information', ['确认或重新出具', '重新出具'],
    ['要求确认或重新出具申请人已获取的信息。', 'Requests to confirm or re-issue information already obtained.'], noArticle, { parent: 'notProcessed' }),
  row('other', '（六）其他处理', '(6) Other handling', ['其他处理'],
    ['其他处理情形（2021 年格式按 1–3 细分；2019 年格式为一行）。', 'Other handling (three sub-rows in the 2021 format; one row in 2019).'], { articles: [art('art30'), art('art42')] }, { parent: 'results', group: true, formats: ONLY2021 }),
  row('other', '（六）其他处理', '(6) Other handling', ['其他处理'],
    ['其他处理情形（2019 年格式为一行，不细分）。', 'Other handling (a single row in the 2019 format).'], { articles: [art('art30'), art('art42')] }, { parent: 'results', formats: ONLY2019 }),
  row('other.noCorrection', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '6.1 No correction in time', ['逾期不补正', '无正当理由逾期'],
    ['申请人无正当理由逾期不补正，视为放弃申请。', 'No correction within the time limit: treated as withdrawn.'], { articles: [art('art30')] }, { parent: 'other', formats: ONLY2021 }),
  row('other.unpaidFee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '6.2 Fee not paid in time', ['收费通知', '缴纳费用'],
    ['申请人逾期未缴纳信息处理费。', 'The information-processing fee was not paid in time.'], { articles: [art('art42')] }, { parent: 'other', formats: ONLY2021 }),
  row('other.other', '3.其他', '6.3 Other', ['其他'],
    ['不属于以上情形的其他处理。', 'Any other handling.'], noArticle, { parent: 'other', exact: true, formats: ONLY2021 }),
  row('total', '（七）总计', '(7) Total', ['总计'],
    ['本年度办理结果合计：等于（一）至（六）各项之和。', 'Total of outcomes: the sum of (1)–(6).'], art50Basis, { parent: 'results', exact: true }),
  row('carryOver', '四、结转下年度继续办理', 'IV. Carried over to next year', ['结转下年度', '结转下年'],
    ['年底尚未办结、结转下年度继续办理的申请件数。', 'Applications still pending at year end.'], art50Basis),
];

const table2Columns: ColumnSpec[] = [
  count('natural', '自然人', 'Natural persons', '申请人为自然人的件数。', 'Applicants who are natural persons.'),
  count('commercial', '商业企业', 'Businesses', '法人或其他组织中的商业企业。', 'Legal persons or organisations: businesses.'),
  count('research', '科研机构', 'Research institutions', '法人或其他组织中的科研机构。', 'Legal persons or organisations: research institutions.'),
  count('publicInterest', '社会公益组织', 'Public-interest organisations', '法人或其他组织中的社会公益组织。', 'Legal persons or organisations: public-interest organisations.'),
  count('legalService', '法律服务机构', 'Legal service providers', '法人或其他组织中的法律服务机构。', 'Legal persons or organisations: legal service providers.'),
  count('otherOrg', '其他', 'Other organisations', '法人或其他组织中的其他组织。', 'Legal persons or organisations: other.'),
  count('total', '总计', 'Total', '本行合计：自然人与五类法人或其他组织之和（没有“法人或其他组织”小计列）。', 'Row total: natural persons plus the five kinds of organisation (there is no organisation subtotal).'),
];

// ---------------------------------------------------------------- 表1
const t1Row = (id: string, label: string, en: string, keys: string[], zh: string, enMeaning: string, item: number, exact = true): RowSpec =>
  row(id, label, en, keys, [zh, enMeaning], { articles: [art('art20', item)] }, { exact });

const decisions2021 = count('decisions', '本年处理决定数量', 'Decisions this year', '本年作出的处理决定数量。', 'Decisions made this year.');
const prevItems = count('prevYearItems', '上一年项目数量', "Last year's items", '上一年度的项目数量。', 'Number of items last year.', ['上年项目数量']);
const delta: ColumnSpec = { id: 'delta', label: '本年增/减', en: 'Change this year', aliases: ['本年增减', '本年增加/减少'], kind: 'delta', meaning: { zh: '本年项目数量的增减，可以为负数。', en: 'Change in the number of items; may be negative.' } };
const decisions2019 = count('decisions', '处理决定数量', 'Decisions', '本年作出的处理决定数量。', 'Decisions made this year.');

const table1_2021: Table1ItemSpec[] = [
  {
    item: 1,
    columns: [
      count('issued', '本年制发件数', 'Issued this year', '本年新制定发布的件数。', 'Documents issued this year.'),
      count('repealed', '本年废止件数', 'Repealed this year', '本年废止的件数。', 'Documents repealed this year.'),
      count('inForce', '现行有效件数', 'In force', '截至年底现行有效的件数（上年现行有效 + 本年制发 − 本年废止）。', "In force at year end (last year's + issued − repealed)."),
    ],
    rows: [
      t1Row('item1.rules', '规章', 'Rules', ['规章'], '本机关制定的规章。', 'Rules made by the agency.', 1),
      t1Row('item1.normative', '行政规范性文件', 'Normative documents', ['行政规范性文件', '规范性文件'], '本机关制发的行政规范性文件。', 'Administrative normative documents.', 1),
    ],
  },
  { item: 5, columns: [decisions2021], rows: [t1Row('item5.licensing', '行政许可', 'Administrative licensing', ['行政许可'], '本年作出的行政许可处理决定。', 'Licensing decisions.', 5)] },
  {
    item: 6,
    columns: [decisions2021],
    rows: [
      t1Row('item6.penalty', '行政处罚', 'Administrative penalties', ['行政处罚'], '本年作出的行政处罚决定。', 'Penalty decisions.', 6),
      t1Row('item6.enforcement', '行政强制', 'Administrative enforcement', ['行政强制'], '本年作出的行政强制决定。', 'Enforcement decisions.', 6),
    ],
  },
  {
    item: 8,
    columns: [{ id: 'feeAmount', label: '本年收费金额（单位：万元）', en: 'Fees collected this year (10,000 yuan)', aliases: ['本年收费金额', '本年收费金额(万元)'], kind: 'money', meaning: { zh: '本机关本年收取的行政事业性收费金额，单位万元，可有小数。不是向申请人收取的信息处理费（第四十二条，见第六部分）。', en: 'Administrative fees collected by the agency, in 10,000 yuan (decimals allowed). Not the information-processing fee charged to applicants (art. 42, section VI).' } }],
    rows: [t1Row('item8.fees', '行政事业性收费', 'Administrative fees', ['行政事业性收费'], '本机关的行政事业性收费（第二十条第（八）项），不是信息处理费。', 'The agency’s administrative fees (art. 20 item 8), not the information-processing fee.', 8)],
  },
];

const table1_2019: Table1ItemSpec[] = [
  {
    item: 1,
    columns: [
      count('made', '本年新制作数量', 'Made this year', '本年新制作的件数。', 'Documents made this year.'),
      count('published', '本年新公开数量', 'Published this year', '本年新公开的件数。', 'Documents published this year.'),
      count('totalPublished', '对外公开总数量', 'Total published', '对外公开的总件数。', 'Total documents published.'),
    ],
    rows: [
      t1Row('item1.rules', '规章', 'Rules', ['规章'], '本机关制定的规章。', 'Rules made by the agency.', 1),
      t1Row('item1.normative', '规范性文件', 'Normative documents', ['规范性文件', '行政规范性文件'], '本机关制发的规范性文件。', 'Normative documents.', 1),
    ],
  },
  {
    item: 5,
    columns: [prevItems, delta, decisions2019],
    rows: [
      t1Row('item5.licensing', '行政许可', 'Administrative licensing', ['行政许可'], '行政许可事项。', 'Licensing matters.', 5),
      t1Row('item5.otherServices', '其他对外管理服务事项', 'Other external services', ['其他对外管理服务事项'], '其他对外管理服务事项。', 'Other external management services.', 5),
    ],
  },
  {
    item: 6,
    columns: [prevItems, delta, decisions2019],
    rows: [
      t1Row('item6.penalty', '行政处罚', 'Administrative penalties', ['行政处罚'], '行政处罚事项。', 'Penalty matters.', 6),
      t1Row('item6.enforcement', '行政强制', 'Administrative enforcement', ['行政强制'], '行政强制事项。', 'Enforcement matters.', 6),
    ],
  },
  { item: 8, columns: [prevItems, delta], rows: [t1Row('item8.fees', '行政事业性收费', 'Administrative fees', ['行政事业性收费'], '行政事业性收费项目（第二十条第（八）项），不是信息处理费。', 'Administrative fee items (art. 20 item 8), not the information-processing fee.', 8)] },
  {
    item: 9,
    columns: [
      count('procurementCount', '采购项目数量', 'Procurement projects', '政府集中采购项目数量。', 'Centralised procurement projects.'),
      { id: 'procurementAmount', label: '采购总金额', en: 'Procurement amount', aliases: ['采购总金额(单位:万元,保留4位小数)', '采购总金额(单位:万元)'], kind: 'money', meaning: { zh: '政府集中采购总金额（单位万元，可有小数；单元格内常带单位“元”）。', en: 'Total centralised procurement (10,000 yuan; decimals allowed; cells often carry a unit).' } },
    ],
    rows: [t1Row('item9.procurement', '政府集中采购', 'Centralised procurement', ['政府集中采购'], '政府集中采购项目。', 'Centralised government procurement.', 9)],
  },
];

// ---------------------------------------------------------------- 表3
const t3Groups = [
  { id: 'reconsideration', label: '行政复议', en: 'Administrative reconsideration' },
  { id: 'litigationDirect', label: '未经复议直接起诉', en: 'Litigation without reconsideration', parent: '行政诉讼' },
  { id: 'litigationAfter', label: '复议后起诉', en: 'Litigation after reconsideration', parent: '行政诉讼' },
];
const t3Sub: Array<[string, string, string, string, string]> = [
  ['upheld', '结果维持', 'Upheld', '原行为被维持的件数。', 'Cases in which the decision was upheld.'],
  ['corrected', '结果纠正', 'Corrected', '原行为被纠正的件数。', 'Cases in which the decision was corrected.'],
  ['other', '其他结果', 'Other result', '以其他方式结案的件数。', 'Cases closed otherwise.'],
  ['pending', '尚未审结', 'Pending', '年底尚未审结的件数。', 'Cases pending at year end.'],
  ['total', '总计', 'Total', '本组合计：维持 + 纠正 + 其他 + 尚未审结。', 'Group total: upheld + corrected + other + pending.'],
];
const table3Columns: ColumnSpec[] = t3Groups.flatMap((g) =>
  t3Sub.map(([id, label, en, zh, enMeaning]) => ({
    id: `${g.id}.${id}`, label, en: `${g.en}: ${en}`, aliases: [], kind: 'count' as const, group: g.id,
    meaning: { zh: `${g.label}：${zh}`, en: `${g.en}: ${enMeaning}` },
  })),
);

export const spec: FormatSpec = {
  formats: {
    '2021': { document: '国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》', usedFor: { zh: '2021 年及以后的年度报告', en: 'reports on 2021 and later' }, firstYear: 2021, lastYear: null },
    '2019': { document: '国办公开办函〔2019〕60号（年度报告格式（试行））', usedFor: { zh: '2019、2020 年的年度报告', en: 'reports on 2019 and 2020' }, firstYear: 2019, lastYear: 2020 },
  },
  articles,
  sections: [
    { number: 1, numeral: '一', title: '总体情况', titleEn: 'Overview', keywords: [['总体情况'], ['总体']], content: { zh: '总体情况（叙述）：通常分（一）主动公开（二）依申请公开（三）政府信息管理（四）政府信息公开平台建设（五）监督保障。', en: 'Overview (narrative), usually: proactive disclosure, disclosure on request, information management, platforms, oversight.' }, basis: { articles: [art('art50')] } },
    { number: 2, numeral: '二', title: '主动公开政府信息情况', titleEn: 'Proactive disclosure', keywords: [['主动公开', '情况']], content: { zh: '主动公开政府信息情况，含表1（第二十条各项）。', en: 'Proactive disclosure, with table 1 (items of article 20).' }, basis: { articles: [art('art50', 1), art('art20')] } },
    { number: 3, numeral: '三', title: '收到和处理政府信息公开申请情况', titleEn: 'Applications received and handled', keywords: [['收到', '申请'], ['处理', '申请情况']], content: { zh: '收到和处理政府信息公开申请情况，含表2。', en: 'Applications received and handled, with table 2.' }, basis: { articles: [art('art50', 2)] } },
    { number: 4, numeral: '四', title: '政府信息公开行政复议、行政诉讼情况', titleEn: 'Administrative reconsideration and litigation', keywords: [['复议', '诉讼']], variants: ['因政府信息公开申请行政复议、提起行政诉讼的情况', '政府信息公开行政复议和行政诉讼情况'], content: { zh: '因政府信息公开工作被申请行政复议、提起行政诉讼情况，含表3。', en: 'Reconsideration and litigation about disclosure, with table 3.' }, basis: { articles: [art('art50', 3), art('art51')] } },
    { number: 5, numeral: '五', title: '存在的主要问题及改进情况', titleEn: 'Main problems and improvements', keywords: [['主要问题'], ['存在', '问题', '改进']], variants: ['政府信息公开工作存在的主要问题及改进情况', '存在的主要问题及整改措施', '存在的主要问题及整改情况'], content: { zh: '存在的主要问题及改进情况（叙述）；各级人民政府还应报告工作考核、社会评议和责任追究结果情况。', en: 'Main problems and improvements (narrative); governments also report appraisal, public evaluation and accountability.' }, basis: { articles: [art('art50', 4)] } },
    { number: 6, numeral: '六', title: '其他需要报告的事项', titleEn: 'Other matters to report', keywords: [['其他需要报告'], ['其他', '报告的事项'], ['需要说明的其他事项']], content: { zh: '其他需要报告的事项：如信息处理费收取情况（第四十二条）、年度政务公开工作要点落实情况等。', en: 'Other matters: information-processing fees charged (art. 42), implementation of the annual work points, etc.' }, basis: { articles: [art('art50', 5), art('art42')] } },
  ],
  tables: [
    { id: 'table1', number: 1, title: '主动公开政府信息情况', titleEn: 'Proactive disclosure', section: 2 },
    { id: 'table2', number: 2, title: '收到和处理政府信息公开申请情况', titleEn: 'Applications received and handled', section: 3 },
    { id: 'table3', number: 3, title: '政府信息公开行政复议、行政诉讼情况', titleEn: 'Reconsideration and litigation', section: 4 },
  ],
  table1: { '2019': table1_2019, '2021': table1_2021 },
  table2: { columns: table2Columns, rows: table2Rows, cornerNote: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）' },
  table3: { groups: t3Groups, columns: table3Columns, rowId: 'cases' },
  identities: [
    { id: 'I1', rule: 'balance', relation: { zh: '一 + 二 = （七）总计 + 四', en: 'I + II = (7) total + IV' }, scope: { zh: '表2 每一列（本列）', en: 'each column of table 2' }, severity: 'error' },
    { id: 'I2', rule: 'outcome-total', relation: { zh: '（七）=（一）+（二）+ Σ（三）1–8 + Σ（四）1–3 + Σ（五）1–5 + Σ（六）', en: '(7) = (1) + (2) + Σ(3) + Σ(4) + Σ(5) + Σ(6)' }, scope: { zh: '表2 每一列', en: 'each column of table 2' }, severity: 'error' },
    { id: 'I3', rule: 'row-total', relation: { zh: '总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他', en: 'total = natural persons + the five kinds of organisation' }, scope: { zh: '表2 每一行', en: 'each row of table 2' }, severity: 'error' },
    { id: 'I4', rule: 'review-total', relation: { zh: '总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结', en: 'total = upheld + corrected + other + pending' }, scope: { zh: '表3 每一组', en: 'each group of table 3' }, severity: 'error' },
    { id: 'I5', rule: 'carry-over', relation: { zh: '本年“二、上年结转” = 上年“四、结转下年度继续办理”', en: "this year's II = last year's IV" }, scope: { zh: '表2 每一列，跨年度', en: 'each column of table 2, across years' }, severity: 'warning' },
    { id: 'I6', rule: 'stock', relation: { zh: '现行有效件数(N) = 现行有效件数(N−1) + 本年制发(N) − 本年废止(N)', en: 'in force(N) = in force(N−1) + issued(N) − repealed(N)' }, scope: { zh: '表1 第（一）项，跨年度', en: 'table 1 item (1), across years' }, severity: 'info' },
    { id: 'I7', rule: 'text-table', relation: { zh: '正文引用的数字与表格一致', en: 'figures quoted in the narrative agree with the tables' }, scope: { zh: '全文', en: 'whole report' }, severity: 'warning' },
  ],
};

// Asked for every row read and checked: filtered once per format.
const table2RowsByFormat: Record<'2019' | '2021', readonly RowSpec[]> = {
  '2019': spec.table2.rows.filter((r) => r.formats.includes('2019')),
  '2021': spec.table2.rows.filter((r) => r.formats.includes('2021')),
};

export function table2RowsFor(format: '2019' | '2021'): readonly RowSpec[] {
  return table2RowsByFormat[format];
}

export function table1ItemsFor(format: '2019' | '2021'): Table1ItemSpec[] {
  return spec.table1[format];
}

export function articleById(id: string) {
  return spec.articles.find((a) => a.id === id);
}
