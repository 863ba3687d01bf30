// Settings (interview date, daily new cards, retention, minutes, theme) and backup export/import.
import { useRef, useState } from 'react';
import { api, messageOf, type Settings } from '../api.js';
import { ErrorBox, Loading, useLoad, usePageTitle } from '../components/common.js';
import { applyTheme } from '../theme.js';

export function SettingsPage() {
  usePageTitle('Settings');
  const [load] = useLoad(() => api.settings(), []);
  if (load.state === 'loading') return <Loading what="your settings" />;
  if (load.state === 'error') return <ErrorBox message={load.message} />;
  return (
    <div className="settings" data-ready="settings">
      <h1>Settings</h1>
      <SettingsForm initial={load.data} />
      <Backup />
    </div>
  );
}

function SettingsForm({ initial }: { initial: Settings }) {
  const [s, setS] = useState(initial);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const saved = await api.updateSettings(s);
      setS(saved);
      applyTheme(saved.theme);
      setStatus('Settings saved.');
    } catch (err) {
      setError(messageOf(err));
      setStatus('');
    }
  };
  const num = (v: string) => (v === '' ? 0 : Number(v));
  return (
    <form className="panel form" onSubmit={save} aria-labelledby="settings-title">
      <h2 id="settings-title">Study</h2>
      <label>
        Interview date
        <input
          type="date"
          name="interviewDate"
          value={s.interviewDate ?? ''}
          onChange={(e) => setS({ ...s, interviewDate: e.target.value || null })}
        />
      </label>
      <label>
        New cards a day
        <input
          type="number"
          name="newPerDay"
          min={0}
          max={500}
          value={s.newPerDay}
          onChange={(e) => setS({ ...s, newPerDay: num(e.target.value) })}
        />
      </label>
      <label>
        Desired retention
        <input
          type="number"
          name="desiredRetention"
          min={0.7}
          max={0.99}
          step={0.01}
          value={s.desiredRetention}
          onChange={(e) => setS({ ...s, desiredRetention: num(e.target.value) })}
        />
      </label>
      <label>
        Minutes a day
        <input
          type="number"
          name="minutesPerDay"
          min={5}
          max={600}
          value={s.minutesPerDay}
          onChange={(e) => setS({ ...s, minutesPerDay: num(e.target.value) })}
        />
      </label>
      <label>
        Theme
        <select
          name="theme"
          value={s.theme}
          onChange={(e) => setS({ ...s, theme: e.target.value as Settings['theme'] })}
        >
          <option value="system">Follow the system</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
      <div className="row">
        <button type="submit" className="primary">
          Save settings
        </button>
        <span role="status">{status}</span>
      </div>
      {error && <ErrorBox message={error} />}
    </form>
  );
}

function Backup() {
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const exportNow = async () => {
    setError(null);
    try {
      const bundle = await api.exportBackup();
      const url = URL.createObjectURL(
        new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/json' }),
      );
      const a = document.createElement('a');
      a.href = url;
      a.download = `pyprep-backup-${new Date().toISOString().slice(0, 10)}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      setStatus('Backup downloaded.');
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const importNow = async () => {
    const f = file.current?.files?.[0];
    if (!f) {
      setError('Choose a backup file first.');
      return;
    }
    setError(null);
    try {
      const counts = await api.importBackup(JSON.parse(await f.text()));
      setStatus(
        `Imported ${counts.cards} cards, ${counts.reviewLogs} reviews, ${counts.notes} notes, ${counts.settings} settings.`,
      );
    } catch (e) {
      setError(e instanceof SyntaxError ? 'That file is not JSON.' : messageOf(e));
    }
  };
  return (
    <section className="panel form" aria-labelledby="backup-title">
      <h2 id="backup-title">Backup</h2>
      <p className="muted">Your cards, review history, notes and settings as one JSON file.</p>
      <div className="row">
        <button type="button" onClick={exportNow}>
          Export backup
        </button>
      </div>
      <label>
        Backup file to import
        <input ref={file} type="file" accept="application/json,.json" />
      </label>
      <div className="row">
        <button type="button" onClick={importNow}>
          Import backup
        </button>
        <span role="status">{status}</span>
      </div>
      {error && <ErrorBox message={error} />}
    </section>
  );
}
