// Markdown for the terminal: headings, emphasis, inline code and fenced code, colored with picocolors.
import pc from 'picocolors';

function inline(text: string): string {
  return text
    .replace(/`([^`]+)`/g, (_m, code: string) => pc.yellow(code))
    .replace(/\*\*([^*]+)\*\*/g, (_m, b: string) => pc.bold(b))
    .replace(/(^|[\s(])\*([^*\s][^*]*)\*/g, (_m, pre: string, i: string) => `${pre}${pc.italic(i)}`)
    .replace(
      /\[([^\]]+)\]\(([^)]+)\)/g,
      (_m, label: string, url: string) => `${pc.underline(label)} ${pc.dim(`(${url})`)}`,
    );
}

export function renderTerminalMarkdown(markdown: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split('\n')) {
    const f = /^\s*(```|~~~)\s*([\w-]*)/.exec(line);
    if (f) {
      if (fence === null) {
        fence = f[2] ?? '';
        out.push(pc.dim(`  ┌─ ${fence || 'code'}`));
      } else {
        fence = null;
        out.push(pc.dim('  └─'));
      }
      continue;
    }
    if (fence !== null) {
      out.push(`${pc.dim('  │ ')}${pc.cyan(line)}`);
      continue;
    }
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) {
      out.push('', (h[1]?.length ?? 1) <= 2 ? pc.bold(pc.underline(h[2] ?? '')) : pc.bold(h[2] ?? ''));
      continue;
    }
    const bullet = /^(\s*)[-*]\s+(.*)$/.exec(line);
    if (bullet) {
      out.push(`${bullet[1]}  • ${inline(bullet[2] ?? '')}`);
      continue;
    }
    out.push(inline(line));
  }
  return out.join('\n');
}
