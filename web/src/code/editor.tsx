// CodeMirror 6 editor for Python (loaded lazily: it is not part of the initial bundle).
import { indentWithTab } from '@codemirror/commands';
import { python } from '@codemirror/lang-python';
import { EditorView, keymap } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';

export interface EditorProps {
  value: string;
  onChange: (value: string) => void;
  label: string;
  /** Ctrl/Cmd+Enter. */
  onRun?: () => void;
  /** Ctrl/Cmd+Shift+Enter. */
  onSubmit?: () => void;
}

export default function CodeEditor({ value, onChange, label, onRun, onSubmit }: EditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const handlers = useRef({ onChange, onRun, onSubmit });
  handlers.current = { onChange, onRun, onSubmit };

  // biome-ignore lint/correctness/useExhaustiveDependencies: the editor is created once; value syncs below.
  useEffect(() => {
    if (!host.current) return;
    const v = new EditorView({
      parent: host.current,
      doc: value,
      extensions: [
        keymap.of([
          {
            key: 'Mod-Enter',
            run: () => {
              handlers.current.onRun?.();
              return true;
            },
          },
          {
            key: 'Mod-Shift-Enter',
            run: () => {
              handlers.current.onSubmit?.();
              return true;
            },
          },
          indentWithTab,
        ]),
        basicSetup,
        python(),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) handlers.current.onChange(u.state.doc.toString());
        }),
      ],
    });
    view.current = v;
    return () => v.destroy();
  }, []);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value)
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  return <div className="editor" ref={host} data-testid="code-editor" />;
}
