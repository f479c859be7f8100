// The overview webview's page: its layout and styles (theme colours through --vscode-* variables),
// and a content security policy that lets in only the extension's own script. Kept free of the
// vscode API so that the overview benchmark loads the same page in a browser.

/** The page, allowing scripts and styles from `csp` (the webview's source) and loading `script`. */
export function overviewPage(csp: string, script: string): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${csp} 'unsafe-inline'; script-src ${csp};">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{padding:0 12px;color:var(--vscode-foreground);background:var(--vscode-editor-background);font-family:var(--vscode-font-family);font-size:var(--vscode-font-size)}
.bar{display:flex;gap:8px;align-items:center;padding:8px 0;flex-wrap:wrap}
input,select{background:var(--vscode-input-background);color:var(--vscode-input-foreground);border:1px solid var(--vscode-input-border,transparent);padding:3px 6px}
button{background:var(--vscode-button-secondaryBackground);color:var(--vscode-button-secondaryForeground);border:none;padding:4px 10px;cursor:pointer}
button:hover{background:var(--vscode-button-secondaryHoverBackground)}
#count{opacity:.8;margin-left:auto}
#trust{display:flex;gap:10px;align-items:center;margin:8px 0 0;padding:6px 10px;background:var(--vscode-inputValidation-warningBackground,var(--vscode-editorWidget-background));border:1px solid var(--vscode-inputValidation-warningBorder,var(--vscode-panel-border))}
#trust[hidden]{display:none}
#trust button{background:var(--vscode-button-background);color:var(--vscode-button-foreground);flex:none}
#trust button:hover{background:var(--vscode-button-hoverBackground)}
.table{height:calc(62vh - 60px)}
.chains{border-top:1px solid var(--vscode-panel-border);padding-top:6px}
.chains h2{font-size:1.05em;margin:4px 0;display:flex;gap:8px;align-items:center}
.charts{display:flex;gap:16px;flex-wrap:wrap;align-items:flex-start}
.charts figure{margin:0}.charts figcaption{font-size:.9em;opacity:.85}
#years{list-style:none;padding:0;margin:0;min-width:260px}#years li{cursor:pointer;padding:2px 0}#years li.break{color:var(--vscode-editorWarning-foreground)}
#scroller{overflow:auto;height:100%;scrollbar-color:var(--vscode-scrollbarSlider-hoverBackground,rgba(100,100,100,.7)) var(--vscode-editorWidget-background,transparent)}
#scroller::-webkit-scrollbar{width:12px;height:12px}
#scroller::-webkit-scrollbar-track{background:var(--vscode-editorWidget-background,transparent)}
#scroller::-webkit-scrollbar-thumb{background:var(--vscode-scrollbarSlider-hoverBackground,rgba(100,100,100,.7))}
#scroller::-webkit-scrollbar-thumb:hover,#scroller::-webkit-scrollbar-thumb:active{background:var(--vscode-scrollbarSlider-activeBackground,rgba(100,100,100,.9))}
#grid{position:relative;width:max-content;min-width:100%}
/* The columns' widths (set by the script from the headers and the figures): the figures' columns
   as wide as their widest figure, file, agency and status share what is left. */
