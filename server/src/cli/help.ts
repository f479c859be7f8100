// The help of `gov-report check` (and of the other commands, by name), in both languages.
export const HELP = {
  'zh-CN': `用法: gov-report check [选项] <文件或目录…>

检查政府信息公开工作年度报告（.txt、.md、.html、.docx、.pdf；目录递归）。

选项:
  --format stylish|json|sarif|github
                                输出格式（默认 stylish；github 为 GitHub Actions 注释）
  -o, --output-file <文件>       把结果写入文件而不是标准输出
  --rule <规则:级别>             临时设定规则级别（可多次给出，如 --rule row-total:off）
  -                             从标准输入读取报告；--stdin-filename <名称> 给出其文件名
  --lang zh-CN|en               消息语言（默认 zh-CN）
  --fix                         就地应用可确定的修复（总计、编号等），并报告改动
  --dry-run                     与 --fix 同用：只打印将做的改动（unified diff），不写文件
  --quiet                       只报告错误（不报告警告和提示）
  --max-warnings <数量>          警告超过此数量时以退出码 1 结束
  --include-dismissed           也列出审阅时已排除的问题（标明理由；不计入退出码）
  --ignore <通配符>              不检查匹配的文件（可多次给出，如 --ignore "草稿/**"）
  --config <文件>                使用此配置文件（默认：报告所在目录或上级目录中的 .gov-report.json）
  -h, --help                    显示帮助
  -v, --version                 显示版本

其他命令:
  gov-report init               在当前目录写入一个 .gov-report.json（已存在时不覆盖）
  gov-report print-config <文件> 显示对该文件生效的配置
  gov-report convert <文件>      把 Word/PDF 报告重建为文本（见下）
  gov-report summary <文件或目录…> [--format csv|json|html|xlsx] [-o <文件>]
                                审查汇总：每份报告一行（机关、年度、格式、问题数、读取情况、新收、办理、公开率、复议、诉讼等）

退出码: 0 无错误；1 发现错误；2 用法错误、文件无法读取或没有可检查的文件`,
  en: `Usage: gov-report check [options] <files or folders…>

Checks government information disclosure annual reports (.txt, .md, .html, .docx, .pdf; folders recursively).

Options:
  --format stylish|json|sarif|github
                                output format (default stylish; github: GitHub Actions annotations)
  -o, --output-file <file>      write the results to a file instead of standard output
  --rule <rule:severity>        set a rule's severity for this run (repeatable, e.g. --rule row-total:off)
  -                             read the report from standard input; --stdin-filename <name> names it
  --lang zh-CN|en               message language (default zh-CN)
  --fix                         apply the determined fixes (totals, numbering…) in place and report them
  --dry-run                     with --fix: print the changes as a unified diff, write nothing
  --quiet                       report errors only (no warnings, no infos)
  --max-warnings <n>            exit with 1 when there are more than n warnings
  --include-dismissed           list the findings a reviewer dismissed too (marked, with the reason; never counted)
  --ignore <glob>               do not check matching files (repeatable, e.g. --ignore "drafts/**")
  --config <file>               use this configuration file (default: the nearest .gov-report.json)
  -h, --help                    show this help
  -v, --version                 show the version

Other commands:
  gov-report init               write a .gov-report.json in the current folder (never over one)
  gov-report print-config <file> show the configuration that applies to the file
  gov-report convert <file>     rebuild a Word/PDF report as text (see below)
  gov-report summary <files or folders…> [--format csv|json|html|xlsx] [-o <file>]
                                the reviewer's overview: a row per report (agency, year, format, findings,
                                reading status, received, handled, disclosure rate, reconsideration, litigation…)

Exit codes: 0 no error; 1 an error was found; 2 bad usage, an unreadable file, or nothing to check`,
};
