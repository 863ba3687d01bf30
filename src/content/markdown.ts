// Markdown to safe HTML, once at build time: raw HTML is escaped, links are vetted, code is highlighted.
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import diff from 'highlight.js/lib/languages/diff';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import http from 'highlight.js/lib/languages/http';
import ini from 'highlight.js/lib/languages/ini';
import json from 'highlight.js/lib/languages/json';
import nginx from 'highlight.js/lib/languages/nginx';
import plaintext from 'highlight.js/lib/languages/plaintext';
import python from 'highlight.js/lib/languages/python';
import sql from 'highlight.js/lib/languages/sql';
import yaml from 'highlight.js/lib/languages/yaml';
import MarkdownIt from 'markdown-it';

const languages = { python, yaml, dockerfile, bash, json, sql, ini, plaintext, diff, http, nginx };
for (const [name, lang] of Object.entries(languages)) hljs.registerLanguage(name, lang);
hljs.registerAliases(['py', 'pycon'], { languageName: 'python' });
hljs.registerAliases(['sh', 'shell', 'console'], { languageName: 'bash' });
hljs.registerAliases(['yml'], { languageName: 'yaml' });
hljs.registerAliases(['text', 'txt', 'output'], { languageName: 'plaintext' });
hljs.registerAliases(['toml', 'env'], { languageName: 'ini' });

export const KNOWN_FENCE_LANGUAGES = new Set(
  hljs.listLanguages().flatMap((l) => [l, ...(hljs.getLanguage(l)?.aliases ?? [])]),
);

const md: InstanceType<typeof MarkdownIt> = new MarkdownIt({
  html: false,
  linkify: false,
  typographer: false,
  highlight(code, info) {
    const lang = info.trim().split(/\s+/)[0] ?? '';
    const known = lang !== '' && hljs.getLanguage(lang) !== undefined;
    const body = known
      ? hljs.highlight(code, { language: lang, ignoreIllegals: true }).value
      : md.utils.escapeHtml(code);
    const cls = known ? ` class="hljs language-${md.utils.escapeHtml(lang)}"` : ' class="hljs"';
    return `<pre><code${cls}>${body}</code></pre>`;
  },
});

// Links may only be web or in-page: no javascript:, data: or file: URLs from content.
md.validateLink = (url: string): boolean => /^(https?:\/\/|#|\/)/i.test(url.trim());

export function renderMarkdown(source: string): string {
  return md.render(source);
}

export function renderInline(source: string): string {
  return md.renderInline(source);
}

export interface Fence {
  info: string;
  content: string;
  /** 0-based line of the opening fence in `source`. */
  line: number;
}

export function fences(source: string): Fence[] {
  return md
    .parse(source, {})
    .filter((t: { type: string }) => t.type === 'fence')
    .map((t) => ({ info: t.info.trim(), content: t.content, line: t.map?.[0] ?? 0 }));
}
