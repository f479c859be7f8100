// Rule `section-content`: what the format asks sections 五 and 六 to say. Section 五 that is empty
// or says only "无" (the format asks for the problems and how they are being improved); section 六
// that does not say whether 信息处理费 was charged (the 2021 format's notice asks for it; never
// confused with 表1's 行政事业性收费, another thing).
import { message } from '../i18n/catalog';
import type { ReportModel, Section } from '../model';
import type { Rule, RuleFinding } from './types';

function body(model: ReportModel, s: Section): string {
  return model.text.slice(s.headingRange.end, s.range.end)
    .replace(/<[^>]*>/g, '').replace(/&nbsp;|&#160;/g, '').replace(/<!--[\s\S]*?-->/g, '')
    .replace(/[\s\u3000*#_>|-]+/g, '');
}

export const sectionContent: Rule = {
  id: 'section-content',
  severity: 'warning',
  evidence: 'absence',
  title: 'section-content.title',
  description: 'section-content.description',
  check(model) {
    const out: RuleFinding[] = [];
    const five = model.sections.find((s) => s.number === 5);
    if (five && /^(?:无|暂无|没有|无问题|暂无问题)?[。.]?$/.test(body(model, five))) {
      out.push({ message: message('msg.sectionContent.five'), range: five.headingRange, related: [] });
    }
    return out;
  },
};

export const processingFee: Rule = {
  id: 'processing-fee',
  severity: 'info',
  evidence: 'absence',
  formats: ['2021'],
  title: 'processing-fee.title',
  description: 'processing-fee.description',
  check(model) {
    const six = model.sections.find((s) => s.number === 6);
    if (!six) return [];
    // Not any 收费: 行政事业性收费 is table 1's, another thing.
    if (/处理费|收取(?:任何)?费用|(?:不|未|没有|无)(?:发生|产生)?(?:任何)?收(?:取)?费|免费/.test(model.text.slice(six.headingRange.end, six.range.end))) return [];
    return [{ message: message('msg.processingFee'), range: six.headingRange, related: [] }];
  },
};

/** "统计期限自 2023 年 1 月 1 日起至 2023 年 12 月 31 日止" names the report's year. */
const PERIOD = /统计期限[^。]{0,12}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日[^。]{0,8}?至\s*((?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日/;

export const yearMismatch: Rule = {
  id: 'year-mismatch',
  severity: 'warning',
  evidence: 'cells',
  title: 'year-mismatch.title',
  description: 'year-mismatch.description',
  check(model) {
    if (model.year === undefined || !model.title) return [];
    const head = model.text.slice(0, 5000);
    const m = PERIOD.exec(head);
    if (!m) return [];
    const out: RuleFinding[] = [];
    for (const k of [1, 2]) {
      const y = Number(m[k]);
      if (y === model.year) continue;
      const start = m.index + m[0].indexOf(m[k] as string, k === 2 ? m[0].indexOf('至') : 0);
      out.push({
        message: message('msg.yearMismatch', { written: y, year: model.year }), range: { start, end: start + 4 }, related: [],
        fix: { title: message('msg.fix.replaceWith', { suggestion: String(model.year) }), edit: { range: { start, end: start + 4 }, newText: String(model.year) }, safe: false },
      });
    }
    return out;
  },
};