#head,.row{display:grid;grid-template-columns:var(--columns,220px 180px 52px 52px 180px repeat(16,64px))}
#head{font-weight:600;border-bottom:1px solid var(--vscode-panel-border);position:sticky;top:0;z-index:2;background:var(--vscode-editor-background);align-items:stretch}
#head .cell{cursor:pointer;white-space:pre-line;line-height:1.25;padding-top:2px;padding-bottom:9px;text-overflow:clip;display:flex;flex-direction:column;justify-content:flex-end;position:relative}
/* The file column stays in view when the table scrolls sideways. */
.cell.col-file{position:sticky;left:0;z-index:1;background:var(--vscode-editor-background);box-shadow:1px 0 0 var(--vscode-panel-border,rgba(128,128,128,.35))}
#head .cell.col-file{position:sticky;z-index:3}
/* The sort arrow, under the header's text (it takes no width from a narrow column). */
#head .arrow{position:absolute;bottom:0;left:0;right:0;text-align:center;font-size:8px;line-height:9px;opacity:.8}
.row:hover .col-file,.row:focus .col-file{background:linear-gradient(var(--vscode-list-hoverBackground),var(--vscode-list-hoverBackground)),var(--vscode-editor-background)}
#rows{position:relative}
#body{position:absolute;top:0;left:0;right:0}
.row{height:26px;align-items:stretch;border-bottom:1px solid var(--vscode-editorGroup-border,transparent);cursor:pointer}
.row:hover,.row:focus{background:var(--vscode-list-hoverBackground);outline:none}
.row:focus{outline:1px solid var(--vscode-focusBorder)}
.cell{padding:0 5px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;min-width:0}
.row .cell{line-height:25px}
.cell.count,.cell.rate{text-align:right;font-variant-numeric:tabular-nums}
.row.has-errors .col-errors{color:var(--vscode-errorForeground);font-weight:600}
.row.skipped,.row.failed{opacity:.75}
/* The review counts: a link-like button that lists the report's problems below the table. */
.cell button.review{background:none;border:none;padding:0;font:inherit;color:var(--vscode-textLink-foreground);text-decoration:underline dotted;cursor:pointer}
.cell button.review:hover{background:none;color:var(--vscode-textLink-activeForeground)}
.cell button.review:focus-visible{outline:1px solid var(--vscode-focusBorder)}
#findings{border-top:1px solid var(--vscode-panel-border);padding:4px 0 8px;margin-top:6px}
#findings[hidden]{display:none}
#findings h2{font-size:1.05em;margin:4px 0;display:flex;gap:8px;align-items:center;justify-content:space-between}
#finding-list{list-style:none;margin:0;padding:0;max-height:34vh;overflow:auto}
#finding-list li{display:grid;grid-template-columns:3em 9em 11em minmax(0,1fr) auto;grid-template-areas:"sev place rule msg act";gap:2px 8px;align-items:center;padding:3px 6px;border-left:3px solid transparent;border-bottom:1px solid var(--vscode-editorGroup-border,transparent)}
#finding-list li:focus{outline:1px solid var(--vscode-focusBorder)}
#finding-list li.none{display:block}
#finding-list li.error{border-left-color:var(--vscode-editorError-foreground,#e51400)}
#finding-list li.warning{border-left-color:var(--vscode-editorWarning-foreground,#bf8803)}
#finding-list li.info{border-left-color:var(--vscode-editorInfo-foreground,#1a85ff)}
#finding-list li.dismissed .message,#finding-list li.dismissed .rule{opacity:.65}
#finding-list .severity{grid-area:sev;font-size:.9em;opacity:.85}
#finding-list .message{grid-area:msg;overflow-wrap:anywhere}
#finding-list .actions,#finding-list .decision{grid-area:act}
@media (max-width:760px){#finding-list li{grid-template-columns:auto minmax(0,max-content) minmax(0,1fr) auto;grid-template-areas:"sev place rule act" "msg msg msg msg"}}
#finding-list .rule{grid-area:rule;font-family:var(--vscode-editor-font-family);font-size:.9em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
#finding-list button.place{grid-area:place;background:none;padding:0;color:var(--vscode-textLink-foreground);text-align:left;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
#finding-list .actions{display:flex;gap:6px;flex-wrap:wrap;justify-content:flex-end}
#finding-list .decision{opacity:.85;text-align:right}
button:disabled{opacity:.5;cursor:default}
</style></head><body>
<div id="trust" role="status" hidden><span id="trust-text"></span><button id="trust-button"></button></div>
<div class="bar">
<input id="filter" type="search" size="24">
<select id="year"></select><select id="severity"></select><select id="rule"></select>
<span id="count"></span>
<button data-export="csv">CSV</button><button data-export="xlsx">XLSX</button><button data-export="html">HTML</button><button data-export="json">JSON</button>
</div>
<div class="table" role="table"><div id="scroller"><div id="grid"><div id="head" role="row"></div><div id="rows"><div id="spacer"></div><div id="body"></div></div></div></div></div>
<section id="findings" hidden aria-live="polite"><h2><span id="findings-title"></span><button id="findings-close" type="button"></button></h2><ul id="finding-list"></ul></section>
<section class="chains"><h2><span id="chains-title"></span><select id="agency"></select></h2>
<div class="charts"><ul id="years"></ul>
<figure><figcaption id="cap-received"></figcaption><canvas id="chart-received" width="240" height="150"></canvas></figure>
<figure><figcaption id="cap-handled"></figcaption><canvas id="chart-handled" width="240" height="150"></canvas></figure>
<figure><figcaption id="cap-rate"></figcaption><canvas id="chart-rate" width="240" height="150"></canvas></figure></div></section>
<script src="${script}"></script>
</body></html>`;
}
